// POST /api/exam/bookings: a FIRST_COME seat at once (CONFIRMED) or a RANKED application (PENDING
// with its rank). The seat is taken by the conditional UPDATE plus the unique activeKey only.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { AppError, conflict, notFound, ruleSaysNo } from '../../../http/errors';
import { isUniqueViolation, withRetry } from '../../../lib/db-errors';
import { subjectLabel } from '@jiaoguan/contracts/labels';
import type { Recipient } from '../../notifications/notify';
import { activeKey, bookingView, loadOwnBooking, type BookingRow, type BookingView } from '../booking-view';
import { requireLearner, type LearnerContext } from '../learners';
import { bookingRefusal, hasPriority, sortTime } from '../rules';
import type { SeatSnapshot } from '../runtime';
import { sessionFacts, type SessionRow } from '../sessions';
import { SeatNotTaken, seatState, seatTransaction, type SessionCounts } from './booking-sql';

export interface BookSeatInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  sessionId: number;
  ip?: string;
}

export interface BookOutcome {
  /** False when the learner already held this very booking (a retry): answer 200, not 201. */
  created: boolean;
  booking: BookingView;
}

export async function bookSeat(deps: AppDeps, input: BookSeatInput): Promise<BookOutcome> {
  const { caller } = input;
  const session = await sessionFacts(deps, input.sessionId);
  if (!session) throw notFound('没有找到该考试场次');
  await refuseIfKnownFull(deps, caller.id, session);
  const learner = await requireLearner(deps.db, caller);
  return bookSeatFor(deps, { recipient: { driverId: caller.id }, learner, session, ip: input.ip });
}

/**
 * A full session refuses from memory before the learner is even looked up: in a rush nine of ten
 * requests end here, and (asked before authentication, `refuseBeforeAuth`) without a query. Its
 * seat holders go on (a retry gets its booking back); any other driver is told it is full,
 * whatever else might refuse them. Only a FIRST_COME session is ever known full.
 */
async function refuseIfKnownFull(deps: AppDeps, driverId: number, session: SessionRow): Promise<void> {
  if (session.allocation !== 'FIRST_COME') return;
  const holders = await deps.exams.fullSessions.fullHolders(session.id, () => seatSnapshot(deps, session.id));
  if (holders && !holders.has(driverId)) throw sessionFull();
}

/** The same refusal for a driver known only by their token's claim (no session read yet). */
export async function refuseBookingIfKnownFull(deps: AppDeps, driverId: number, sessionId: number): Promise<void> {
  const session = await sessionFacts(deps, sessionId);
  if (session) await refuseIfKnownFull(deps, driverId, session);
}

const sessionFull = () => conflict('SESSION_FULL', '该场次已约满，请选择其他场次');

/** The memo's look-up: full (with its holders), or why not. */
async function seatSnapshot(deps: AppDeps, sessionId: number): Promise<SeatSnapshot> {
  const state = await seatState(deps, sessionId);
  return state.kind === 'full' ? { full: true, holders: state.holders } : { full: false, why: state.kind };
}

export interface BookSeatForInput {
  recipient: Recipient;
  learner: LearnerContext;
  session: SessionRow;
  ip?: string;
}

/** The same use case after the look-ups; also what the concurrency tests drive directly. */
export async function bookSeatFor(deps: AppDeps, { recipient, learner, session, ip }: BookSeatForInput): Promise<BookOutcome> {
  const held = learner.history.find(
    (b) => b.subject === session.subject && (b.status === 'PENDING' || b.status === 'CONFIRMED') && !b.result,
  );
  if (held) return alreadyHeld(deps, learner.id, held.id, session.id);
  const now = new Date();
  const refusal = bookingRefusal(learner.facts, learner.history, session, now);
  if (refusal) {
    throw ruleSaysNo('NOT_ELIGIBLE', refusal.reason, refusal.message, refusal.availableFrom ? { availableFrom: refusal.availableFrom } : {});
  }
  const release = await deps.exams.gate.enter();
  try {
    return await takeSeat(deps, recipient, learner, session, now, ip);
  } finally {
    release();
  }
}

/**
 * A seat transaction that lost a race was rolled back whole, so it is run again. On one MariaDB
 * that is a rare deadlock; on a Galera cluster every booking committed on another node while this
 * one held the session row refuses it (certification, 1213), so a rush on two nodes loses several
 * times in a row until the session fills: measured with npm run test:cluster, 3 attempts left 1–2%
 * of a 2,000-learner rush with a 500, and 10 still a few while a retry could run on a node that
 * was behind; a retry therefore starts once its node has caught up (`causal`): none since.
 */
const SEAT_RETRY = { attempts: 10, backoffMs: (n: number) => 5 * n + Math.random() * 10 * n };

async function takeSeat(deps: AppDeps, recipient: Recipient, learner: LearnerContext, session: SessionRow, now: Date, ip?: string): Promise<BookOutcome> {
  if (session.allocation === 'FIRST_COME' && deps.exams.fullSessions.isFull(session.id)) throw sessionFull();
  const ranked = session.allocation === 'RANKED';
  const sort = sortTime(learner.facts, learner.history);
  const priority = ranked && hasPriority(learner.facts, learner.history, session.subject, session.startsAt, deps.config.exams.priorityMonths);
  const key = activeKey(learner.id, session.subject);
  let taken: { id: number; counts: SessionCounts };
  try {
    taken = await withRetry(
      (attempt) => seatTransaction(deps, recipient, learner, session, { now, ranked, sort, priority, key, ip, causal: attempt > 1 }),
      SEAT_RETRY,
    );
  } catch (err) {
    if (isUniqueViolation(err)) {
      const existing = await deps.db.examBooking.findUnique({ where: { activeKey: key }, select: { id: true } });
      if (existing) return alreadyHeld(deps, learner.id, existing.id, session.id);
      throw conflict('ALREADY_BOOKED', '您已有该科目的预约，请勿重复预约');
    }
    if (err instanceof SeatNotTaken) throw await whyNoSeat(deps, session);
    throw err;
  }
  deps.exams.countsChanged();
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

/**
 * After the conditional update took nothing: the session filled up, or its window closed. Asked
 * through the memo, so the many who lose the last seats at once share one look-up, and a full
 * session is remembered with its holders.
 */
async function whyNoSeat(deps: AppDeps, session: SessionRow): Promise<AppError> {
  const snapshot = await deps.exams.fullSessions.recheck(session.id, () => seatSnapshot(deps, session.id));
  switch (snapshot.full ? 'full' : snapshot.why) {
    case 'gone':
      return notFound('没有找到该考试场次');
    case 'not-open':
      return ruleSaysNo('NOT_ELIGIBLE', 'BOOKING_NOT_OPEN', '该场次尚未开始预约');
    case 'closed':
      return ruleSaysNo('NOT_ELIGIBLE', 'BOOKING_CLOSED', '该场次已停止预约，请选择其他场次');
    default:
      // Full, or a seat freed since the update took none: what this request met was a full session.
      return sessionFull();
  }
}
