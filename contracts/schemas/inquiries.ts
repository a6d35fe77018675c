// A driver's own records (API.md, Inquiries): licence, vehicles, violations, and the record import.
import { z } from 'zod';
import { VIOLATION_STATUSES } from '../labels';
import { id, importReport, isoTime, isoTimeOrNull, pageOf } from './common';

export const violationStatus = z.enum(VIOLATION_STATUSES);

export const IMPORT_KINDS = ['licences', 'vehicles', 'violations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

// ---- requests ----

export const bindVehicleRequest = z.object({
  plate: z.string().trim().min(7, '请填写完整的号牌号码').max(16),
  vinSuffix: z
    .string()
    .trim()
    .regex(/^([A-HJ-NPR-Za-hj-npr-z0-9]{4}|[A-HJ-NPR-Za-hj-npr-z0-9]{6})$/, '请填写车架号后4位或后6位'),
});
export type BindVehicleRequest = z.input<typeof bindVehicleRequest>;

/** The violation list's filter (beside the page). */
export const violationsFilter = z.object({ status: violationStatus.optional() });
export type ViolationsFilter = z.input<typeof violationsFilter>;

// ---- responses ----

export const licence = z.object({
  idNumber: z.string(),
  name: z.string(),
  licenceClass: z.string(),
  licenceClassText: z.string(),
  firstIssuedAt: isoTime,
  validUntil: isoTime,
  validDaysLeft: z.number().int(),
  status: z.string(),
  statusText: z.string(),
  points: z.number().int(),
  fullPoints: z.number().int(),
  pointsCycle: z.object({ startsAt: isoTime, endsAt: isoTime }),
  nextMedicalCheckAt: isoTimeOrNull,
  /** The registered phone and the 档案编号, masked (138****0000, ********3456). */
  phone: z.string().nullable(),
  fileNumber: z.string().nullable(),
  advice: z.array(z.string()),
});
export type Licence = z.infer<typeof licence>;

/** A bound vehicle: VIN and owner's ID number masked, status letters in words, warnings. */
export const vehicle = z.object({
  id,
  plate: z.string(),
  plateType: z.string(),
  plateTypeText: z.string(),
  vin: z.string(),
  ownerIdNumber: z.string(),
  brand: z.string(),
  model: z.string(),
  registeredAt: isoTime,
  inspectionDueAt: isoTimeOrNull,
  inspectionDaysLeft: z.number().int().nullable(),
  insuranceExpiresAt: isoTimeOrNull,
  status: z.string(),
  statusText: z.string(),
  warnings: z.array(z.string()),
  boundAt: isoTime,
});
export type Vehicle = z.infer<typeof vehicle>;

export const unbindVehicleResponse = z.object({ id, bound: z.literal(false) });
export type UnbindVehicleResponse = z.infer<typeof unbindVehicleResponse>;

export const violation = z.object({
  id,
  plate: z.string(),
  /** 号牌种类 code (with the plate it names the vehicle), and its name. */
  plateType: z.string(),
  plateTypeText: z.string(),
  occurredAt: isoTime,
  place: z.string(),
  code: z.string(),
  description: z.string(),
  fineFen: z.number().int(),
  points: z.number().int(),
  status: violationStatus,
  statusText: z.string(),
  decidedAt: isoTimeOrNull,
  paymentDueAt: isoTimeOrNull,
  lateFeeFen: z.number().int(),
  amountDueFen: z.number().int(),
});
export type Violation = z.infer<typeof violation>;

export const violationTotals = z.object({
  outstandingCount: z.number().int(),
  fineFen: z.number().int(),
  lateFeeFen: z.number().int(),
  amountDueFen: z.number().int(),
  points: z.number().int(),
});
export type ViolationTotals = z.infer<typeof violationTotals>;

export const violationList = pageOf(violation, { totals: violationTotals });
export type ViolationList = z.infer<typeof violationList>;

/** A record import's outcome; `rejected` lists the first rejected lines, `rejectedCount` all of them. */
export const recordImportReport = importReport.extend({ rejectedCount: z.number().int() });
export type RecordImportReport = z.infer<typeof recordImportReport>;
