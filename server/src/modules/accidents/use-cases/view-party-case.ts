// GET /api/accidents/:id: one of the caller's cases, with the actions they may take now.
import type { AppDeps } from '../../../deps';
import { asParty, type DriverCaller } from '../callers';
import { loadCase } from '../case-store';
import { caseView } from '../views';

export interface ViewPartyCaseInput {
  caller: DriverCaller;
  id: number;
}

export async function viewPartyCase(deps: AppDeps, input: ViewPartyCaseInput) {
  const { c } = asParty(await loadCase(deps.db, input.id), input.caller);
  return caseView(c, { kind: 'party', driverId: input.caller.id });
}
