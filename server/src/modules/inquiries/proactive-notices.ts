// Proactive notices about a driver's own records (docs/notifications.md, Proactive notices):
//   violation.new            an import recorded a violation of their vehicle or licence (the law asks
//                            for notice within 5 days: L-WF Art. 20), told at the import's end and
//                            swept again by the daily run for the violations of the last 5 days;
//   vehicle.inspection_due   the inspection is due within 30 days;
//   licence.expiring         the licence expires within 90 days (renewal may be applied for);
//   licence.points_high      9 or more points in the current scoring cycle.
// Each is told once: a ProactiveNotice row keyed by kind, subject, period (the due date, the expiry
// date, the scoring cycle's first day) and recipient is inserted in the same transaction as the
// notice (notify()); a renewed date or a new cycle is a new period, told again.
import type { AppDeps } from '../../deps';
import type { Db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { acquireLease, releaseLease } from '../../lib/lease';
import { withRetry } from '../../lib/db-errors';
import { shanghaiDay, shanghaiDayParts, shanghaiMidnightOf } from '@jiaoguan/contracts/time';
import { notify, type Notice } from '../notifications/notify';
import { currentPoints, daysUntil, pointsCycle } from './rules';

const DAY = 86_400_000;

export const INSPECTION_DUE_DAYS = 30;
export const LICENCE_EXPIRY_DAYS = 90;
export const POINTS_HIGH = 9;
/** Violations recorded this many days back are swept by the daily run (the legal notice period). */
export const VIOLATION_NOTICE_DAYS = 5;
/** The daily run starts at this Shanghai hour, so that reminders do not arrive at night. */
export const DAILY_RUN_HOUR = 9;

/** One process at a time runs the day's scan; the lease then stays until the next day's run is due. */
export const DAILY_LEASE = 'proactive-notices:daily';
/** One violation sweep at a time (the daily one, or one at an import's end). */
export const VIOLATION_LEASE = 'proactive-notices:violations';
const RUN_LEASE_MS = 30 * 60_000;

/** Vehicle statuses (letters) that end reminders: 转出, 注销, 强制注销, 报废. */
const VEHICLE_GONE = /[BEMP]/;
/** Licence statuses that end reminders: 转出, 撤销, 吊销, 注销. */
const LICENCE_GONE = /[CEFG]/;

const CHUNK = 200;
/** A chunk may wait on another run's chunk holding the same keys (it then finds them told). */
const TX_OPTIONS = { maxWait: 20_000, timeout: 120_000 };

type Deps = Pick<AppDeps, 'db' | 'log'>;

export type ProactiveKind = 'violation.new' | 'vehicle.inspection_due' | 'licence.expiring' | 'licence.points_high';

/** A notice to tell once: its told-once key and the notice itself. */
interface Pending {
  kind: ProactiveKind;
  subject: string;
  period: string;
  notice: Notice;
}

const dedupeKey = (kind: string, subject: string, period: string, driverId: number) => `proactive:${kind}:${subject}:${period}:${driverId}`;

function pending<E extends ProactiveKind>(event: E, subject: string, period: string, driverId: number, data: Extract<Notice, { event: E }>['data']): Pending {
  return {
    kind: event,
    subject,
    period,
    notice: { driverId, event, data, dedupeKey: dedupeKey(event, subject, period, driverId) } as Notice,
  };
}

/** Leaves out the ones told already (a read; the unique key decides when two runs race). */
async function untold(db: Db, list: Pending[]): Promise<Pending[]> {
  if (list.length === 0) return [];
  const told = new Set<string>();
  for (let i = 0; i < list.length; i += 1000) {
    const part = list.slice(i, i + 1000);
    const rows = await db.$queryRaw<{ kind: string; subject: string; period: string; driverId: number }[]>`
      SELECT kind, subject, period, driverId FROM ProactiveNotice
       WHERE (kind, subject, period, driverId) IN (${Prisma.join(part.map((p) => Prisma.sql`(${p.kind}, ${p.subject}, ${p.period}, ${p.notice.driverId})`))})`;
    for (const r of rows) told.add(`${r.kind}|${r.subject}|${r.period}|${r.driverId}`);
  }
  return list.filter((p) => !told.has(`${p.kind}|${p.subject}|${p.period}|${p.notice.driverId}`));
}

/**
 * Tells each notice not told before: per chunk one transaction inserts the told-once rows one by
 * one (INSERT IGNORE; a row another run inserted first, or is inserting, counts 0) and queues the
 * notices whose row it inserted. Keys in one order, so two runs never wait on each other in a cycle.
 */
async function tell(db: Db, list: Pending[]): Promise<number> {
  const sorted = [...list].sort((a, b) => (a.notice.dedupeKey < b.notice.dedupeKey ? -1 : a.notice.dedupeKey > b.notice.dedupeKey ? 1 : 0));
  let told = 0;
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const part = sorted.slice(i, i + CHUNK);
    told += await withRetry(() =>
      db.$transaction(async (tx) => {
        const fresh: Notice[] = [];
        for (const p of part) {
          const inserted = await tx.$executeRaw`
            INSERT IGNORE INTO ProactiveNotice (kind, subject, period, driverId, createdAt)
            VALUES (${p.kind}, ${p.subject}, ${p.period}, ${p.notice.driverId}, NOW(3))`;
          if (inserted === 1) fresh.push(p.notice);
        }
        if (fresh.length > 0) await notify(tx, fresh);
        return fresh.length;
      }, TX_OPTIONS),
      { attempts: 5 },
    );
  }
  return told;
}

// ---- the four kinds ----

interface ViolationCandidate {
  id: number;
  plate: string;
  occurredAt: Date;
  place: string;
  description: string;
  fineFen: number;
  points: number;
  driverId: number;
}

/**
 * Violations recorded (first imported) since `since`, not yet paid, for the drivers they concern:
 * the owner who bound the vehicle (plate and plate type) and the holder of the licence recorded.
 */
export async function newViolationNotices(db: Db, since: Date): Promise<Pending[]> {
  const columns = Prisma.sql`x.id, x.plate, x.occurredAt, x.place, x.description, x.fineFen, x.points`;
  const rows = await db.$queryRaw<ViolationCandidate[]>`
    SELECT ${columns}, d.id AS driverId FROM Violation x
      JOIN Vehicle v ON v.plate = x.plate AND v.plateType = x.plateType
      JOIN DriverVehicle dv ON dv.vehicleId = v.id
      JOIN Driver d ON d.id = dv.driverId AND d.idNumber = v.ownerIdNumber AND d.deletedAt IS NULL
     WHERE x.createdAt >= ${since} AND x.status <> 'PAID'
    UNION
    SELECT ${columns}, d.id AS driverId FROM Violation x
      JOIN Driver d ON d.idNumber = x.licenceNumber AND d.deletedAt IS NULL
     WHERE x.createdAt >= ${since} AND x.status <> 'PAID'`;
  return rows.map((r) =>
    pending('violation.new', `violation:${r.id}`, '-', Number(r.driverId), {
      violationId: Number(r.id),
      plate: r.plate,
      occurredAt: r.occurredAt,
      place: r.place,
      description: r.description,
      fineFen: Number(r.fineFen),
      points: Number(r.points),
    }),
  );
}

/** Bound, still-owned vehicles whose inspection is due within 30 days (today included). */
export async function inspectionDueNotices(db: Db, now: Date): Promise<Pending[]> {
  const today = startOfShanghaiDay(now);
  const until = new Date(today.getTime() + (INSPECTION_DUE_DAYS + 1) * DAY);
  const rows = await db.$queryRaw<{ id: number; plate: string; status: string; inspectionDueAt: Date; driverId: number }[]>`
    SELECT v.id, v.plate, v.status, v.inspectionDueAt, d.id AS driverId FROM Vehicle v
      JOIN DriverVehicle dv ON dv.vehicleId = v.id
      JOIN Driver d ON d.id = dv.driverId AND d.idNumber = v.ownerIdNumber AND d.deletedAt IS NULL
     WHERE v.inspectionDueAt >= ${today} AND v.inspectionDueAt < ${until}`;
  return rows
    .filter((r) => !VEHICLE_GONE.test(r.status))
    .map((r) =>
      pending('vehicle.inspection_due', `vehicle:${r.id}`, shanghaiDay(r.inspectionDueAt), Number(r.driverId), {
        vehicleId: Number(r.id),
        plate: r.plate,
        dueAt: r.inspectionDueAt,
        daysLeft: daysUntil(r.inspectionDueAt, now),
      }),
    );
}

/** Licences of bound drivers expiring within 90 days (today included). */
export async function licenceExpiringNotices(db: Db, now: Date): Promise<Pending[]> {
  const today = startOfShanghaiDay(now);
  const until = new Date(today.getTime() + (LICENCE_EXPIRY_DAYS + 1) * DAY);
  const rows = await db.$queryRaw<{ id: number; status: string; validUntil: Date; driverId: number }[]>`
    SELECT l.id, l.status, l.validUntil, d.id AS driverId FROM Licence l
      JOIN Driver d ON d.idNumber = l.idNumber AND d.deletedAt IS NULL
     WHERE l.validUntil >= ${today} AND l.validUntil < ${until}`;
  return rows
    .filter((r) => !LICENCE_GONE.test(r.status))
    .map((r) =>
      pending('licence.expiring', `licence:${r.id}`, shanghaiDay(r.validUntil), Number(r.driverId), {
        licenceId: Number(r.id),
        validUntil: r.validUntil,
        daysLeft: daysUntil(r.validUntil, now),
      }),
    );
}

/** Licences of bound drivers with 9 or more points that count in the current scoring cycle. */
export async function pointsHighNotices(db: Db, now: Date): Promise<Pending[]> {
  const rows = await db.$queryRaw<{ id: number; status: string; points: number; firstIssuedAt: Date; updatedAt: Date; driverId: number }[]>`
    SELECT l.id, l.status, l.points, l.firstIssuedAt, l.updatedAt, d.id AS driverId FROM Licence l
      JOIN Driver d ON d.idNumber = l.idNumber AND d.deletedAt IS NULL
     WHERE l.points >= ${POINTS_HIGH}`;
  const out: Pending[] = [];
  for (const r of rows) {
    if (LICENCE_GONE.test(r.status)) continue;
    const points = currentPoints({ firstIssuedAt: r.firstIssuedAt, points: Number(r.points), pointsRecordedAt: r.updatedAt }, now);
    if (points < POINTS_HIGH) continue;
    const cycle = pointsCycle(r.firstIssuedAt, now);
    out.push(
      pending('licence.points_high', `licence:${r.id}`, shanghaiDay(cycle.startsAt), Number(r.driverId), {
        licenceId: Number(r.id),
        points,
        cycleEndsAt: cycle.endsAt,
      }),
    );
  }
  return out;
}

function startOfShanghaiDay(now: Date): Date {
  const [y, m, d] = shanghaiDayParts(now);
  return shanghaiMidnightOf(y, m, d);
}

// ---- runs ----

export interface ProactiveRunResult {
  /** False when another process held the lease: this one did nothing. */
  ran: boolean;
  told: Record<ProactiveKind, number>;
}

const none = (): Record<ProactiveKind, number> => ({ 'violation.new': 0, 'vehicle.inspection_due': 0, 'licence.expiring': 0, 'licence.points_high': 0 });

/** Tells the violations recorded since `since` (no lease: callers take VIOLATION_LEASE). */
export async function tellNewViolations(db: Db, since: Date): Promise<number> {
  return tell(db, await untold(db, await newViolationNotices(db, since)));
}

/** The day's scan without a lease (callers that may run concurrently take DAILY_LEASE). */
export async function scanOnce(db: Db, now: Date): Promise<Record<ProactiveKind, number>> {
  const told = none();
  told['violation.new'] = await tellNewViolations(db, new Date(now.getTime() - VIOLATION_NOTICE_DAYS * DAY));
  told['vehicle.inspection_due'] = await tell(db, await untold(db, await inspectionDueNotices(db, now)));
  told['licence.expiring'] = await tell(db, await untold(db, await licenceExpiringNotices(db, now)));
  told['licence.points_high'] = await tell(db, await untold(db, await pointsHighNotices(db, now)));
  return told;
}

/** When the next day's run is due: DAILY_RUN_HOUR Shanghai time on the next day. */
export function nextDailyRun(now: Date): Date {
  const [y, m, d] = shanghaiDayParts(now);
  return new Date(shanghaiMidnightOf(y, m, d).getTime() + DAY + DAILY_RUN_HOUR * 3_600_000);
}

/** Whether today's run is due at `now` (from DAILY_RUN_HOUR on). */
export function dailyRunDue(now: Date): boolean {
  return now.getTime() >= startOfShanghaiDay(now).getTime() + DAILY_RUN_HOUR * 3_600_000;
}

/**
 * The daily run, in any number of processes at once: the first to take DAILY_LEASE scans, then
 * keeps the lease until the next day's run is due, so the others (and itself) skip until then; a
 * failed scan gives it back for the next tick anywhere. Before DAILY_RUN_HOUR nothing runs.
 */
export async function runDailyNotices(deps: Deps, now = new Date()): Promise<ProactiveRunResult> {
  if (!dailyRunDue(now)) return { ran: false, told: none() };
  const lease = await deps.db.lease.findUnique({ where: { name: DAILY_LEASE } });
  if (lease && lease.expiresAt.getTime() > Date.now()) return { ran: false, told: none() };
  if (!(await acquireLease(deps.db, DAILY_LEASE, RUN_LEASE_MS))) return { ran: false, told: none() };
  let told: Record<ProactiveKind, number>;
  try {
    told = await withViolationLease(deps.db, () => scanOnce(deps.db, now));
  } catch (err) {
    await releaseLease(deps.db, DAILY_LEASE);
    throw err;
  }
  await deps.db.lease.updateMany({ where: { name: DAILY_LEASE }, data: { expiresAt: nextDailyRun(now) } });
  deps.log.info({ told }, 'proactive notices told');
  return { ran: true, told };
}

/**
 * Runs `work` holding VIOLATION_LEASE, waiting (up to `waitMs`) while another sweep holds it: a sweep
 * under way may have read the violations before ours were written.
 */
export async function withViolationLease<T>(db: Db, work: () => Promise<T>, waitMs = 60_000): Promise<T> {
  const until = Date.now() + waitMs;
  while (!(await acquireLease(db, VIOLATION_LEASE, RUN_LEASE_MS))) {
    if (Date.now() > until) throw new Error('another violation notice sweep has held the lease too long');
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    return await work();
  } finally {
    await releaseLease(db, VIOLATION_LEASE);
  }
}

/** At an import's end: tells the drivers of the violations it recorded (errors are logged, not thrown). */
export async function tellImportedViolations(deps: Deps, since: Date): Promise<number> {
  try {
    const told = await withViolationLease(deps.db, () => tellNewViolations(deps.db, since));
    if (told > 0) deps.log.info({ told }, 'violation notices told after import');
    return told;
  } catch (err) {
    // The daily run sweeps the last 5 days again.
    deps.log.error({ err }, 'violation notices after import failed');
    return 0;
  }
}
