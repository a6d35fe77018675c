// A driver's own records (API.md, Inquiries): licence, vehicles, violations, and the record import.
import { z } from 'zod';
import { VIOLATION_STATUSES } from '../labels';
import { id, importReport, isoTime } from './common';

export const bindVehicleRequest = z.object({ plate: z.string(), vinSuffix: z.string() });
export type BindVehicleRequest = z.input<typeof bindVehicleRequest>;

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
  nextMedicalCheckAt: isoTime.nullable(),
  advice: z.array(z.string()),
});
export type Licence = z.infer<typeof licence>;

export const vehicle = z.object({
  id,
  plate: z.string(),
  plateType: z.string(),
  plateTypeText: z.string(),
  vin: z.string(),
  brand: z.string(),
  model: z.string(),
  registeredAt: isoTime,
  inspectionDueAt: isoTime.nullable(),
  inspectionDaysLeft: z.number().int().nullable(),
  insuranceExpiresAt: isoTime.nullable(),
  status: z.string(),
  statusText: z.string(),
  warnings: z.array(z.string()),
});
export type Vehicle = z.infer<typeof vehicle>;

export const violationStatus = z.enum(VIOLATION_STATUSES);
export const violation = z.object({
  id,
  plate: z.string(),
  occurredAt: isoTime,
  place: z.string(),
  code: z.string(),
  description: z.string(),
  fineFen: z.number().int(),
  points: z.number().int(),
  status: violationStatus,
  statusText: z.string(),
  paymentDueAt: isoTime.nullable(),
  lateFeeFen: z.number().int(),
  amountDueFen: z.number().int(),
});
export type Violation = z.infer<typeof violation>;

export const violationList = z.object({
  items: z.array(violation),
  total: z.number().int(),
  totals: z.object({
    outstandingCount: z.number().int(),
    fineFen: z.number().int(),
    lateFeeFen: z.number().int(),
    amountDueFen: z.number().int(),
    points: z.number().int(),
  }),
});
export type ViolationList = z.infer<typeof violationList>;

export const unbindVehicleResponse = z.object({ id, bound: z.boolean() });

/** A record import's outcome; `rejected` lists the first rejected lines, `rejectedCount` all of them. */
export const recordImportReport = importReport.extend({ rejectedCount: z.number().int() });
export type RecordImportReport = z.infer<typeof recordImportReport>;

export const IMPORT_KINDS = ['licences', 'vehicles', 'violations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
