// PUT /api/accidents/:id/liability: a party proposes the scenario and fault side (SET_LIABILITY).
import type { AppDeps } from '../../../deps';
import type { FaultSide } from '../../../generated/prisma/enums';
import { badRequest, ruleSaysNo } from '../../../http/errors';
import { requireAction } from '../case-machine';
import { driverActor, type DriverCaller } from '../callers';
import { act } from '../case-store';
import { faultProblem, findScenario } from '../liability';
import { onLockedCase, resetAnswers } from '../party-action';
import { viewPartyCase } from './view-party-case';

export interface SetLiabilityInput {
  caller: DriverCaller;
  id: number;
  scenario: string;
  atFault: FaultSide;
}

export async function setLiability(deps: AppDeps, input: SetLiabilityInput) {
  const { caller, id } = input;
  const scenario = findScenario(input.scenario);
  if (!scenario) throw badRequest([{ path: 'scenario', message: 'unknown scenario', in: 'body' }], '请选择事故情形');
  await onLockedCase(deps, caller, id, async (tx, c, _me, role) => {
    requireAction('SET_LIABILITY', c.status, role);
    const problem = faultProblem(scenario, input.atFault, c.vehicleCount);
    if (problem) throw ruleSaysNo('LIABILITY_INCONSISTENT', 'LIABILITY_INCONSISTENT', problem);
    if (c.scenario === scenario.code && c.atFault === input.atFault) return;
    const reset = await resetAnswers(tx, c);
    await act(tx, c, {
      action: 'SET_LIABILITY',
      role,
      actor: driverActor(caller),
      data: { scenario: scenario.code, atFault: input.atFault },
      details: { scenario: scenario.code, atFault: input.atFault, answersReset: reset },
    });
  });
  return viewPartyCase(deps, { caller, id });
}
