// POST /api/accidents/:id/cancel: the reporter withdraws an unfinished case (CANCEL).
import type { AppDeps } from '../../../deps';
import { audit } from '../../../lib/audit';
import { driverActor, type DriverCaller } from '../callers';
import { act } from '../case-store';
import { onLockedCase } from '../party-action';
import { viewPartyCase } from './view-party-case';

export interface CancelCaseInput {
  caller: DriverCaller;
  id: number;
  ip?: string;
}

export async function cancelCase(deps: AppDeps, input: CancelCaseInput) {
  const { caller, id } = input;
  await onLockedCase(deps, caller, id, async (tx, c, _me, role) => {
    const actor = driverActor(caller);
    await act(tx, c, { action: 'CANCEL', role, actor, data: { inviteCode: null, expiresAt: null } });
    await audit(tx, { actor, action: 'accident.cancelled', entityType: 'AccidentCase', entityId: c.id, ip: input.ip });
  });
  return viewPartyCase(deps, { caller, id });
}
