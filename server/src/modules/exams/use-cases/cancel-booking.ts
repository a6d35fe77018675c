// DELETE /api/exam/bookings/:id → the booking as CANCELLED (again: the same). A PENDING
// application until booking closes; a CONFIRMED seat until the last working day before the exam.
import type { Prisma } from '../../../generated/prisma/client';
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { conflict, ruleSaysNo } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { isLockConflict, isUniqueViolation } from '../../../lib/db-errors';
import { bookingView, loadOwnBooking, type BookingRow } from '../booking-view';
import { cancellationDeadline, loadCalendar } from '../calendar';
import { requireLearner } from '../learners';
import { dropReminder, driversOfLearners, noticeConfirmed } from '../notices';
import type { SessionRow } from '../sessions';
import { confirmRejected, markCancelled, nextRejected, releaseApplication, releaseSeat } from './cancel-sql';

type Tx = Prisma.TransactionClient;

export interface CancelBookingInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  bookingId: number;
  ip?: string;
}

export async function cancelBooking(deps: AppDeps, input: CancelBookingInput) {
  const learner = await requireLearner(deps.db, input.caller);
  return cancelBookingFor(deps, { driverId: input.caller.id, learnerId: learner.id, bookingId: input.bookingId, ip: input.ip });
}

export interface CancelBookingForInput {
  driverId: number;
  learnerId: number;
  bookingId: number;
  ip?: string;
}

/** The same use case once the learner is known; also what the concurrency tests drive directly. */
export async function cancelBookingFor(deps: AppDeps, input: CancelBookingForInput) {
  const { driverId, learnerId, bookingId } = input;
  for (let attempt = 0; ; attempt++) {
    const b = await loadOwnBooking(deps, learnerId, bookingId);
    // Cancelled already, by the learner or by the office (that one stays the office's).
    if (b.status === 'CANCELLED' || b.status === 'CANCELLED_BY_OFFICE') return bookingView(deps, b);
    if (b.status === 'REJECTED' || b.result) {
      throw conflict('INVALID_STATE', b.result ? '该考试已有成绩，不能取消' : '该申请未获安排，无需取消');
    }
    const now = new Date();
    const session = b.session as SessionRow;
    if (b.status === 'PENDING' && (now >= session.bookingClosesAt || session.allocatedAt)) {
      throw ruleSaysNo('CANCELLATION_CLOSED', 'BOOKING_CLOSED', '预约已截止，正在或已经安排考位，不能再取消申请');
    }
    if (b.status === 'CONFIRMED') {
      const deadline = cancellationDeadline(session.startsAt, await loadCalendar(deps));
      if (now >= deadline) {
        throw ruleSaysNo('CANCELLATION_CLOSED', 'TOO_CLOSE_TO_EXAM', '距离考试已不足1个工作日，不能取消；未参加考试将按缺考（不合格）处理', {
          deadline,
        });
      }
    }
    try {
      await deps.db.$transaction((tx) => cancelInTx(tx, b, driverId, now, input.ip));
      break;
    } catch (err) {
      if (attempt < 3 && (err instanceof StatusMoved || isUniqueViolation(err) || isLockConflict(err))) continue;
      throw err;
    }
  }
  deps.exams.countsChanged();
  const after = await loadOwnBooking(deps, learnerId, bookingId);
  deps.exams.fullSessions.seatFreed(after.sessionId);
  return bookingView(deps, after);
}

/** The booking changed between reading and cancelling it: read it again. */
class StatusMoved extends Error {}

async function cancelInTx(tx: Tx, b: BookingRow, driverId: number, now: Date, ip?: string) {
  if (!(await markCancelled(tx, b, now))) throw new StatusMoved();
  const session = b.session as SessionRow;
  if (b.status === 'PENDING') {
    await releaseApplication(tx, b.sessionId);
  } else {
    await dropReminder(tx, b.id);
    const promoted = session.allocation === 'RANKED' ? await promoteNext(tx, session, now) : false;
    if (!promoted) await releaseSeat(tx, b.sessionId);
  }
  await audit(tx, {
    actor: { type: 'DRIVER', id: driverId },
    action: 'exam.booking_cancelled',
    entityType: 'ExamBooking',
    entityId: b.id,
    details: { from: b.status },
    ip,
  });
}

/**
 * A confirmed seat of an allocated RANKED session was freed: it goes to the best-ranked rejected
 * applicant who holds no other booking for the subject, and they are told.
 */
async function promoteNext(tx: Tx, session: SessionRow, now: Date): Promise<boolean> {
  const n = await nextRejected(tx, session.id);
  if (!n) return false;
  await confirmRejected(tx, n, now);
  const driverId = (await driversOfLearners(tx, [n.learnerId])).get(n.learnerId);
  if (driverId) {
    await noticeConfirmed(tx, { bookingId: n.id, driverId, subject: n.subject, startsAt: session.startsAt, venue: session.venue.name });
  }
  return true;
}
