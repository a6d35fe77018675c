// Demo accident cases of the 滕州 unit, so the officer screens have something to show at once: one
// waiting for review (with photos and signatures), one confirmed (document and insurer claims), one
// returned to the parties. Each case is made once (found again by its reporter and place); the demo
// files are written again whenever the upload directory lost them.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../server/src/generated/prisma/client';
import type { AccidentStatus, ActorType, EvidenceSlot, PartyRole } from '../server/src/generated/prisma/enums';
import { png } from '../server/src/lib/png';
import { issueDocument } from '../server/src/modules/documents/issue';
import { compactDay } from '@jiaoguan/contracts/time';
import { inspectImage } from '../server/src/modules/uploads/image';
import type { FileStorage } from '../server/src/modules/uploads/storage';
import { fakeOpenId } from '../server/src/wechat/fake/ids';

const MINUTE = 60_000;

/** Fake WeChat users of the demo cases: log in as `demo.zhangwei` or `demo.lina` to see them as a party. */
export const DEMO_ACCIDENT_DRIVERS = { A: 'demo.zhangwei', B: 'demo.lina' } as const;

interface PartySeed {
  plate: string;
  driverName: string;
  licenceNumber: string;
  phone: string;
  insurer: string;
  policyNumber: string;
  vehicleType: string;
  collisionPart: string;
}

interface DemoCase {
  address: string;
  status: Extract<AccidentStatus, 'PENDING_REVIEW' | 'CONFIRMED' | 'RETURNED'>;
  /** Minutes before seeding: when it happened, when both answered, when the officer decided. */
  occurredMinutesAgo: number;
  submittedMinutesAgo: number;
  decidedMinutesAgo?: number;
  returnReason?: string;
  number: string;
}

export const DEMO_ACCIDENTS: DemoCase[] = [
  // Submitted well before any case made after seeding, so a new case still comes last in the queue.
  { address: '滕州市学院中路与杏坛路交叉口', status: 'PENDING_REVIEW', occurredMinutesAgo: 150, submittedMinutesAgo: 120, number: '900001' },
  { address: '滕州市平行路与北辛街交叉口', status: 'CONFIRMED', occurredMinutesAgo: 300, submittedMinutesAgo: 270, decidedMinutesAgo: 240, number: '900002' },
  {
    address: '滕州市龙泉路红荷大道路口',
    status: 'RETURNED',
    occurredMinutesAgo: 200,
    submittedMinutesAgo: 180,
    decidedMinutesAgo: 170,
    returnReason: '碰撞部位照片看不清，请靠近重新拍摄后再提交',
    number: '900003',
  },
];

const PHOTO_SLOTS: EvidenceSlot[] = ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT'];

/** The bytes of a demo file follow from its key, so a lost file is written again identically. */
function demoFileBytes(key: string): Buffer {
  const seed = [...key].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) % 997, 7);
  return key.includes('signature') ? png(300, 120, seed) : png(640, 480, seed);
}

async function ensureStored(storage: FileStorage, key: string): Promise<Buffer> {
  const bytes = demoFileBytes(key);
  const stored = await storage.open(key);
  if (stored) stored.destroy();
  else await storage.put(bytes, { key });
  return bytes;
}

export async function seedAccidentDemoData(
  db: PrismaClient,
  storage: FileStorage,
  people: { A: PartySeed; B: PartySeed },
): Promise<number> {
  const unit = await db.unit.findUniqueOrThrow({ where: { code: 'tengzhou' }, select: { id: true } });
  const officer = await db.staff.findUniqueOrThrow({ where: { username: 'officer.tengzhou' }, select: { id: true } });
  const drivers = {} as Record<PartyRole, number>;
  for (const role of ['A', 'B'] as const) {
    const name = DEMO_ACCIDENT_DRIVERS[role];
    const openid = fakeOpenId(name);
    const d = await db.driver.upsert({ where: { openid }, create: { openid, nickname: name }, update: {}, select: { id: true } });
    drivers[role] = d.id;
  }

  for (const demo of DEMO_ACCIDENTS) {
    const existing = await db.accidentCase.findFirst({
      where: { reporterId: drivers.A, address: demo.address },
      select: { files: { select: { storageKey: true } } },
    });
    if (existing) {
      for (const f of existing.files) await ensureStored(storage, f.storageKey);
      continue;
    }
    await createDemoCase(db, storage, demo, { unitId: unit.id, officerId: officer.id, drivers, people });
  }
  return DEMO_ACCIDENTS.length;
}

async function createDemoCase(
  db: PrismaClient,
  storage: FileStorage,
  demo: DemoCase,
  ctx: { unitId: number; officerId: number; drivers: Record<PartyRole, number>; people: Record<PartyRole, PartySeed> },
): Promise<void> {
  const now = Date.now();
  const ago = (minutes: number) => new Date(now - minutes * MINUTE);
  const occurredAt = ago(demo.occurredMinutesAgo);
  const submittedAt = ago(demo.submittedMinutesAgo);
  const decidedAt = demo.decidedMinutesAgo === undefined ? null : ago(demo.decidedMinutesAgo);
  const caseNumber = `SG${compactDay(occurredAt)}${demo.number}`;
  const step = (n: number) => new Date(occurredAt.getTime() + n * MINUTE);

  // Files first (outside the transaction, as uploads are); their keys are fixed per case.
  const files: { role: PartyRole; slot: EvidenceSlot; key: string; bytes: Buffer }[] = [];
  for (const slot of PHOTO_SLOTS) {
    const key = `demo/${caseNumber}/${slot.toLowerCase()}.png`;
    files.push({ role: 'A', slot, key, bytes: await ensureStored(storage, key) });
  }
  for (const role of ['A', 'B'] as const) {
    const key = `demo/${caseNumber}/signature-${role.toLowerCase()}.png`;
    files.push({ role, slot: 'SIGNATURE', key, bytes: await ensureStored(storage, key) });
  }

  await db.$transaction(async (tx) => {
    const confirmed = demo.status === 'CONFIRMED';
    const created = await tx.accidentCase.create({
      data: {
        caseNumber,
        status: demo.status,
        unitId: ctx.unitId,
        reporterId: ctx.drivers.A,
        occurredAt,
        address: demo.address,
        weather: '晴',
        vehicleCount: 2,
        scenario: 'REAR_END',
        atFault: 'A',
        decidedById: decidedAt ? ctx.officerId : null,
        decidedAt,
        decisionNote: demo.returnReason ?? (confirmed ? '事实清楚，双方无异议' : null),
        documentNumber: confirmed ? `XY${caseNumber.slice(2)}` : null,
        expiresAt: demo.status === 'RETURNED' ? new Date(decidedAt!.getTime() + 72 * 60 * MINUTE) : null,
        version: 20,
        createdAt: occurredAt,
        updatedAt: decidedAt ?? submittedAt,
      },
      select: { id: true },
    });
    const caseId = created.id;
    if (confirmed) {
      // The document's own random code (modules/documents), repeated on the case as decideCase does.
      const documentNumber = `XY${caseNumber.slice(2)}`;
      const code = await issueDocument(tx, { caseId, documentNumber, kind: 'AGREEMENT', issuedAt: decidedAt! });
      await tx.accidentCase.update({ where: { id: caseId }, data: { verificationCode: code }, select: { id: true } });
    }
    const parties = {} as Record<PartyRole, number>;
    for (const role of ['A', 'B'] as const) {
      const p = ctx.people[role];
      const row = await tx.accidentParty.create({
        data: { caseId, role, driverId: ctx.drivers[role], ...p, plateType: p.plate.length === 8 ? '52' : '02', joinedAt: step(role === 'A' ? 0 : 3) },
        select: { id: true },
      });
      parties[role] = row.id;
    }
    const fileIds = {} as Record<string, number>;
    for (const [i, f] of files.entries()) {
      const image = await inspectImage(f.bytes, { width: 100, height: 50 });
      const row = await tx.evidenceFile.create({
        data: {
          caseId,
          uploadedById: ctx.drivers[f.role],
          slot: f.slot,
          storageKey: f.key,
          ...image,
          sizeBytes: f.bytes.length,
          sha256: createHash('sha256').update(f.bytes).digest('hex'),
          receivedAt: step(8 + i),
        },
        select: { id: true },
      });
      fileIds[f.key] = row.id;
    }
    const signatureOf = (role: PartyRole) => fileIds[`demo/${caseNumber}/signature-${role.toLowerCase()}.png`];
    // A returned case waits for new answers; the others keep both signed answers.
    if (demo.status !== 'RETURNED') {
      for (const role of ['A', 'B'] as const) {
        await tx.accidentParty.update({
          where: { id: parties[role] },
          data: { agreed: true, signatureFileId: signatureOf(role), answeredAt: submittedAt },
          select: { id: true },
        });
      }
    }

    type EventSeed = { type: string; actor: PartyRole | 'officer'; at: Date; from?: AccidentStatus; to?: AccidentStatus; details?: object };
    const events: EventSeed[] = [
      { type: 'CREATED', actor: 'A', at: step(0), to: 'DRAFT' },
      { type: 'INVITE_OPENED', actor: 'A', at: step(0), from: 'DRAFT', to: 'WAITING_FOR_PARTY' },
      { type: 'PARTY_JOINED', actor: 'B', at: step(3), from: 'WAITING_FOR_PARTY', to: 'NEGOTIATING' },
      { type: 'DETAILS_UPDATED', actor: 'A', at: step(5), details: { role: 'A' } },
      { type: 'DETAILS_UPDATED', actor: 'B', at: step(6), details: { role: 'B' } },
      ...PHOTO_SLOTS.map((slot, i): EventSeed => ({ type: 'PHOTO_ADDED', actor: 'A', at: step(8 + i), details: { role: 'A', slot } })),
      { type: 'LIABILITY_SET', actor: 'A', at: step(12), details: { scenario: 'REAR_END', atFault: 'A' } },
      { type: 'SIGNATURE_UPLOADED', actor: 'A', at: submittedAt, details: { role: 'A' } },
      { type: 'AGREED', actor: 'A', at: submittedAt, details: { role: 'A' } },
      { type: 'SIGNATURE_UPLOADED', actor: 'B', at: submittedAt, details: { role: 'B' } },
      { type: 'AGREED', actor: 'B', at: submittedAt, details: { role: 'B' } },
      { type: 'SUBMITTED', actor: 'B', at: submittedAt, from: 'NEGOTIATING', to: 'PENDING_REVIEW', details: { disputed: false } },
    ];
    if (decidedAt) {
      const type = confirmed ? 'CONFIRMED' : 'RETURNED';
      events.push({ type, actor: 'officer', at: decidedAt, from: 'PENDING_REVIEW', to: demo.status, details: confirmed ? { liability: null } : { reason: demo.returnReason } });
    }
    await tx.caseEvent.createMany({
      data: events.map((e) => {
        const actorType: ActorType = e.actor === 'officer' ? 'STAFF' : 'DRIVER';
        return {
          caseId,
          type: e.type,
          actorType,
          actorId: e.actor === 'officer' ? ctx.officerId : ctx.drivers[e.actor],
          fromStatus: e.from,
          toStatus: e.to,
          details: e.details,
          at: e.at,
        };
      }),
    });
    if (confirmed) {
      for (const role of ['A', 'B'] as const) {
        const p = ctx.people[role];
        await tx.insuranceClaim.create({
          data: { caseId, partyId: parties[role], insurer: p.insurer, policyNumber: p.policyNumber, createdAt: decidedAt! },
          select: { id: true },
        });
      }
    }
  });
}
