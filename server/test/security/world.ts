// The fixtures the security suites point every route at: a driver (the owner) with one of each
// thing a driver can own, another driver with records of their own, and staff of each role.
// Records are made through the HTTP API where the API makes them (cases, consultations,
// bookings, vehicle bindings), so they are in the states real callers leave them in. A part that a
// route's success changes for good (a joined invitation, a cancelled booking, a logged-out token)
// is made again before the next caller (`refresh`).
import { addLearner, addSession } from '../exams/helpers';
import { vin } from '../inquiries/helpers';
import { DETAILS_A, DETAILS_B, REQUIRED, steps } from '../accidents/flow';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStaff, idNumberCheckChar, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';

/** The official account's message-push token the app is started with (requests.ts signs with it). */
export const OA_PUSH_TOKEN = 'security-push-token';

/**
 * The app on its own database, with uploads in a directory of its own. The daily allowances per
 * driver (reports, questions, follow-ups, uploads) and the public document checks per address are
 * lifted: they are not what these suites test, and a world and its fuzzing make many of each.
 */
export async function startSecurityContext(): Promise<TestContext> {
  const ctx = await startTestContext({
    UPLOAD_DIR: mkdtempSync(path.join(tmpdir(), 'jg-security-')),
    WECHAT_OA_PUSH_TOKEN: OA_PUSH_TOKEN,
    DAILY_ACCIDENTS_PER_DRIVER: '1000000',
    DAILY_CONSULTATIONS_PER_DRIVER: '1000000',
    DAILY_FOLLOW_UPS_PER_DRIVER: '1000000',
    DAILY_UPLOADS_PER_DRIVER: '1000000',
    DOCUMENT_CHECKS_PER_MINUTE: '10000',
  });
  // A world starts from an empty database: an earlier test file in the same jest worker (same
  // process id, so the same generated ID numbers) may have left its learners behind.
  await ctx.reset();
  return ctx;
}

/** Who calls: the columns of the matrix. */
export const CALLERS = ['anonymous', 'owner', 'otherDriver', 'officer', 'otherOfficer', 'agent', 'admin', 'insurer'] as const;
export type CallerName = (typeof CALLERS)[number];

/** The staff role each staff caller has; a route open to a role not listed here needs a new column. */
export const STAFF_CALLERS = { officer: 'officer', otherOfficer: 'officer', agent: 'agent', admin: 'admin', insurer: 'insurer' } as const;
export type StaffCallerName = keyof typeof STAFF_CALLERS;

export interface Person {
  id: number;
  /** The fake WeChat user (drivers) or username (staff): logs the same person in again. */
  login: string;
  token: string;
  idNumber: string;
}

export interface CaseFixture {
  id: number;
  caseNumber: string;
  /** An evidence photo of the case (uploaded by the owner). */
  photoId: number;
  /** The owner's signature upload on the case. */
  signatureId: number;
}

/** Kinds of the owner's data, and who besides the owner may be shown each (the rest never). */
export type SecretKind = 'accident' | 'consultation' | 'vehicle' | 'identity';
export const SEES: Record<CallerName, readonly SecretKind[]> = {
  anonymous: [],
  owner: ['accident', 'consultation', 'vehicle', 'identity'],
  otherDriver: [],
  officer: ['accident'], // the unit's cases
  otherOfficer: [],
  agent: ['consultation'], // the desk's questions
  admin: ['accident', 'consultation', 'vehicle', 'identity'], // claims, the desk, imports, the audit log
  insurer: ['accident'], // the claim of the owner's case is its company's
};

/** The parts `refresh` can make again. */
export type Part = 'token' | 'case' | 'openCase' | 'waitingCase' | 'consultation' | 'booking' | 'vehicle' | 'identity' | 'spareStaff' | 'faq' | 'world';

export interface World {
  tokens: Record<CallerName, string | undefined>;
  /** Driver A: reported the cases (tengzhou), asked the consultation, holds the booking, the vehicle, the messages. */
  owner: Person;
  /** Another driver with a bound identity, a licence, a learner record and a vehicle of their own. */
  otherDriver: Person & { vehicle: { id: number; plate: string; vin: string } };
  /** Party B of the owner's two-party cases (not a caller of the matrix). */
  partyB: Person;
  staff: Record<StaffCallerName, Person>;
  /** A staff account no caller uses, for the admin's account routes (deactivate, reset password) to act on. */
  spareStaff: { id: number };
  /** Submitted by both parties: PENDING_REVIEW in tengzhou, with photos and signatures. */
  case: CaseFixture;
  /** The owner's claim on `openCase`, handed to 中国人保财险 (the insurer caller's company); made directly, so no decision on `case` meets it. */
  claim: { id: number };
  /** Joined and negotiated (both parties' details, the required photos, liability): the parties can still change it. */
  openCase: CaseFixture;
  /** Reported with two vehicles, waiting for the second party: a live invite code. */
  waitingCase: { id: number; caseNumber: string; inviteCode: string };
  consultation: { id: number; marker: string };
  /** A FIRST_COME session for subject 2, and the owner's CONFIRMED booking in it. */
  session: { id: number };
  booking: { id: number };
  vehicle: { id: number; plate: string; vin: string };
  notification: { id: number };
  /** An FAQ entry and a canned reply, for their keepers' routes (change, delete). */
  faq: { id: number };
  cannedReply: { id: number };
  /**
   * Strings of the owner's records, by kind, that only some callers may be shown (SEES). Grows as
   * parts are made again. Not the waiting case's number: whoever holds its invite code may join it.
   */
  secrets: Record<SecretKind, string[]>;
}

let seq = (process.pid % 400) * 1000;
const next = () => ++seq;

export function nextIdNumber(): string {
  const n = next();
  const first17 = `3704${String(10 + (n % 89)).padStart(2, '0')}19${String(50 + (Math.floor(n / 89) % 50))}0101${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
export const nextPlate = () => `鲁Q${String(next() % 100_000).padStart(5, '0')}`;
export const nextVin = () => vin('LSVAU2A3', `N${String(next()).padStart(7, '0')}`);

function expectStatus(what: string, res: { status: number; body: unknown }, ...statuses: number[]) {
  if (!statuses.includes(res.status)) throw new Error(`world: ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A driver with a bound identity, a licence and a learner record (subject 1 passed) for it. */
async function boundDriver(ctx: TestContext, realName: string): Promise<Person> {
  const d = await loginDriver(ctx);
  const idNumber = nextIdNumber();
  await ctx.db.driver.update({ where: { id: d.id }, data: { idNumber, realName, identityBoundAt: new Date() } });
  await ctx.db.licence.create({
    data: {
      idNumber,
      name: realName,
      licenceClass: 'C1',
      firstIssuedAt: new Date('2015-03-09T16:00:00Z'),
      validUntil: new Date(Date.now() + 2000 * 86_400_000),
      status: 'A',
      points: 2,
    },
  });
  const learner = await addLearner(ctx);
  await ctx.db.learner.update({ where: { id: learner.id }, data: { idNumber, name: realName } });
  return { id: d.id, login: d.name, token: d.token, idNumber };
}

/** A vehicle registered to `owner`, bound through the API. */
async function boundVehicle(ctx: TestContext, owner: Person) {
  const plate = nextPlate();
  const v = nextVin();
  const vehicle = await ctx.db.vehicle.create({
    data: {
      plate,
      plateType: '02',
      vin: v,
      ownerIdNumber: owner.idNumber,
      brand: '大众',
      model: '朗逸',
      registeredAt: new Date('2020-01-01'),
      inspectionDueAt: new Date(Date.now() + 200 * 86_400_000),
      status: 'A',
    },
  });
  const res = await ctx.http.post('/api/me/vehicles').set(auth(owner.token)).send({ plate, vinSuffix: v.slice(-6) });
  expectStatus('vehicle binding', res, 201);
  return { id: vehicle.id, plate, vin: v };
}

export interface WorldBuilder {
  build(): Promise<World>;
  /** Makes `part` of `w` again; for 'token', logs `caller` in again. */
  refresh(w: World, part: Part, caller?: CallerName): Promise<void>;
}

/** Staff accounts of each role are made once per builder; everything else per world. */
export function worldBuilder(ctx: TestContext): WorldBuilder {
  const s = steps(ctx);
  const staffNames = (async () => {
    const u = `${process.pid % 10_000}.${next()}`;
    const names: Record<StaffCallerName, string> = {
      officer: `sec.officer.tengzhou.${u}`,
      otherOfficer: `sec.officer.shizhong.${u}`,
      agent: `sec.agent.${u}`,
      admin: `sec.admin.${u}`,
      insurer: `sec.insurer.picc.${u}`,
    };
    const made = await Promise.all([
      createStaff(ctx, { username: names.officer, role: 'OFFICER', unit: 'tengzhou' }),
      createStaff(ctx, { username: names.otherOfficer, role: 'OFFICER', unit: 'shizhong' }),
      createStaff(ctx, { username: names.agent, role: 'AGENT' }),
      createStaff(ctx, { username: names.admin, role: 'ADMIN' }),
      createStaff(ctx, { username: names.insurer, role: 'INSURER', insurer: 'PICC' }),
    ]);
    return { names, ids: made.map((m) => m.id) };
  })();

  let reportMinutes = 0;
  /** Distinct times: the same report twice in a row is taken for a double tap and gives the same case. */
  const reportBody = () => ({ occurredAt: new Date(Date.now() - (60 + (++reportMinutes % 600)) * 60_000).toISOString() });

  async function negotiated(owner: Person, partyB: Person): Promise<CaseFixture> {
    const created = await s.report(owner.token, reportBody());
    expectStatus('report', created, 201);
    const id: number = created.body.id;
    expectStatus('join', await s.join(partyB.token, created.body.inviteCode), 200);
    expectStatus('details A', await s.details(owner.token, id, DETAILS_A), 200);
    expectStatus('details B', await s.details(partyB.token, id, DETAILS_B), 200);
    let photoId = 0;
    for (const slot of REQUIRED) {
      const up = await s.upload(owner.token, id, slot);
      expectStatus('upload', up, 201);
      photoId ||= up.body.id;
    }
    expectStatus('liability', await s.liability(owner.token, id), 200);
    const signatureId = await s.sign(owner.token, id);
    return { id, caseNumber: created.body.caseNumber, photoId, signatureId };
  }

  async function submitted(owner: Person, partyB: Person): Promise<CaseFixture> {
    const c = await negotiated(owner, partyB);
    expectStatus('confirm A', await s.confirm(owner.token, c.id, true, c.signatureId), 200);
    expectStatus('confirm B', await s.confirm(partyB.token, c.id, true, await s.sign(partyB.token, c.id)), 200);
    return c;
  }

  /** The owner's claim on a case, as a confirmation would hand it to 中国人保财险 (made directly: the case stays open). */
  async function claim(c: CaseFixture) {
    const [party, picc] = await Promise.all([
      ctx.db.accidentParty.findFirstOrThrow({ where: { caseId: c.id, role: 'A' } }),
      ctx.db.insurer.findUniqueOrThrow({ where: { code: 'PICC' } }),
    ]);
    const made = await ctx.db.insuranceClaim.create({ data: { caseId: c.id, partyId: party.id, insurer: picc.name, insurerId: picc.id, policyNumber: 'PICC2026001' } });
    return { id: made.id };
  }

  async function waiting(owner: Person) {
    const r = await s.report(owner.token, reportBody());
    expectStatus('report (waiting)', r, 201);
    return { id: r.body.id as number, caseNumber: r.body.caseNumber as string, inviteCode: r.body.inviteCode as string };
  }

  async function consultation(owner: Person) {
    const marker = `安全测试咨询${next()}号`;
    const asked = await ctx.http.post('/api/consultations').set(auth(owner.token)).send({ category: 'licence', content: `${marker}：驾驶证到期怎么换？` });
    expectStatus('consultation', asked, 201);
    return { id: asked.body.id as number, marker };
  }

  async function booking(owner: Person) {
    const session = await addSession(ctx);
    // A cancelled booking stays the owner's; a new one needs its learner free of an active one.
    await ctx.db.examBooking.updateMany({ where: { learner: { idNumber: owner.idNumber }, activeKey: { not: null } }, data: { status: 'CANCELLED', activeKey: null, cancelledAt: new Date() } });
    const booked = await ctx.http.post('/api/exam/bookings').set(auth(owner.token)).send({ sessionId: session.id });
    expectStatus('booking', booked, 201);
    return { session: { id: session.id }, booking: { id: booked.body.id as number } };
  }

  async function faqAndCanned() {
    const [faq, canned] = await Promise.all([
      ctx.db.faqEntry.create({ data: { category: 'licence', question: `安全测试常见问题${next()}`, answer: '安全测试答案', keywords: '安全测试' } }),
      ctx.db.cannedReply.create({ data: { category: null, title: `安全测试快捷回复${next()}`, content: '安全测试内容' } }),
    ]);
    return { faq: { id: faq.id }, cannedReply: { id: canned.id } };
  }

  async function spareStaff() {
    const made = await createStaff(ctx, { username: `sec.spare.${process.pid % 10_000}.${next()}`, role: 'OFFICER', unit: 'tengzhou' });
    return { id: made.id };
  }

  async function staffLogins(): Promise<Record<StaffCallerName, Person>> {
    const { names, ids } = await staffNames;
    const keys = Object.keys(names) as StaffCallerName[];
    const tokens = await Promise.all(keys.map((k) => loginStaff(ctx, names[k])));
    return Object.fromEntries(keys.map((k, i) => [k, { id: ids[i], login: names[k], token: tokens[i], idNumber: '' }])) as Record<StaffCallerName, Person>;
  }

  async function rebindVehicle(who: Person, vehicle: { id: number; plate: string; vin: string }) {
    const bound = await ctx.db.driverVehicle.findUnique({ where: { driverId_vehicleId: { driverId: who.id, vehicleId: vehicle.id } } });
    if (bound) return;
    const res = await ctx.http.post('/api/me/vehicles').set(auth(who.token)).send({ plate: vehicle.plate, vinSuffix: vehicle.vin.slice(-6) });
    expectStatus('vehicle binding again', res, 200, 201);
  }

  const builder: WorldBuilder = {
    async build() {
      const [owner, otherDriver, partyB, staff] = await Promise.all([
        boundDriver(ctx, '张伟'),
        boundDriver(ctx, '王芳'),
        loginDriver(ctx).then((d): Person => ({ id: d.id, login: d.name, token: d.token, idNumber: '' })),
        staffLogins(),
      ]);
      const [vehicle, otherVehicle, c, open, wait, asked] = await Promise.all([
        boundVehicle(ctx, owner),
        boundVehicle(ctx, otherDriver),
        submitted(owner, partyB),
        negotiated(owner, partyB),
        waiting(owner),
        consultation(owner),
      ]);
      const booked = await booking(owner);
      const entry = await ctx.db.messageCentreEntry.findFirst({ where: { driverId: owner.id }, orderBy: { id: 'asc' } });
      if (!entry) throw new Error('world: the owner has no message-centre entry');
      return {
        tokens: {
          anonymous: undefined,
          owner: owner.token,
          otherDriver: otherDriver.token,
          officer: staff.officer.token,
          otherOfficer: staff.otherOfficer.token,
          agent: staff.agent.token,
          admin: staff.admin.token,
          insurer: staff.insurer.token,
        },
        owner,
        otherDriver: { ...otherDriver, vehicle: otherVehicle },
        partyB,
        staff,
        spareStaff: await spareStaff(),
        case: c,
        claim: await claim(open),
        openCase: open,
        waitingCase: wait,
        consultation: asked,
        ...booked,
        ...(await faqAndCanned()),
        vehicle,
        notification: { id: entry.id },
        secrets: { accident: [c.caseNumber, open.caseNumber], consultation: [asked.marker], vehicle: [vehicle.vin, vehicle.plate], identity: [owner.idNumber] },
      };
    },

    async refresh(w, part, caller) {
      switch (part) {
        case 'token': {
          if (!caller || caller === 'anonymous') return;
          if (caller in STAFF_CALLERS) {
            const who = w.staff[caller as StaffCallerName];
            who.token = await loginStaff(ctx, who.login);
            w.tokens[caller] = who.token;
          } else {
            const who = caller === 'owner' ? w.owner : w.otherDriver;
            who.token = (await loginDriver(ctx, who.login)).token;
            w.tokens[caller] = who.token;
          }
          return;
        }
        case 'spareStaff':
          w.spareStaff = await spareStaff();
          return;
        case 'faq':
          Object.assign(w, await faqAndCanned());
          return;
        case 'case':
          w.case = await submitted(w.owner, w.partyB);
          w.secrets.accident.push(w.case.caseNumber);
          return;
        case 'openCase':
          w.openCase = await negotiated(w.owner, w.partyB);
          w.claim = await claim(w.openCase);
          w.secrets.accident.push(w.openCase.caseNumber);
          return;
        case 'waitingCase':
          w.waitingCase = await waiting(w.owner);
          return;
        case 'consultation':
          w.consultation = await consultation(w.owner);
          w.secrets.consultation.push(w.consultation.marker);
          return;
        case 'booking':
          Object.assign(w, await booking(w.owner));
          return;
        case 'vehicle':
          await rebindVehicle(w.owner, w.vehicle);
          return;
        case 'identity':
          // Either driver's identity may have been released (by them, or by an admin): bind it again, and its vehicle.
          for (const [who, vehicle] of [[w.owner, w.vehicle], [w.otherDriver, w.otherDriver.vehicle]] as const) {
            await ctx.db.driver.updateMany({ where: { id: who.id, idNumber: null }, data: { idNumber: who.idNumber, realName: who === w.owner ? '张伟' : '王芳', identityBoundAt: new Date() } });
            await rebindVehicle(who, vehicle);
          }
          return;
        case 'world': {
          // Everything again (a deleted account): the old owner's records stay secrets.
          const secrets = w.secrets;
          Object.assign(w, await builder.build());
          for (const kind of Object.keys(secrets) as SecretKind[]) w.secrets[kind].push(...secrets[kind]);
          return;
        }
      }
    },
  };
  return builder;
}
