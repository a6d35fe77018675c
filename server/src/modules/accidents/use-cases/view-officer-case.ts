// GET /api/officer/accidents/:id: a case of the officer's unit, everything unmasked, with the decisions open to them.
import type { AppDeps } from '../../../deps';
import { inUnit, type OfficerCaller } from '../callers';
import { loadCase } from '../case-store';
import { caseView } from '../views';

export interface ViewOfficerCaseInput {
  caller: OfficerCaller;
  id: number;
}

export async function viewOfficerCase(deps: AppDeps, input: ViewOfficerCaseInput) {
  return caseView(inUnit(await loadCase(deps.db, input.id), input.caller), { kind: 'officer' });
}
