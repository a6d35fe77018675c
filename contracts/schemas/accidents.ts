// Quick accident processing (API.md, Accidents): what the parties and the officers send and get.
import { z } from 'zod';
import { idNumberField, mobilePhoneField, personNameField, plateField } from '../fields';
import {
  ACCIDENT_STATUSES,
  CASE_ACTIONS,
  EVIDENCE_SLOTS,
  FAULT_SIDES,
  LIABILITY_ALIASES,
  LIABILITY_LEVELS,
  OFFICER_DECISIONS,
  PARTY_ROLES,
} from '../labels';
import { id, isoTime, unit } from './common';

export const accidentStatus = z.enum(ACCIDENT_STATUSES);
export const evidenceSlot = z.enum(EVIDENCE_SLOTS);
export const partyRole = z.enum(PARTY_ROLES);
export const faultSide = z.enum(FAULT_SIDES);
export const liabilityLevel = z.enum(LIABILITY_LEVELS);
/** A level as sent: 全部 … 无, or FULL / MAIN / EQUAL / MINOR / NONE. */
export const liabilityLevelInput = z
  .string()
  .transform((v) => LIABILITY_ALIASES[v.toUpperCase()] ?? v)
  .pipe(liabilityLevel);
export const liability = z.object({ A: liabilityLevel.optional(), B: liabilityLevel.optional() });

// ---- requests ----

/** The questionnaire (DOMAIN.md A2); answers not asked default to the safe side. */
export const eligibilityAnswers = z.object({
  injuries: z.boolean(),
  vehiclesDrivable: z.boolean(),
  licencesValid: z.boolean(),
  insured: z.boolean(),
  impaired: z.boolean(),
  platesValid: z.boolean().default(true),
  inspectionValid: z.boolean().default(true),
  dangerousGoods: z.boolean().default(false),
  facilitiesDamaged: z.boolean().default(false),
  partyLeft: z.boolean().default(false),
  deliberate: z.boolean().default(false),
  onExpressway: z.boolean().default(false),
});
export type EligibilityAnswers = z.input<typeof eligibilityAnswers>;

/** Coordinates come from GPS in WeChat; the browser sends the address only, with the unit chosen. */
export const accidentLocation = z.object({
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  address: z.string().trim().min(2, '请填写事故地点').max(255),
});
export type AccidentLocation = z.input<typeof accidentLocation>;

export const reportAccidentRequest = z.object({
  occurredAt: isoTime.transform((s) => new Date(s)).refine((d) => d.getTime() <= Date.now() + 5 * 60_000, '事故时间不能晚于现在'),
  location: accidentLocation,
  unit: z.string().trim().max(32).optional(),
  weather: z.string().trim().max(16).optional(),
  vehicleCount: z.union([z.literal(1), z.literal(2)]),
  eligibility: eligibilityAnswers,
});
export type ReportAccidentRequest = z.input<typeof reportAccidentRequest>;

export const checkEligibilityRequest = reportAccidentRequest.pick({ location: true, unit: true, eligibility: true });
export type CheckEligibilityRequest = z.input<typeof checkEligibilityRequest>;
export const checkEligibilityResponse = z.object({ eligible: z.literal(true), unit });

export const joinAccidentRequest = z.object({ inviteCode: z.string().trim().regex(/^\d{6}$/, '邀请码是6位数字') });

export const partyDetails = z.object({
  plate: plateField,
  driverName: personNameField,
  licenceNumber: idNumberField,
  phone: mobilePhoneField,
  insurer: z.string().trim().min(2, '请填写保险公司').max(64),
  policyNumber: z.string().trim().max(64).regex(/^[A-Za-z0-9-]*$/, '保单号只能包含字母和数字').optional(),
  vehicleType: z.string().trim().max(32).optional(),
  collisionPart: z.string().trim().max(64).optional(),
});
export type PartyDetails = z.input<typeof partyDetails>;

export const setLiabilityRequest = z.object({ scenario: z.string().trim().min(1).max(32), atFault: faultSide });
export const confirmationRequest = z.object({ agree: z.boolean(), signature: z.coerce.number().int().positive().max(2_147_483_647) });

export const decisionRequest = z.object({
  decision: z.enum(OFFICER_DECISIONS),
  note: z.string().trim().max(500).optional(),
  liability: z.object({ A: liabilityLevelInput, B: liabilityLevelInput.optional() }).optional(),
});
export type DecisionRequest = z.input<typeof decisionRequest>;

// ---- responses ----

export const party = z.object({
  role: partyRole,
  plate: z.string().nullable(),
  plateType: z.string().nullable(),
  vehicleType: z.string().nullable(),
  driverName: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  phone: z.string().nullable(),
  insurer: z.string().nullable(),
  policyNumber: z.string().nullable(),
  collisionPart: z.string().nullable(),
  complete: z.boolean(),
  agreed: z.boolean().nullable(),
  signed: z.boolean(),
  signatureFileId: id.nullable(),
  answeredAt: isoTime.nullable(),
  joinedAt: isoTime,
});
export type Party = z.infer<typeof party>;

export const photo = z.object({
  id,
  slot: evidenceSlot,
  sha256: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  capturedAt: isoTime.nullable(),
  receivedAt: isoTime,
  uploadedBy: partyRole.nullable(),
  url: z.string(),
});
export type Photo = z.infer<typeof photo>;

export const caseEvent = z.object({
  type: z.string(),
  actor: z.string(),
  at: isoTime,
  from: accidentStatus.nullable(),
  to: accidentStatus.nullable(),
  /** Officers only: WeChat's content check wanted a person to look at the text of this step, or did not answer. */
  textCheck: z.enum(['review', 'unchecked']).optional(),
  /** What the step says beyond its type (a handover: to which unit; officers also from which and why). */
  note: z.string().optional(),
});
export type CaseEvent = z.infer<typeof caseEvent>;

export const accidentCase = z.object({
  id,
  caseNumber: z.string(),
  status: accidentStatus,
  statusText: z.string(),
  /** `dutyPhone` once the case is TRANSFERRED: the unit's duty line for the parties to call (null when none is set). */
  unit: unit.extend({ dutyPhone: z.string().nullable().optional() }),
  occurredAt: isoTime,
  location: z.object({ latitude: z.number().nullable(), longitude: z.number().nullable(), address: z.string() }),
  weather: z.string().nullable(),
  vehicleCount: z.union([z.literal(1), z.literal(2)]),
  myRole: partyRole.nullable(),
  inviteCode: z.string().nullable().optional(),
  inviteExpiresAt: isoTime.nullable().optional(),
  scenario: z.string().nullable(),
  scenarioName: z.string().nullable(),
  atFault: faultSide.nullable(),
  liability: liability.nullable(),
  disputed: z.boolean(),
  missingSlots: z.array(evidenceSlot),
  decision: z
    .object({ note: z.string().nullable(), at: isoTime, officer: z.string().nullable(), liability: liability.nullable() })
    .nullable(),
  document: z
    .object({ number: z.string().nullable(), verificationCode: z.string().nullable(), kind: z.enum(['AGREEMENT', 'DETERMINATION']), title: z.string() })
    .nullable(),
  expiresAt: isoTime.nullable(),
  /** Under review (PENDING_REVIEW): when the officers' review limit runs out (review-deadline.ts); absent otherwise. */
  reviewDueAt: isoTime.nullable().optional(),
  parties: z.array(party),
  photos: z.array(photo),
  claims: z.array(
    z.object({
      id,
      role: partyRole.nullable(),
      insurer: z.string(),
      policyNumber: z.string().nullable(),
      /** SENT, RECEIVED, ASSESSING, SETTLED (the insurer moves it on), with its words and the insurer's note. */
      status: z.string(),
      statusLabel: z.string(),
      note: z.string().nullable(),
      /** The insurer's claims hotline (null: a company not in the directory). */
      hotline: z.string().nullable(),
      createdAt: isoTime,
      updatedAt: isoTime,
    }),
  ),
  events: z.array(caseEvent),
  /** What the caller may ask for now (the case machine, docs/accidents.md), so pages keep no status lists. */
  actions: z.array(z.enum(CASE_ACTIONS)),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type AccidentCase = z.infer<typeof accidentCase>;

export const scenario = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  atFault: z.string(),
  split: z.enum(['ONE', 'BOTH']),
});
export type Scenario = z.infer<typeof scenario>;

export const officerQueueItem = z.object({
  id,
  caseNumber: z.string(),
  status: accidentStatus,
  occurredAt: isoTime,
  address: z.string(),
  disputed: z.boolean(),
  scenario: z.string().nullable(),
  plates: z.array(z.string()),
  submittedAt: isoTime,
  waitingMinutes: z.number().nullable(),
  /** Under review: when the case becomes overdue (the unit's review limit, counted in its service hours); null otherwise. */
  dueAt: isoTime.nullable(),
  /** Under review past dueAt. */
  overdue: z.boolean(),
  /** When an overdue case became overdue (its dueAt); null otherwise. */
  overdueSince: isoTime.nullable(),
});
export type OfficerQueueItem = z.infer<typeof officerQueueItem>;

/** The officer's day: own decisions since Shanghai midnight, and the unit's review queue. */
export const officerStats = z.object({
  day: z.string(),
  decided: z.object({ CONFIRM: z.number().int(), RETURN: z.number().int(), TRANSFER: z.number().int(), total: z.number().int() }),
  waiting: z.object({ total: z.number().int(), disputed: z.number().int() }),
});
export type OfficerStats = z.infer<typeof officerStats>;

export const inviteQr = z.object({
  inviteCode: z.string(),
  inviteExpiresAt: isoTime,
  joinUrl: z.string(),
  /** An SVG data URL. */
  image: z.string(),
});
export type InviteQr = z.infer<typeof inviteQr>;

/** The public check of a document's number and code (for insurers). */
export const documentCheck = z.union([
  z.object({ genuine: z.literal(false) }),
  z.object({
    genuine: z.literal(true),
    documentNumber: z.string(),
    title: z.string(),
    caseNumber: z.string(),
    occurredAt: isoTime,
    address: z.string(),
    confirmedAt: isoTime.nullable(),
    unit: z.string(),
    parties: z.array(z.object({ role: partyRole, plate: z.string().nullable(), insurer: z.string().nullable(), liability: liabilityLevel.nullable() })),
  }),
]);
export type DocumentCheck = z.infer<typeof documentCheck>;
export const documentCheckQuery = z.object({ number: z.string().trim().min(4).max(32), code: z.string().trim().min(4).max(16) });

/** A driver's own insurance claims across cases. */
export const myClaim = z.object({
  id,
  insurer: z.string(),
  policyNumber: z.string().nullable(),
  status: z.string(),
  createdAt: isoTime,
  case: z.object({ id, caseNumber: z.string(), documentNumber: z.string().nullable() }),
});
export type MyClaim = z.infer<typeof myClaim>;

export const uploadedEvidence = z.object({ id, slot: evidenceSlot, sha256: z.string() });
export type UploadedEvidence = z.infer<typeof uploadedEvidence>;

export const handoverRequest = z.object({
  /** The unit code the case goes to. */
  unit: z.string().trim().min(1).max(32),
  reason: z.string().trim().min(2, '请写明移交的原因').max(200),
});
export type HandoverRequest = z.input<typeof handoverRequest>;
