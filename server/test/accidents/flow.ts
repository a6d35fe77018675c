// Shared steps for the accident tests: report, join, fill in, photograph, sign, submit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStaff, idNumberCheckChar, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';
import { png } from '../uploads/images';

export async function startAccidentContext(): Promise<TestContext> {
  return startTestContext({ UPLOAD_DIR: mkdtempSync(path.join(tmpdir(), 'jg-uploads-')) });
}

/**
 * Registers a test file's hooks: one app and database for the file, emptied before each test.
 * Read `ctx` and `s` inside the tests (they are set when the file starts).
 */
export function accidentSuite(): { ctx: TestContext; s: ReturnType<typeof steps> } {
  const suite = {} as { ctx: TestContext; s: ReturnType<typeof steps> };
  beforeAll(async () => {
    suite.ctx = await startAccidentContext();
    suite.s = steps(suite.ctx);
  });
  afterAll(() => suite.ctx.close());
  beforeEach(() => suite.ctx.reset());
  return suite;
}

/** A place in Tengzhou: cases reported there belong to the tengzhou unit. */
export const TENGZHOU = { latitude: 35.1, longitude: 117.17, address: '滕州市善国北路与荆河路交叉口' };

export const ELIGIBLE = { injuries: false, vehiclesDrivable: true, licencesValid: true, insured: true, impaired: false };

export const ID_A = '37040219850312101' + idNumberCheckChar('37040219850312101');
export const ID_B = '37048119920708202' + idNumberCheckChar('37048119920708202');

export const DETAILS_A = { plate: '鲁D12345', driverName: '张伟', licenceNumber: ID_A, phone: '13800000001', insurer: '中国人保', policyNumber: 'PICC2026001', collisionPart: '车头' };
export const DETAILS_B = { plate: '鲁DD12345', driverName: '李娜', licenceNumber: ID_B, phone: '13900000002', insurer: '平安保险', policyNumber: 'PA2026002', collisionPart: '车尾' };

export const REQUIRED = ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT'] as const;

export function steps(ctx: TestContext) {
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  let seed = 0;
  const s = {
    auth,
    report: (token: string, body: object = {}) =>
      ctx.http
        .post('/api/accidents')
        .set(auth(token))
        .send({ occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(), location: TENGZHOU, vehicleCount: 2, eligibility: ELIGIBLE, ...body }),
    join: (token: string, inviteCode: string) => ctx.http.post('/api/accidents/join').set(auth(token)).send({ inviteCode }),
    details: (token: string, id: number, body: object) => ctx.http.put(`/api/accidents/${id}/parties/me`).set(auth(token)).send(body),
    upload: (token: string, id: number, slot: string, bytes: Buffer = png(400, 300, ++seed), filename = 'photo.png') =>
      ctx.http.post(`/api/accidents/${id}/photos`).set(auth(token)).field('slot', slot).attach('file', bytes, filename),
    liability: (token: string, id: number, scenario = 'REAR_END', atFault = 'A') =>
      ctx.http.put(`/api/accidents/${id}/liability`).set(auth(token)).send({ scenario, atFault }),
    sign: async (token: string, id: number): Promise<number> => {
      const res = await s.upload(token, id, 'SIGNATURE', png(300, 120, ++seed), 'signature.png');
      if (res.status !== 201) throw new Error(`signature upload failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    },
    confirm: (token: string, id: number, agree: boolean, signature: number) =>
      ctx.http.post(`/api/accidents/${id}/confirmation`).set(auth(token)).send({ agree, signature }),
    get: (token: string, id: number) => ctx.http.get(`/api/accidents/${id}`).set(auth(token)),
    decide: (token: string, id: number, body: object) =>
      ctx.http.post(`/api/officer/accidents/${id}/decision`).set(auth(token)).send(body),

    /** Two drivers with a joined, filled-in, photographed case with liability set; ready to answer. */
    async negotiating() {
      const a = await loginDriver(ctx);
      const b = await loginDriver(ctx);
      const created = await s.report(a.token);
      if (created.status !== 201) throw new Error(`report failed: ${created.status} ${JSON.stringify(created.body)}`);
      const id: number = created.body.id;
      expectStatus(await s.join(b.token, created.body.inviteCode), 200);
      expectStatus(await s.details(a.token, id, DETAILS_A), 200);
      expectStatus(await s.details(b.token, id, DETAILS_B), 200);
      for (const slot of REQUIRED) expectStatus(await s.upload(a.token, id, slot), 201);
      expectStatus(await s.liability(a.token, id), 200);
      return { a, b, id, caseNumber: created.body.caseNumber as string };
    },

    /** Both parties answered: PENDING_REVIEW (disputed when B said no). */
    async pendingReview(opts: { disputed?: boolean } = {}) {
      const c = await s.negotiating();
      expectStatus(await s.confirm(c.a.token, c.id, true, await s.sign(c.a.token, c.id)), 200);
      expectStatus(await s.confirm(c.b.token, c.id, !opts.disputed, await s.sign(c.b.token, c.id)), 200);
      return c;
    },

    async officer(unit = 'tengzhou', username = `officer.${unit}.${++seed}`) {
      await createStaff(ctx, { username, role: 'OFFICER', unit });
      return loginStaff(ctx, username);
    },
  };
  return s;
}

export function expectStatus(res: { status: number; body: unknown }, status: number) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
}
