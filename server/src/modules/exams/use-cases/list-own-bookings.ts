// GET /api/exam/bookings: the caller's bookings, newest first (PENDING ones with their live rank).
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { pageArgs, type Page, type PageQuery } from '../../../lib/pagination';
import { bookingSelect, bookingView, type BookingView } from '../booking-view';

export interface ListOwnBookingsInput extends PageQuery {
  caller: Extract<Caller, { kind: 'driver' }>;
}

export async function listOwnBookings(deps: AppDeps, { caller, ...page }: ListOwnBookingsInput): Promise<Page<BookingView>> {
  if (!caller.idNumber) return { items: [], total: 0 };
  const learner = await deps.db.learner.findUnique({ where: { idNumber: caller.idNumber }, select: { id: true } });
  if (!learner) return { items: [], total: 0 };
  const [rows, total] = await Promise.all([
    deps.db.examBooking.findMany({ where: { learnerId: learner.id }, select: bookingSelect, orderBy: { id: 'desc' }, ...pageArgs(page) }),
    deps.db.examBooking.count({ where: { learnerId: learner.id } }),
  ]);
  return { items: await Promise.all(rows.map((b) => bookingView(deps, b))), total };
}
