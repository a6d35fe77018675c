// GET /api/admin/exam-sessions/:id/bookings: the admin's result sheet, in rank order.
import type { AppDeps } from '../../../deps';
import { notFound } from '../../../http/errors';
import { maskIdNumber } from '../../../lib/mask';

export interface ListSessionBookingsInput {
  sessionId: number;
}

export async function listSessionBookings(deps: AppDeps, { sessionId }: ListSessionBookingsInput) {
  const session = await deps.db.examSession.findUnique({ where: { id: sessionId }, select: { id: true } });
  if (!session) throw notFound('没有找到该考试场次');
  const rows = await deps.db.examBooking.findMany({
    where: { sessionId },
    select: {
      id: true,
      status: true,
      priority: true,
      sortTime: true,
      result: true,
      resultAt: true,
      createdAt: true,
      learner: { select: { id: true, name: true, idNumber: true, licenceClass: true } },
    },
    orderBy: [{ priority: 'desc' }, { sortTime: 'asc' }, { id: 'asc' }],
  });
  const items = rows.map((r) => ({ ...r, learner: { ...r.learner, idNumber: maskIdNumber(r.learner.idNumber) } }));
  return { items, total: items.length };
}
