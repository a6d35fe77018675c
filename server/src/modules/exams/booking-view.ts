// A booking as the use cases read and answer it: one select, one loader, one view.
import type { Prisma } from '../../generated/prisma/client';
import type { AppDeps } from '../../deps';
import { notFound } from '../../http/errors';
import { subjectLabel } from '@jiaoguan/contracts/labels';
import { cancellationDeadline, loadCalendar } from './calendar';
import { sessionSelect, sessionView, type SessionRow } from './sessions';

type Tx = Prisma.TransactionClient;

/** The unique key that allows one active booking per learner and subject. */
export const activeKey = (learnerId: number, subject: number) => `${learnerId}:${subject}`;

export const bookingSelect = {
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

export type BookingRow = Prisma.ExamBookingGetPayload<{ select: typeof bookingSelect }>;

/** The live rank of a PENDING application: 1 + those ordered before it (the tie rule: lower id first). */
export async function rankOf(db: AppDeps['db'] | Tx, b: { id: number; sessionId: number; priority: boolean; sortTime: Date }): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS n FROM ExamBooking
     WHERE sessionId = ${b.sessionId} AND status = 'PENDING'
       AND (priority > ${b.priority}
            OR (priority = ${b.priority} AND (sortTime < ${b.sortTime} OR (sortTime = ${b.sortTime} AND id < ${b.id}))))`;
  return Number(rows[0].n) + 1;
}

export async function bookingView(deps: AppDeps, b: BookingRow) {
  const calendar = b.status === 'CONFIRMED' ? await loadCalendar(deps) : undefined;
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
    cancelReason: b.status === 'CANCELLED_BY_OFFICE' ? session.cancelReason : null,
    session: sessionView(session),
  };
}

export type BookingView = Awaited<ReturnType<typeof bookingView>>;

/** The learner's own booking; anyone else's is not found. */
export async function loadOwnBooking(deps: AppDeps, learnerId: number, id: number): Promise<BookingRow> {
  const b = await deps.db.examBooking.findUnique({ where: { id }, select: bookingSelect });
  if (!b || b.learnerId !== learnerId) throw notFound('没有找到该预约');
  return b;
}
