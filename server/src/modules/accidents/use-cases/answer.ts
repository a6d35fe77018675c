// POST /api/accidents/:id/confirmation: a party's answer with their signature (ANSWER); the last
// answer submits the case (SUBMIT, or RESUBMIT after a return).
import type { AppDeps } from '../../../deps';
import { ruleSaysNo } from '../../../http/errors';
import { notify } from '../../notifications/notify';
import { alertCaseEnteredReview } from '../../notifications/staff-alerts';
import { requireAction, stepWithin } from '../case-machine';
import { caseRef, driverActor, type DriverCaller } from '../callers';
import { act } from '../case-store';
import { onLockedCase } from '../party-action';
import { partyComplete, REQUIRED_SLOTS } from '../views';
import { viewPartyCase } from './view-party-case';

export interface AnswerInput {
  caller: DriverCaller;
  id: number;
  agree: boolean;
  /** The id of the caller's SIGNATURE upload. */
  signature: number;
}

export async function answer(deps: AppDeps, input: AnswerInput) {
  const { caller, id } = input;
  await onLockedCase(deps, caller, id, async (tx, c, me, role) => {
    requireAction('ANSWER', c.status, role);
    const present = new Set(c.files.map((f) => f.slot));
    const missingSlots = REQUIRED_SLOTS.filter((s) => !present.has(s));
    if (missingSlots.length) {
      throw ruleSaysNo('CASE_INCOMPLETE', 'PHOTOS_MISSING', '请先拍齐前方全景、后方全景和碰撞部位三张照片', { missingSlots });
    }
    const incomplete = c.parties.filter((p) => !partyComplete(p)).map((p) => p.role);
    if (c.parties.length < c.vehicleCount || incomplete.length) {
      throw ruleSaysNo('CASE_INCOMPLETE', 'DETAILS_MISSING', '还有一方的车辆和驾驶人信息没有填写完整', { parties: incomplete });
    }
    if (input.agree && !c.scenario) {
      throw ruleSaysNo('CASE_INCOMPLETE', 'LIABILITY_MISSING', '请先选择事故情形和责任');
    }
    const signature = c.files.find((f) => f.id === input.signature);
    if (!signature || signature.slot !== 'SIGNATURE' || signature.uploadedById !== caller.id) {
      throw ruleSaysNo('CASE_INCOMPLETE', 'SIGNATURE_MISSING', '请先在签名板上手写签名');
    }
    await tx.accidentParty.update({
      where: { id: me.id },
      data: { agreed: input.agree, signatureFileId: signature.id, answeredAt: new Date() },
      select: { id: true },
    });
    const actor = driverActor(caller);
    await act(tx, c, {
      action: 'ANSWER',
      role,
      actor,
      event: input.agree ? 'AGREED' : 'DISPUTED',
      details: { role: me.role, signatureFileId: signature.id },
    });
    const answers = c.parties.map((p) => (p.id === me.id ? input.agree : p.agreed));
    const submit = stepWithin('ANSWER', c.status);
    if (submit && answers.every((a) => a !== null)) {
      const disputed = answers.some((a) => a === false);
      // The answer above bumped the version once.
      await act(tx, { ...c, version: c.version + 1 }, {
        action: submit,
        role,
        actor,
        data: { disputed, inviteCode: null, expiresAt: null },
        details: { disputed },
      });
      for (const p of c.parties) {
        await notify(tx, { driverId: p.driverId, event: 'accident.submitted', data: caseRef(c), dedupeKey: `accident:${c.id}:submitted:${c.version}:${p.role}` });
      }
      // The unit's officers who linked WeChat and granted new_case are pushed the case.
      await alertCaseEnteredReview(tx, { unitId: c.unitId, case: c, reason: submit === 'RESUBMIT' ? 'RESUBMITTED' : 'SUBMITTED' });
      return;
    }
    for (const p of c.parties.filter((x) => x.id !== me.id && x.agreed === null)) {
      await notify(tx, {
        driverId: p.driverId,
        event: 'accident.signature_awaited',
        data: caseRef(c),
        dedupeKey: `accident:${c.id}:awaited:${c.version}:${p.role}`,
      });
    }
  });
  return viewPartyCase(deps, { caller, id });
}
