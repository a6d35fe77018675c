// GET /api/insurer/claims/:id: one claim of the caller's company with its case: liability, the
// parties' contact, the photos (with their size, to show them at their aspect) and the agreement.
// Another company's claim answers 404. Audited as a read of personal data.
import { CLAIM_STATUS_LABELS, documentTitle, type ClaimStatus } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import { notFound } from '../../../http/errors';
import { loadCase, type CaseRecord } from '../../accidents/case-store';
import { findScenario } from '../../accidents/liability';
import { effectiveLiability } from '../../accidents/views';
import { maskedParty, recordPersonalDataRead } from '../../privacy/personal-data';
import { insurerOf, type StaffCaller } from '../access';
import { claimItem, claimSelect, nextStep } from '../claims';

export interface ViewInsurerClaimInput {
  caller: StaffCaller;
  id: number;
  ip?: string;
}

/** The claim and its case, for an insurer's staff of the claim's company; 404 for anyone else's. */
export async function loadInsurerClaim(deps: AppDeps, caller: StaffCaller, id: number) {
  const insurer = await insurerOf(deps.db, caller);
  const claim = await deps.db.insuranceClaim.findFirst({
    where: { id, insurerId: insurer.id },
    select: { ...claimSelect, partyId: true, statusNote: true, receivedAt: true, assessingAt: true, settledAt: true },
  });
  const c = claim && (await loadCase(deps.db, claim.case.id));
  if (!claim || !c) throw notFound('没有找到这条理赔');
  return { insurer, claim, c };
}

/** The photos an insurer sees: the evidence, not the signatures (they are on the agreement). */
export const evidenceFiles = (c: CaseRecord) => {
  const signatures = new Set(c.parties.map((p) => p.signatureFileId));
  return c.files.filter((f) => !signatures.has(f.id));
};

export async function viewInsurerClaim(deps: AppDeps, input: ViewInsurerClaimInput) {
  const { claim, c } = await loadInsurerClaim(deps, input.caller, input.id);
  const liability = effectiveLiability(c);
  const scenario = findScenario(c.scenario);
  await recordPersonalDataRead(deps.db, {
    staffId: input.caller.id,
    kind: 'viewed',
    entityType: 'InsuranceClaim',
    entityId: claim.id,
    shown: ['driverName', 'licenceNumber', 'phone', 'plate', 'insurer', 'policyNumber', 'location', 'photos', 'liability'],
    details: { caseNumber: c.caseNumber, parties: c.parties.map(maskedParty) },
    ip: input.ip,
  });
  return {
    ...claimItem(claim),
    note: claim.statusNote,
    receivedAt: claim.receivedAt,
    assessingAt: claim.assessingAt,
    settledAt: claim.settledAt,
    next: nextStep(claim.status as ClaimStatus),
    case: {
      id: c.id,
      caseNumber: c.caseNumber,
      occurredAt: c.occurredAt,
      address: c.address,
      unit: c.unit.name,
      scenario: c.scenario,
      scenarioName: scenario?.name ?? null,
      liability,
      decidedByOfficer: !!c.officerLiability,
      decisionNote: c.decisionNote,
      decidedAt: c.decidedAt,
      documentNumber: c.documentNumber,
      verificationCode: c.verificationCode,
      documentTitle: documentTitle(!!c.officerLiability),
    },
    parties: c.parties.map((p) => ({
      role: p.role,
      insured: p.id === claim.partyId,
      driverName: p.driverName,
      phone: p.phone,
      plate: p.plate,
      vehicleType: p.vehicleType,
      licenceNumber: p.licenceNumber,
      insurer: p.insurer,
      policyNumber: p.policyNumber,
      collisionPart: p.collisionPart,
      agreed: p.agreed,
      liability: liability?.[p.role] ?? null,
    })),
    photos: evidenceFiles(c).map((f) => ({
      id: f.id,
      slot: f.slot,
      width: f.width,
      height: f.height,
      capturedAt: f.capturedAt,
      url: `/api/insurer/claims/${claim.id}/photos/${f.id}`,
    })),
    agreementUrl: `/api/insurer/claims/${claim.id}/agreement`,
    statusLabel: CLAIM_STATUS_LABELS[claim.status as ClaimStatus],
  };
}
