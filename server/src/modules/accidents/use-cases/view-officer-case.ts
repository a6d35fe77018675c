// GET /api/officer/accidents/:id: a case of the officer's unit, everything unmasked, with the decisions open to them.
// The officer's read of the parties' personal data is audited (personal_data.viewed).
import type { AppDeps } from '../../../deps';
import { maskedParty, recordPersonalDataRead } from '../../privacy/personal-data';
import { inUnit, type OfficerCaller } from '../callers';
import { loadCase } from '../case-store';
import { caseView } from '../views';

export interface ViewOfficerCaseInput {
  caller: OfficerCaller;
  id: number;
  ip?: string;
}

/** What the officer's case view shows of the parties. */
const SHOWN = ['driverName', 'licenceNumber', 'phone', 'plate', 'insurer', 'policyNumber', 'location', 'photos', 'signatures'] as const;

/** The view alone, for the answer of an officer's action on a case they have opened already (the action has its own audit row). */
export async function officerCaseView(deps: AppDeps, input: Omit<ViewOfficerCaseInput, 'ip'>) {
  const c = inUnit(await loadCase(deps.db, input.id), input.caller);
  return { c, view: caseView(c, { kind: 'officer' }) };
}

export async function viewOfficerCase(deps: AppDeps, input: ViewOfficerCaseInput) {
  const { c, view } = await officerCaseView(deps, input);
  await recordPersonalDataRead(deps.db, {
    staffId: input.caller.id,
    kind: 'viewed',
    entityType: 'AccidentCase',
    entityId: c.id,
    shown: SHOWN,
    details: { caseNumber: c.caseNumber, parties: c.parties.map(maskedParty) },
    ip: input.ip,
  });
  return view;
}
