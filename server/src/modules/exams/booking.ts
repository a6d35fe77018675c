// Booking, applying, cancelling and the learner's own view: FIRST_COME seats are taken by one
// conditional UPDATE plus the unique activeKey; RANKED applications wait for allocation.
import type { Prisma } from '../../generated/prisma/client';
import type { AppDeps } from '../../deps';
import { sendTogether } from '../../db';
import type { Caller } from '../../http/auth';
import { AppError, conflict, notFound, ruleSaysNo } from '../../http/errors';
import { cancellationDeadline, loadCalendar } from './calendar';
import { requireLearner, type LearnerContext } from './learners';
import type { Recipient } from '../notifications/notify';
import { isLockConflict, isUniqueViolation, withRetry } from '../../lib/db-errors';
import { confirmedNoticeStatements, dropReminder, driversOfLearners, noticeConfirmed } from './notices';
import { SUBJECTS, subjectLabel } from '@jiaoguan/contracts/labels';
import { bookingRefusal, hasPriority, learnerRefusal, sortTime, permitExpiresAt } from './rules';
import { countsChanged, sessionFacts, sessionView, sessionSelect, type SessionRow } from './sessions';

type Driver = Extract<Caller, { kind: 'driver' }>;
type Tx = Prisma.TransactionClient;

const activeKey = (learnerId: number, subject: number) => `${learnerId}:${subject}`;

const bookingSelect = {
  id: true,
  sessionId: true,
  learnerId: true,
  subject: true,
  status: true,
  sortTime: true,
  priority: true,
  result: true,
  resultAt: true,
  createdAt: true,
  cancelledAt: true,
  decidedAt: true,
  session: { select: sessionSelect },
} as const;

type BookingRow = Prisma.ExamBookingGetPayload<{ select: typeof bookingSelect }>;

/** The live rank of a PENDING application: 1 + those ordered before it (the tie rule: lower id first). */
export async function rankOf(db: AppDeps['db'] | Tx, b: { id: number; sessionId: number; priority: boolean; sortTime: Date }): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS n FROM ExamBooking
     WHERE sessionId = ${b.sessionId} AND status = 'PENDING'
       AND (priority > ${b.priority}
            OR (priority = ${b.priority} AND (sortTime < ${b.sortTime} OR (sortTime = ${b.sortTime} AND id < ${b.id}))))`;
  return Number(rows[0].n) + 1;
}

async function bookingView(deps: AppDeps, b: BookingRow) {
  const calendar = b.status === 'CONFIRMED' ? await loadCalendar(deps.db) : undefined;
  const session = b.session as SessionRow;
  return {
    id: b.id,
    sessionId: b.sessionId,
    subject: b.subject,
    subjectName: subjectLabel(b.subject),
    status: b.status,
    ...(b.status === 'PENDING' ? { rank: await rankOf(deps.db, b) } : {}),
    priority: b.priority,
    sortTime: b.sortTime,
    result: b.result,
    resultAt: b.resultAt,
    createdAt: b.createdAt,
    decidedAt: b.decidedAt,
    cancelledAt: b.cancelledAt,
    cancellableUntil:
      b.status === 'CONFIRMED' && !b.result
        ? cancellationDeadline(session.startsAt, calendar!)
        : b.status === 'PENDING'
          ? session.bookingClosesAt
          : null,
    session: sessionView(session),
  };
}

async function loadOwnBooking(deps: AppDeps, learnerId: number, id: number): Promise<BookingRow> {
  const b = await deps.db.examBooking.findUnique({ where: { id }, select: bookingSelect });
  if (!b || b.learnerId !== learnerId) throw notFound('没有找到该预约');
  return b;
}

/**
 * Admission to the booking transaction: at most a pool's worth at a time per process, the rest
 * wait here in order (not for a pool connection, which times out). A rush thus never turns into
 * pool timeouts, and those admitted after a session filled up are refused without a transaction.
 */
class Gate {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async enter(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}
const gates = new WeakMap<AppDeps['db'], Gate>();
function gateFor(deps: AppDeps): Gate {
  let g = gates.get(deps.db);
  if (!g) gates.set(deps.db, (g = new Gate(Math.max(1, deps.config.databasePoolSize - 2))));
  return g;
}

/**
 * Sessions this process last found full, for a moment: in a rush the refusals then cost no
 * transaction. A seat freed in this process clears the mark at once, one freed elsewhere within
 * FULL_MEMO_MS. Only refusals can be stale; a seat is still only ever taken by the update.
 */
const FULL_MEMO_MS = 1000;
const fullMemo = new WeakMap<AppDeps['db'], Map<number, number>>();
function memoFor(deps: AppDeps) {
  let m = fullMemo.get(deps.db);
  if (!m) fullMemo.set(deps.db, (m = new Map()));
  return m;
}
function knownFull(deps: AppDeps, sessionId: number): boolean {
  const until = memoFor(deps).get(sessionId);
  return until !== undefined && until > Date.now();
}
function markFull(deps: AppDeps, sessionId: number): void {
  memoFor(deps).set(sessionId, Date.now() + FULL_MEMO_MS);
}
function seatFreed(deps: AppDeps, sessionId: number): void {
  memoFor(deps).delete(sessionId);
}

/** Thrown inside the transaction when the conditional UPDATE took no seat; rolls everything back. */
class SeatNotTaken extends Error {}

export interface BookOutcome {
  /** False when the learner already held this very booking (a retry): answer 200, not 201. */
  created: boolean;
  booking: Awaited<ReturnType<typeof bookingView>>;
}

/** POST /api/exam/bookings. */
export async function book(deps: AppDeps, caller: Driver, sessionId: number): Promise<BookOutcome> {
  const [learner, session] = await Promise.all([requireLearner(deps.db, caller), sessionFacts(deps, sessionId)]);
  if (!session) throw notFound('没有找到该考试场次');
  return bookFor(deps, { driverId: caller.id, officialAccount: caller.officialAccount }, learner, session);
}

/** The booking path after the look-ups; also what the concurrency tests drive directly. */
export async function bookFor(deps: AppDeps, recipient: Recipient, learner: LearnerContext, session: SessionRow): Promise<BookOutcome> {
  const held = learner.history.find(
    (b) => b.subject === session.subject && (b.status === 'PENDING' || b.status === 'CONFIRMED') && !b.result,
  );
  if (held) return alreadyHeld(deps, learner.id, held.id, session.id);
  const now = new Date();
  const refusal = bookingRefusal(learner.facts, learner.history, session, now);
  if (refusal) {
    throw ruleSaysNo('NOT_ELIGIBLE', refusal.reason, refusal.message, refusal.availableFrom ? { availableFrom: refusal.availableFrom } : {});
  }
  const release = await gateFor(deps).enter();
  try {
    return await takeSeat(deps, recipient, learner, session, now);
  } finally {
    release();
  }
}

interface SeatRequest {
  now: Date;
  ranked: boolean;
  sort: Date;
  priority: boolean;
  key: string;
}

type SessionCounts = Pick<SessionRow, 'confirmedCount' | 'applicantCount'>;

/**
 * The booking row, its notifications and the seat in one transaction on the driver directly (the
 * rush path; Prisma's interactive transaction cost several times the Node CPU, docs/benchmarks.md).
 * Three round trips, each one packet: the transaction's start and the booking insert; the notices,
 * the conditional update and the counts; the commit.
 *
 * The session row is touched last, so its lock is held for the update, the counts and the commit
 * only. The insert skips its foreign-key check (which would take a shared lock on the session row
 * and deadlock concurrent bookings): the session exists, and the update fails the whole
 * transaction unless it changes exactly that row.
 */
async function seatTransaction(
  deps: AppDeps,
  recipient: Recipient,
  learner: LearnerContext,
  session: SessionRow,
  r: SeatRequest,
): Promise<{ id: number; counts: SessionCounts }> {
  const conn = await deps.db.sql.getConnection();
  try {
    const [, [inserted]] = (await sendTogether(conn, [
      { sql: 'START TRANSACTION', values: [] },
      {
        sql: `SET STATEMENT foreign_key_checks = 0 FOR
              INSERT INTO ExamBooking (sessionId, learnerId, subject, status, sortTime, activeKey, priority, createdAt, decidedAt)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        values: [session.id, learner.id, session.subject, r.ranked ? 'PENDING' : 'CONFIRMED', r.sort, r.key, r.priority, r.now, r.ranked ? null : r.now],
      },
    ])) as [unknown, { id: number }[]];
    const notices = r.ranked
      ? []
      : confirmedNoticeStatements(
          { bookingId: inserted.id, driverId: recipient.driverId, subject: session.subject, startsAt: session.startsAt, venue: session.venue.name },
          recipient,
        );
    const seat = r.ranked
      ? `UPDATE ExamSession SET applicantCount = applicantCount + 1
          WHERE id = ? AND allocation = 'RANKED' AND allocatedAt IS NULL AND bookingOpensAt <= ? AND bookingClosesAt > ?`
      : `UPDATE ExamSession SET confirmedCount = confirmedCount + 1
          WHERE id = ? AND allocation = 'FIRST_COME' AND confirmedCount < capacity AND bookingOpensAt <= ? AND bookingClosesAt > ?`;
    // The notices go first so that the session row, locked by the update, waits for nothing but
    // the counts (read back for the answer's seats left) and the commit.
    const answers = await sendTogether(conn, [
      ...notices,
      { sql: seat, values: [session.id, r.now, r.now] },
      { sql: 'SELECT confirmedCount, applicantCount FROM ExamSession WHERE id = ?', values: [session.id] },
    ]);
    const [taken, [counts]] = answers.slice(-2) as [{ affectedRows: number }, SessionCounts[]];
    if (taken.affectedRows !== 1) throw new SeatNotTaken();
    await conn.commit();
    return { id: inserted.id, counts };
  } catch (err) {
    await conn.rollback().catch(() => undefined);
    throw err;
  } finally {
    await conn.release();
  }
}

async function takeSeat(deps: AppDeps, recipient: Recipient, learner: LearnerContext, session: SessionRow, now: Date): Promise<BookOutcome> {
  if (session.allocation === 'FIRST_COME' && knownFull(deps, session.id)) throw conflict('SESSION_FULL', '该场次已约满，请选择其他场次');
  const ranked = session.allocation === 'RANKED';
  const sort = sortTime(learner.facts, learner.history);
  const priority = ranked && hasPriority(learner.facts, learner.history, session.subject, session.startsAt, deps.config.exams.priorityMonths);
  const key = activeKey(learner.id, session.subject);
  let taken: { id: number; counts: SessionCounts };
  try {
    taken = await withRetry(() => seatTransaction(deps, recipient, learner, session, { now, ranked, sort, priority, key }));
  } catch (err) {
    if (isUniqueViolation(err)) {
      const existing = await deps.db.examBooking.findUnique({ where: { activeKey: key }, select: { id: true } });
      if (existing) return alreadyHeld(deps, learner.id, existing.id, session.id);
      throw conflict('ALREADY_BOOKED', '您已有该科目的预约，请勿重复预约');
    }
    if (err instanceof SeatNotTaken) {
      const refusal = await whyNoSeat(deps, session.id);
      if (refusal.code === 'SESSION_FULL') markFull(deps, session.id);
      throw refusal;
    }
    throw err;
  }
  countsChanged(deps);
  // Built from what is known rather than read back: the rush path spends no query on it.
  const row: BookingRow = {
    id: taken.id,
    sessionId: session.id,
    learnerId: learner.id,
    subject: session.subject,
    status: ranked ? 'PENDING' : 'CONFIRMED',
    sortTime: sort,
    priority,
    result: null,
    resultAt: null,
    createdAt: now,
    cancelledAt: null,
    decidedAt: ranked ? null : now,
    session: { ...session, ...taken.counts },
  };
  return { created: true, booking: await bookingView(deps, row) };
}

async function alreadyHeld(deps: AppDeps, learnerId: number, bookingId: number, sessionId: number): Promise<BookOutcome> {
  const existing = await loadOwnBooking(deps, learnerId, bookingId);
  if (existing.sessionId !== sessionId) {
    throw conflict(
      'ALREADY_BOOKED',
      `您已有一个${subjectLabel(existing.subject)}的预约，同一科目只能有一个有效预约；如需更换，请先取消原预约`,
      { bookingId: existing.id, sessionId: existing.sessionId },
    );
  }
  return { created: false, booking: await bookingView(deps, existing) };
}

/** After the conditional update took nothing: the session filled up, or its window closed. */
async function whyNoSeat(deps: AppDeps, sessionId: number): Promise<AppError> {
  const s = await deps.db.examSession.findUniqueOrThrow({ where: { id: sessionId }, select: sessionSelect });
  const now = new Date();
  if (now < s.bookingOpensAt) return ruleSaysNo('NOT_ELIGIBLE', 'BOOKING_NOT_OPEN', '该场次尚未开始预约');
  if (now >= s.bookingClosesAt || s.allocatedAt) return ruleSaysNo('NOT_ELIGIBLE', 'BOOKING_CLOSED', '该场次已停止预约，请选择其他场次');
  return conflict('SESSION_FULL', '该场次已约满，请选择其他场次');
}

/** DELETE /api/exam/bookings/:id → the booking as CANCELLED. */
export async function cancel(deps: AppDeps, caller: Driver, bookingId: number) {
  const learner = await requireLearner(deps.db, caller);
  return cancelFor(deps, caller.id, learner.id, bookingId);
}

export async function cancelFor(deps: AppDeps, driverId: number, learnerId: number, bookingId: number) {
  for (let attempt = 0; ; attempt++) {
    const b = await loadOwnBooking(deps, learnerId, bookingId);
    if (b.status === 'CANCELLED') return bookingView(deps, b);
    if (b.status === 'REJECTED' || b.result) {
      throw conflict('INVALID_STATE', b.result ? '该考试已有成绩，不能取消' : '该申请未获安排，无需取消');
    }
    const now = new Date();
    const session = b.session as SessionRow;
    if (b.status === 'PENDING' && (now >= session.bookingClosesAt || session.allocatedAt)) {
      throw ruleSaysNo('CANCELLATION_CLOSED', 'BOOKING_CLOSED', '预约已截止，正在或已经安排考位，不能再取消申请');
    }
    if (b.status === 'CONFIRMED') {
      const deadline = cancellationDeadline(session.startsAt, await loadCalendar(deps.db));
      if (now >= deadline) {
        throw ruleSaysNo('CANCELLATION_CLOSED', 'TOO_CLOSE_TO_EXAM', '距离考试已不足1个工作日，不能取消；未参加考试将按缺考（不合格）处理', {
          deadline,
        });
      }
    }
    try {
      await deps.db.$transaction((tx) => cancelInTx(tx, b, driverId, now));
      break;
    } catch (err) {
      if (attempt < 3 && (err instanceof StatusMoved || isUniqueViolation(err) || isLockConflict(err))) continue;
      throw err;
    }
  }
  countsChanged(deps);
  const after = await loadOwnBooking(deps, learnerId, bookingId);
  seatFreed(deps, after.sessionId);
  return bookingView(deps, after);
}

/** The booking changed between reading and cancelling it: read it again. */
class StatusMoved extends Error {}

async function cancelInTx(tx: Tx, b: BookingRow, driverId: number, now: Date) {
  // As on the booking path, the session row is touched last, so the two cannot deadlock on it.
  const changed = await tx.$executeRaw`
    UPDATE ExamBooking SET status = 'CANCELLED', activeKey = NULL, cancelledAt = ${now}
     WHERE id = ${b.id} AND status = ${b.status} AND result IS NULL`;
  if (changed !== 1) throw new StatusMoved();
  const session = b.session as SessionRow;
  if (b.status === 'PENDING') {
    await tx.$executeRaw`UPDATE ExamSession SET applicantCount = applicantCount - 1 WHERE id = ${b.sessionId} AND applicantCount > 0`;
  } else {
    await dropReminder(tx, b.id);
    const promoted = session.allocation === 'RANKED' ? await promoteNext(tx, session, now) : false;
    if (!promoted) {
      await tx.$executeRaw`UPDATE ExamSession SET confirmedCount = confirmedCount - 1 WHERE id = ${b.sessionId} AND confirmedCount > 0`;
    }
  }
  await tx.auditLog.create({
    data: { actorType: 'DRIVER', actorId: driverId, action: 'exam.booking_cancelled', entityType: 'ExamBooking', entityId: String(b.id), details: { from: b.status } },
    select: { id: true },
  });
}

/**
 * A confirmed seat of an allocated RANKED session was freed: it goes to the best-ranked rejected
 * applicant who holds no other booking for the subject, and they are told.
 */
async function promoteNext(tx: Tx, session: SessionRow, now: Date): Promise<boolean> {
  const next = await tx.$queryRaw<{ id: number; learnerId: number; subject: number }[]>`
    SELECT b.id, b.learnerId, b.subject FROM ExamBooking b
     WHERE b.sessionId = ${session.id} AND b.status = 'REJECTED'
       AND NOT EXISTS (SELECT 1 FROM ExamBooking a WHERE a.activeKey = CONCAT(b.learnerId, ':', b.subject))
     ORDER BY b.priority DESC, b.sortTime ASC, b.id ASC
     LIMIT 1 FOR UPDATE`;
  if (next.length === 0) return false;
  const n = { id: Number(next[0].id), learnerId: Number(next[0].learnerId), subject: Number(next[0].subject) };
  await tx.$executeRaw`
    UPDATE ExamBooking SET status = 'CONFIRMED', activeKey = ${activeKey(n.learnerId, n.subject)}, decidedAt = ${now}
     WHERE id = ${n.id} AND status = 'REJECTED'`;
  const driverId = (await driversOfLearners(tx, [n.learnerId])).get(n.learnerId);
  if (driverId) {
    await noticeConfirmed(tx, { bookingId: n.id, driverId, subject: n.subject, startsAt: session.startsAt, venue: session.venue.name });
  }
  return true;
}

/** GET /api/exam/bookings: the caller's bookings, newest first. */
export async function listOwnBookings(deps: AppDeps, caller: Driver, page: { page: number; pageSize: number }) {
  if (!caller.idNumber) return { items: [], total: 0 };
  const learner = await deps.db.learner.findUnique({ where: { idNumber: caller.idNumber }, select: { id: true } });
  if (!learner) return { items: [], total: 0 };
  const [rows, total] = await Promise.all([
    deps.db.examBooking.findMany({
      where: { learnerId: learner.id },
      select: bookingSelect,
      orderBy: { id: 'desc' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    }),
    deps.db.examBooking.count({ where: { learnerId: learner.id } }),
  ]);
  return { items: await Promise.all(rows.map((b) => bookingView(deps, b))), total };
}

export async function getOwnBooking(deps: AppDeps, caller: Driver, id: number) {
  const learner = await requireLearner(deps.db, caller);
  return bookingView(deps, await loadOwnBooking(deps, learner.id, id));
}

/** GET /api/exam/eligibility: per subject, passed / booked / bookable / not bookable and why. */
export async function eligibility(deps: AppDeps, caller: Driver) {
  const learner = await requireLearner(deps.db, caller);
  const now = new Date();
  const f = learner.facts;
  const permit = f.permitIssuedAt ?? f.passedAt[1];
  const subjects = SUBJECTS.filter((s) => !(s === 3 && f.licenceClass === 'C6')).map((subject) => {
    const held = learner.history.find((b) => b.subject === subject && (b.status === 'PENDING' || b.status === 'CONFIRMED') && !b.result);
    if (f.passedAt[subject]) return { subject, name: subjectLabel(subject), status: 'PASSED' as const, passedAt: f.passedAt[subject] };
    if (held) return { subject, name: subjectLabel(subject), status: 'BOOKED' as const, bookingId: held.id, sessionId: held.sessionId };
    const refusal = learnerRefusal(f, learner.history, subject, now);
    return refusal
      ? { subject, name: subjectLabel(subject), status: 'NOT_BOOKABLE' as const, reason: refusal.reason, message: refusal.message, availableFrom: refusal.availableFrom ?? null }
      : { subject, name: subjectLabel(subject), status: 'BOOKABLE' as const };
  });
  return {
    learner: {
      name: learner.name,
      licenceClass: f.licenceClass,
      permitIssuedAt: permit,
      permitExpiresAt: permit ? permitExpiresAt(permit) : null,
    },
    subjects,
  };
}
