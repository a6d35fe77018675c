// POST /api/officer/accidents/:id/decision: an officer of the unit confirms, returns or transfers a
// case under review (CONFIRM, RETURN, TRANSFER of the case machine); audited as accident.decision.
import type { OfficerDecision } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import { badRequest } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { issueDocument } from '../../documents/issue';
import { notify } from '../../notifications/notify';
import { loadDirectory, matchInsurer } from '../../insurers/directory';
import { requireAction } from '../case-machine';
import { caseRef, inUnit, officerActor, type OfficerCaller } from '../callers';
import { act, lockCase } from '../case-store';
import { liabilityConsistent, type Liability } from '../liability';
import { resetAnswers } from '../party-action';
import { officerCaseView } from './view-officer-case';

export interface DecideCaseInput {
  caller: OfficerCaller;
  id: number;
  decision: OfficerDecision;
  note?: string;
  liability?: Liability;
  ip?: string;
}

export async function decideCase(deps: AppDeps, input: DecideCaseInput) {
  const { caller, id } = input;
  await deps.db.$transaction(async (tx) => {
    const c = inUnit(await lockCase(tx, id), caller);
    // A case no longer under review answers 409 before its input is judged.
    requireAction(input.decision, c.status, 'officer');
    const actor = officerActor(caller);
    const now = new Date();
    const ref = caseRef(c);
    const decided = { decidedById: caller.id, decidedAt: now, decisionNote: input.note ?? null };
    const step = { action: input.decision, role: 'officer' as const, actor };
    if (input.decision === 'CONFIRM') {
      if (c.disputed && !input.liability) {
        throw badRequest([{ path: 'liability', message: 'required for a disputed case', in: 'body' }], '双方有争议，请为每一方确定责任');
      }
      if (input.liability && !liabilityConsistent(input.liability, c.vehicleCount)) {
        throw badRequest([{ path: 'liability', message: 'levels do not fit together', in: 'body' }], '双方责任不匹配（全部对无、主要对次要、同等对同等）');
      }
      const byOfficer = !!input.liability;
      const documentNumber = `${byOfficer ? 'RD' : 'XY'}${c.caseNumber.slice(2)}`;
      // The document's own random code, for the public check (modules/documents).
      const code = await issueDocument(tx, { caseId: c.id, documentNumber, kind: byOfficer ? 'OFFICER_FINDING' : 'AGREEMENT', issuedAt: now });
      await act(tx, c, {
        ...step,
        data: {
          ...decided,
          officerLiability: input.liability ?? undefined,
          documentNumber,
          verificationCode: code,
        },
        details: { liability: input.liability ?? null },
      });
      // Each claim goes to the directory's insurer its party named (whose staff then see it).
      const directory = await loadDirectory(tx);
      for (const p of c.parties) {
        if (p.insurer) {
          await tx.insuranceClaim.create({
            data: { caseId: c.id, partyId: p.id, insurer: p.insurer, insurerId: matchInsurer(directory, p.insurer)?.id ?? null, policyNumber: p.policyNumber },
            select: { id: true },
          });
        }
      }
      for (const p of c.parties) {
        await notify(tx, { driverId: p.driverId, event: 'accident.confirmed', data: ref, dedupeKey: `accident:${c.id}:confirmed:${p.role}` });
      }
    } else if (input.decision === 'RETURN') {
      const reason = input.note?.trim();
      if (!reason) {
        throw badRequest([{ path: 'note', message: 'required when returning', in: 'body' }], '请填写退回的原因');
      }
      await act(tx, c, {
        ...step,
        data: { ...decided, expiresAt: new Date(now.getTime() + deps.config.accidents.returnedMs) },
        details: { reason },
      });
      await resetAnswers(tx, c, true);
      for (const p of c.parties) {
        await notify(tx, {
          driverId: p.driverId,
          event: 'accident.returned',
          data: { ...ref, reason },
          dedupeKey: `accident:${c.id}:returned:${c.version}:${p.role}`,
        });
      }
    } else {
      await act(tx, c, { ...step, data: decided, details: { note: input.note ?? null } });
      for (const p of c.parties) {
        await notify(tx, {
          driverId: p.driverId,
          event: 'accident.transferred',
          data: { ...ref, note: input.note },
          dedupeKey: `accident:${c.id}:transferred:${p.role}`,
        });
      }
    }
    await audit(tx, {
      actor,
      action: 'accident.decision',
      entityType: 'AccidentCase',
      entityId: c.id,
      details: { decision: input.decision, note: input.note ?? null, liability: input.liability ?? null, from: c.status },
      ip: input.ip,
    });
  });
  return (await officerCaseView(deps, { caller, id })).view;
}
