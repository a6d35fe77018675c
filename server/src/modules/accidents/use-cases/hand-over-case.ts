// POST /api/officer/accidents/:id/handover: an officer hands a case under review to another unit
// (it happened in that unit's district, or on its road) with a reason. The case stays under review,
// now in the other unit's queue, whose review deadline starts afresh (it runs from the last change);
// the timeline records HANDED_OVER with both units and the reason, and the officers' live queue
// tells the new unit case.pending and the old one case.handedOver. Audited as accident.handover.
import type { AppDeps } from '../../../deps';
import { badRequest, notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { alertCaseEnteredReview } from '../../notifications/staff-alerts';
import { requireAction } from '../case-machine';
import { inUnit, officerActor, type OfficerCaller } from '../callers';
import { act, loadCase, lockCase } from '../case-store';
import { caseView } from '../views';

export interface HandOverCaseInput {
  caller: OfficerCaller;
  id: number;
  /** The unit code the case goes to. */
  unit: string;
  reason: string;
  ip?: string;
}

export async function handOverCase(deps: AppDeps, input: HandOverCaseInput) {
  const { caller, id } = input;
  const target = await deps.db.unit.findUnique({ where: { code: input.unit }, select: { id: true, code: true, name: true } });
  await deps.db.$transaction(async (tx) => {
    const c = inUnit(await lockCase(tx, id), caller);
    requireAction('HAND_OVER', c.status, 'officer');
    if (!target) throw notFound('没有这个大队');
    if (target.id === c.unitId) {
      throw badRequest([{ path: 'unit', message: 'the case is already in this unit', in: 'body' }], '事故已在本大队，请选择其他大队');
    }
    const actor = officerActor(caller);
    const details = { fromUnit: c.unit.code, fromUnitName: c.unit.name, toUnit: target.code, toUnitName: target.name, reason: input.reason };
    await act(tx, c, { action: 'HAND_OVER', role: 'officer', actor, data: { unitId: target.id }, details });
    // The new unit's officers are pushed the case, as for a case submitted to them.
    await alertCaseEnteredReview(tx, { unitId: target.id, case: c, reason: 'HANDED_OVER' });
    await audit(tx, { actor, action: 'accident.handover', entityType: 'AccidentCase', entityId: c.id, details, ip: input.ip });
  });
  // The case is the other unit's now: the answer is the case as it stands, with nothing left for this officer to do.
  const moved = await loadCase(deps.db, id);
  return { ...caseView(moved!, { kind: 'officer' }), actions: [] };
}
