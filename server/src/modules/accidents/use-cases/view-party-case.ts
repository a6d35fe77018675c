// GET /api/accidents/:id: one of the caller's cases, with the actions they may take now, and while
// an officer reviews it, by when (reviewDueAt: the unit's review limit counted in its service hours,
// the same rule as the officers' queue).
import type { AppDeps } from '../../../deps';
import { asParty, type DriverCaller } from '../callers';
import { loadCase } from '../case-store';
import { reviewDueAt } from '../review-deadline';
import { caseView } from '../views';

export interface ViewPartyCaseInput {
  caller: DriverCaller;
  id: number;
}

export async function viewPartyCase(deps: AppDeps, input: ViewPartyCaseInput) {
  const { c } = asParty(await loadCase(deps.db, input.id), input.caller);
  const view = caseView(c, { kind: 'party', driverId: input.caller.id });
  if (c.status !== 'PENDING_REVIEW') return view;
  const unit = await deps.db.unit.findUnique({ where: { id: c.unitId }, select: { serviceHours: true } });
  return { ...view, reviewDueAt: reviewDueAt(c.updatedAt, unit?.serviceHours ?? null, deps.config.accidents.reviewMs) };
}
