// The hand-written statements of cancelling, inside its Prisma transaction. As on the booking
// path, the session row is touched last, so the two cannot deadlock on it.
import type { Prisma } from '../../../generated/prisma/client';
import { activeKey } from '../booking-view';

type Tx = Prisma.TransactionClient;

/** Cancels the booking if it is still in the status read; false when it moved meanwhile. */
export async function markCancelled(tx: Tx, b: { id: number; status: string }, now: Date): Promise<boolean> {
  const changed = await tx.$executeRaw`
    UPDATE ExamBooking SET status = 'CANCELLED', activeKey = NULL, cancelledAt = ${now}
     WHERE id = ${b.id} AND status = ${b.status} AND result IS NULL`;
  return changed === 1;
}

export async function releaseApplication(tx: Tx, sessionId: number): Promise<void> {
  await tx.$executeRaw`UPDATE ExamSession SET applicantCount = applicantCount - 1 WHERE id = ${sessionId} AND applicantCount > 0`;
}

export async function releaseSeat(tx: Tx, sessionId: number): Promise<void> {
  await tx.$executeRaw`UPDATE ExamSession SET confirmedCount = confirmedCount - 1 WHERE id = ${sessionId} AND confirmedCount > 0`;
}

/** The best-ranked rejected applicant of the session who holds no other booking for the subject, locked. */
export async function nextRejected(tx: Tx, sessionId: number): Promise<{ id: number; learnerId: number; subject: number } | null> {
  const next = await tx.$queryRaw<{ id: number; learnerId: number; subject: number }[]>`
    SELECT b.id, b.learnerId, b.subject FROM ExamBooking b
     WHERE b.sessionId = ${sessionId} AND b.status = 'REJECTED'
       AND NOT EXISTS (SELECT 1 FROM ExamBooking a WHERE a.activeKey = CONCAT(b.learnerId, ':', b.subject))
     ORDER BY b.priority DESC, b.sortTime ASC, b.id ASC
     LIMIT 1 FOR UPDATE`;
  if (next.length === 0) return null;
  return { id: Number(next[0].id), learnerId: Number(next[0].learnerId), subject: Number(next[0].subject) };
}

export async function confirmRejected(tx: Tx, n: { id: number; learnerId: number; subject: number }, now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE ExamBooking SET status = 'CONFIRMED', activeKey = ${activeKey(n.learnerId, n.subject)}, decidedAt = ${now}
     WHERE id = ${n.id} AND status = 'REJECTED'`;
}
