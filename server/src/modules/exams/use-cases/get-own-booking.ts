// GET /api/exam/bookings/:id: one of the caller's bookings.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { bookingView, loadOwnBooking } from '../booking-view';
import { requireLearner } from '../learners';

export interface GetOwnBookingInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  bookingId: number;
}

export async function getOwnBooking(deps: AppDeps, input: GetOwnBookingInput) {
  const learner = await requireLearner(deps.db, input.caller);
  return bookingView(deps, await loadOwnBooking(deps, learner.id, input.bookingId));
}
