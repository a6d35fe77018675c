// Insurers (API.md, Operations): the directory parties pick from, and the insurer console's claims
// (staff with role insurer see only their own company's).
import { z } from 'zod';
import { CLAIM_STATUSES, INSURER_CLAIM_STEPS } from '../labels';
import { shanghaiDayField } from './stats';
import { id, isoTime, isoTimeOrNull } from './common';
import { evidenceSlot, liability, partyRole } from './accidents';

export const claimStatus = z.enum(CLAIM_STATUSES);
export const insurerClaimStep = z.enum(INSURER_CLAIM_STEPS);

// ---- requests ----

/** The console's filters: status, and the days (Asia/Shanghai, both included) the claims were handed over. */
export const insurerClaimsFilter = z
  .object({
    status: claimStatus.optional(),
    from: shanghaiDayField.optional(),
    to: shanghaiDayField.optional(),
    /** A case number, document number, plate or policy number (its start). */
    q: z.string().trim().min(1).max(32).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export type InsurerClaimsFilter = z.input<typeof insurerClaimsFilter>;

export const claimStatusRequest = z.object({
  status: insurerClaimStep,
  note: z.string().trim().max(200, '说明不能超过200字').optional(),
});
export type ClaimStatusRequest = z.input<typeof claimStatusRequest>;

// ---- responses ----

export const insurerEntry = z.object({ code: z.string(), name: z.string(), hotline: z.string() });
export type InsurerEntry = z.infer<typeof insurerEntry>;
export const insurersResponse = z.object({ items: z.array(insurerEntry) });
export type InsurersResponse = z.infer<typeof insurersResponse>;

/** One claim as the insurer's list shows it: the insured party and the case in a line. */
export const insurerClaimItem = z.object({
  id,
  status: claimStatus,
  statusLabel: z.string(),
  policyNumber: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  caseId: id,
  caseNumber: z.string(),
  documentNumber: z.string().nullable(),
  occurredAt: isoTime,
  address: z.string(),
  unit: z.string(),
  /** The insured party (A reported the accident). */
  role: partyRole,
  driverName: z.string().nullable(),
  plate: z.string().nullable(),
  phone: z.string().nullable(),
  /** The insured party's liability level (FULL, MAIN, EQUAL, MINOR, NONE), or null. */
  liability: z.string().nullable(),
});
export type InsurerClaimItem = z.infer<typeof insurerClaimItem>;

export const insurerClaimsResponse = z.object({
  items: z.array(insurerClaimItem),
  total: z.number().int().min(0),
  /** The caller's company. */
  insurer: insurerEntry,
});
export type InsurerClaimsResponse = z.infer<typeof insurerClaimsResponse>;

export const insurerClaimParty = z.object({
  role: partyRole,
  insured: z.boolean(),
  driverName: z.string().nullable(),
  phone: z.string().nullable(),
  plate: z.string().nullable(),
  vehicleType: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  insurer: z.string().nullable(),
  policyNumber: z.string().nullable(),
  collisionPart: z.string().nullable(),
  agreed: z.boolean().nullable(),
  liability: z.string().nullable(),
});

export const insurerClaimDetail = insurerClaimItem.extend({
  note: z.string().nullable(),
  receivedAt: isoTimeOrNull,
  assessingAt: isoTimeOrNull,
  settledAt: isoTimeOrNull,
  /** The next status the insurer may set, or null once settled. */
  next: insurerClaimStep.nullable(),
  case: z.object({
    id,
    caseNumber: z.string(),
    occurredAt: isoTime,
    address: z.string(),
    unit: z.string(),
    scenario: z.string().nullable(),
    scenarioName: z.string().nullable(),
    liability: liability.nullable(),
    decidedByOfficer: z.boolean(),
    decisionNote: z.string().nullable(),
    decidedAt: isoTimeOrNull,
    documentNumber: z.string().nullable(),
    verificationCode: z.string().nullable(),
    documentTitle: z.string(),
  }),
  parties: z.array(insurerClaimParty),
  photos: z.array(
    z.object({ id, slot: evidenceSlot, width: z.number().int(), height: z.number().int(), capturedAt: isoTimeOrNull, url: z.string() }),
  ),
  /** The agreement (or determination) PDF. */
  agreementUrl: z.string(),
});
export type InsurerClaimDetail = z.infer<typeof insurerClaimDetail>;
