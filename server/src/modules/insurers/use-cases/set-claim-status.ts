// POST /api/insurer/claims/:id/status: the insurer moves a claim of its company one step forward
// (SENT → RECEIVED → ASSESSING → SETTLED) with an optional note; the insured party is told at each
// step (claim.received, claim.assessing, claim.settled; a settled claim must reach them). Setting the
// status the claim already has changes nothing and answers 200 (a retried request is safe); any
// other move (back, or skipping a step) answers 409 INVALID_STATE. Audited as claim.status_changed.
import { CLAIM_STATUS_LABELS, type ClaimStatus, type InsurerClaimStep } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import { conflict } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { notify } from '../../notifications/notify';
import { nextStep } from '../claims';
import type { StaffCaller } from '../access';
import { loadInsurerClaim, viewInsurerClaim } from './view-claim';

export interface SetClaimStatusInput {
  caller: StaffCaller;
  id: number;
  status: InsurerClaimStep;
  note?: string;
  ip?: string;
}

const EVENT = { RECEIVED: 'claim.received', ASSESSING: 'claim.assessing', SETTLED: 'claim.settled' } as const;
const STAMP = { RECEIVED: 'receivedAt', ASSESSING: 'assessingAt', SETTLED: 'settledAt' } as const;

export async function setClaimStatus(deps: AppDeps, input: SetClaimStatusInput) {
  const { insurer, claim, c } = await loadInsurerClaim(deps, input.caller, input.id);
  const from = claim.status as ClaimStatus;
  if (from !== input.status) {
    if (nextStep(from) !== input.status) {
      throw conflict('INVALID_STATE', `理赔当前为“${CLAIM_STATUS_LABELS[from]}”，不能改为“${CLAIM_STATUS_LABELS[input.status]}”`, {
        from,
        to: input.status,
        next: nextStep(from),
      });
    }
    const note = input.note?.trim() || null;
    const party = c.parties.find((p) => p.id === claim.partyId)!;
    const moved = await deps.db.$transaction(async (tx) => {
      const now = new Date();
      // Only from the status read: of two staff pressing at once, one moves it.
      const { count } = await tx.insuranceClaim.updateMany({
        where: { id: claim.id, insurerId: insurer.id, status: from },
        data: { status: input.status, statusNote: note, [STAMP[input.status]]: now },
      });
      if (count === 0) return false;
      await notify(tx, {
        driverId: party.driverId,
        event: EVENT[input.status],
        data: { caseId: c.id, caseNumber: c.caseNumber, claimId: claim.id, insurer: insurer.name, hotline: insurer.hotline, ...(note ? { note } : {}) },
        dedupeKey: `claim:${claim.id}:${input.status}`,
      });
      await audit(tx, {
        actor: { type: 'STAFF', id: input.caller.id },
        action: 'claim.status_changed',
        entityType: 'InsuranceClaim',
        entityId: claim.id,
        details: { insurer: insurer.code, caseNumber: c.caseNumber, from, to: input.status, note },
        ip: input.ip,
      });
      return true;
    });
    if (!moved) {
      // Someone else moved it meanwhile: the same answer as if this request had come second.
      const now = await deps.db.insuranceClaim.findUnique({ where: { id: claim.id }, select: { status: true } });
      if (now?.status !== input.status) {
        throw conflict('INVALID_STATE', '理赔状态已被他人更新，请刷新后重试', { from: now?.status ?? from, to: input.status });
      }
    }
  }
  return viewInsurerClaim(deps, { caller: input.caller, id: input.id, ip: input.ip });
}
