// Allocating a RANKED session: exactly once (a conditional update marks the session allocated),
// shared by the admin's use case (use-cases/allocate-session.ts) and the worker job below, which
// runs in one process at a time (a lease row in `Lease`).
import type { AppDeps } from '../../deps';
import { audit } from '../../lib/audit';
import { acquireLease, releaseLease } from '../../lib/lease';
import { withRetry } from '../../lib/db-errors';
import { driversOfLearners, noticeConfirmed, noticeRejected } from './notices';
import { sessionSelect, type SessionRow } from './sessions';

export interface AllocationOutcome {
  /** False when the session had been allocated already: nothing changed. */
  allocated: boolean;
  confirmed: number;
  rejected: number;
}

/**
 * Closes a RANKED session's booking (now, when `closeNow`) and gives its seats to the applicants in
 * rank order: priority first, then the earliest sort time, ties to the earlier application (lower
 * booking id). Everyone is told. Running it again, or twice at once, changes nothing.
 */
export async function allocateSession(
  deps: AppDeps,
  sessionId: number,
  opts: { closeNow: boolean; actor?: { type: 'STAFF' | 'SYSTEM'; id?: number } },
): Promise<AllocationOutcome> {
  const outcome = await withRetry(() =>
    deps.db.$transaction(
    async (tx) => {
      const now = new Date();
      const marked = opts.closeNow
        ? await tx.$executeRaw`
            UPDATE ExamSession SET allocatedAt = ${now}, bookingClosesAt = LEAST(bookingClosesAt, ${now})
             WHERE id = ${sessionId} AND allocation = 'RANKED' AND allocatedAt IS NULL AND status = 'SCHEDULED'`
        : await tx.$executeRaw`
            UPDATE ExamSession SET allocatedAt = ${now}
             WHERE id = ${sessionId} AND allocation = 'RANKED' AND allocatedAt IS NULL AND status = 'SCHEDULED' AND bookingClosesAt <= ${now}`;
      if (marked !== 1) return { allocated: false, confirmed: 0, rejected: 0 };
      const session = (await tx.examSession.findUniqueOrThrow({ where: { id: sessionId }, select: sessionSelect })) as SessionRow;
      const applicants = await tx.$queryRaw<{ id: number; learnerId: number }[]>`
        SELECT id, learnerId FROM ExamBooking
         WHERE sessionId = ${sessionId} AND status = 'PENDING'
         ORDER BY priority DESC, sortTime ASC, id ASC
         FOR UPDATE`;
      const seats = Math.max(0, session.capacity - session.confirmedCount);
      const winners = applicants.slice(0, seats).map((a) => Number(a.id));
      const losers = applicants.slice(seats).map((a) => Number(a.id));
      if (winners.length > 0) {
        await tx.examBooking.updateMany({ where: { id: { in: winners } }, data: { status: 'CONFIRMED', decidedAt: now } });
      }
      if (losers.length > 0) {
        await tx.examBooking.updateMany({ where: { id: { in: losers } }, data: { status: 'REJECTED', activeKey: null, decidedAt: now } });
      }
      await tx.examSession.update({
        where: { id: sessionId },
        data: { confirmedCount: { increment: winners.length } },
        select: { id: true },
      });
      const drivers = await driversOfLearners(tx, [...new Set(applicants.map((a) => Number(a.learnerId)))]);
      const winnerSet = new Set(winners);
      for (const a of applicants) {
        const driverId = drivers.get(Number(a.learnerId));
        if (!driverId) continue;
        const ref = { bookingId: Number(a.id), driverId, subject: session.subject, startsAt: session.startsAt, venue: session.venue.name };
        if (winnerSet.has(Number(a.id))) await noticeConfirmed(tx, ref);
        else await noticeRejected(tx, ref);
      }
      await audit(tx, {
        actor: opts.actor ?? { type: 'SYSTEM' },
        action: 'exam.session_allocated',
        entityType: 'ExamSession',
        entityId: sessionId,
        details: { applicants: applicants.length, confirmed: winners.length, rejected: losers.length },
      });
      return { allocated: true, confirmed: winners.length, rejected: losers.length };
    },
    { timeout: 120_000 },
    ),
  );
  if (outcome.allocated) deps.exams.sessionsChanged();
  return outcome;
}

export const ALLOCATION_LEASE = 'exam-allocation';

/** The worker job: allocates every RANKED session whose booking has closed, under the lease. */
export async function allocateDueSessions(deps: AppDeps): Promise<number> {
  if (!(await acquireLease(deps.db, ALLOCATION_LEASE, 5 * 60_000))) return 0;
  try {
    const due = await deps.db.examSession.findMany({
      // A cancelled session's booking closed too, but it has nobody left to allocate.
      where: { allocation: 'RANKED', allocatedAt: null, status: 'SCHEDULED', bookingClosesAt: { lte: new Date() } },
      select: { id: true },
      orderBy: { bookingClosesAt: 'asc' },
      take: 50,
    });
    let done = 0;
    for (const s of due) {
      const outcome = await allocateSession(deps, s.id, { closeNow: false });
      if (outcome.allocated) done++;
    }
    return done;
  } finally {
    await releaseLease(deps.db, ALLOCATION_LEASE);
  }
}
