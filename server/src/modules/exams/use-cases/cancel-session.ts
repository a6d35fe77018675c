// POST /api/admin/exam-sessions/:id/cancel {"reason"}: the office cancels a session. Its booking
// closes at once (bookingClosesAt brought forward to now, which the seat update of booking-sql.ts
// checks, so no booking can slip in after), every active booking becomes CANCELLED_BY_OFFICE (no
// attempt used, not the learner's own cancellation: rules.ts), the counts follow, and each holder
// is told why and to book another session. Cancelling again answers the session unchanged.
import type { Prisma } from '../../../generated/prisma/client';
import type { AppDeps } from '../../../deps';
import { conflict, notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { withRetry } from '../../../lib/db-errors';
import { dropReminder, noticeSessionCancelled } from '../notices';
import { adminSessionView, loadSession, sessionSelect, type SessionRow } from '../sessions';
import { activeHolders } from './session-holders';

type Tx = Prisma.TransactionClient;

export interface CancelSessionInput {
  staffId: number;
  sessionId: number;
  reason: string;
  ip?: string;
}

const CANCEL_RETRY = { attempts: 10, backoffMs: (n: number) => 5 * n + Math.random() * 10 * n };

export async function cancelSession(deps: AppDeps, input: CancelSessionInput) {
  const before = await loadSession(deps.db, input.sessionId);
  if (!before) throw notFound('没有找到该考试场次');
  if (before.status === 'CANCELLED') return adminSessionView(before);
  if (before.startsAt <= new Date()) throw conflict('INVALID_STATE', '考试已开始，不能取消该场次');
  // Bookings racing the cancellation hold their new rows and wait on the session row this holds,
  // so InnoDB picks this (fewer rows changed) as the deadlock victim, once per racing wave: on a
  // busy session three attempts were not enough (test/exams/session-changes.test.ts).
  const cancelled = await withRetry(() => deps.db.$transaction((tx) => cancelInTx(tx, input, new Date()), { timeout: 60_000 }), CANCEL_RETRY);
  if (cancelled) {
    deps.exams.sessionsChanged();
    deps.exams.fullSessions.seatFreed(input.sessionId);
  }
  const after = (await loadSession(deps.db, input.sessionId))!;
  if (!cancelled && after.status !== 'CANCELLED') throw conflict('INVALID_STATE', '考试已开始，不能取消该场次');
  return adminSessionView(after);
}

/** False when the session was no longer SCHEDULED and in the future (cancelled meanwhile, or started). */
async function cancelInTx(tx: Tx, input: CancelSessionInput, now: Date): Promise<boolean> {
  // The session row first: bookings taking a seat wait on it and then find booking closed.
  const marked = await tx.$executeRaw`
    UPDATE ExamSession
       SET status = 'CANCELLED', cancelledAt = ${now}, cancelReason = ${input.reason},
           bookingClosesAt = LEAST(bookingClosesAt, ${now})
     WHERE id = ${input.sessionId} AND status = 'SCHEDULED' AND startsAt > ${now}`;
  if (marked !== 1) return false;
  const session = (await tx.examSession.findUniqueOrThrow({ where: { id: input.sessionId }, select: sessionSelect })) as SessionRow;
  const holders = await activeHolders(tx, session.id, { lock: true });
  const confirmed = holders.filter((h) => h.status === 'CONFIRMED');
  const pending = holders.length - confirmed.length;
  if (holders.length > 0) {
    await tx.examBooking.updateMany({
      where: { id: { in: holders.map((h) => h.id) } },
      data: { status: 'CANCELLED_BY_OFFICE', activeKey: null, cancelledAt: now },
    });
    await tx.$executeRaw`
      UPDATE ExamSession SET confirmedCount = GREATEST(0, confirmedCount - ${confirmed.length}),
                             applicantCount = GREATEST(0, applicantCount - ${pending})
       WHERE id = ${session.id}`;
  }
  for (const h of holders) {
    if (h.status === 'CONFIRMED') await dropReminder(tx, h.id);
    if (!h.driverId) continue;
    await noticeSessionCancelled(tx, { bookingId: h.id, driverId: h.driverId, subject: session.subject, startsAt: session.startsAt, venue: session.venue.name }, input.reason);
  }
  await audit(tx, {
    actor: { type: 'STAFF', id: input.staffId },
    action: 'exam.session_cancelled',
    entityType: 'ExamSession',
    entityId: session.id,
    details: { reason: input.reason, released: { confirmed: confirmed.length, pending } },
    ip: input.ip,
  });
  return true;
}
