// The events services report to users, and the data each carries. Services call notify() with
// one of these; the notifications module turns it into a message-centre entry and WeChat messages.
export type { TemplateKey } from '@jiaoguan/contracts/labels';

interface CaseRef {
  caseId: number;
  caseNumber: string;
}
interface BookingRef {
  bookingId: number;
  /** 1, 2, 3 or 4 (科目三安全文明常识). */
  subject: number;
  startsAt: Date;
  venue: string;
}

interface ViolationRef {
  violationId: number;
  plate: string;
  occurredAt: Date;
  place: string;
  description: string;
  fineFen: number;
  points: number;
}

/** A party's insurance claim: the case, the company and its hotline, the insurer's note. */
type ClaimRef = CaseRef & { claimId: number; insurer: string; hotline: string; note?: string };

export interface EventData {
  'accident.partner_joined': CaseRef & { partnerPlate?: string };
  'accident.signature_awaited': CaseRef;
  'accident.submitted': CaseRef;
  'accident.confirmed': CaseRef;
  'accident.returned': CaseRef & { reason: string };
  'accident.transferred': CaseRef & { note?: string };
  'accident.expired': CaseRef;
  'exam.booking_confirmed': BookingRef;
  'exam.booking_rejected': BookingRef;
  'exam.reminder': BookingRef;
  'exam.result': BookingRef & { result: 'PASS' | 'FAIL' | 'NO_SHOW' };
  /** The office moved the exam or changed its venue: the new time and venue, and what they were. */
  'exam.session_changed': BookingRef & { previousStartsAt: Date; previousVenue: string };
  /** The office cancelled the session: the booking is released (no attempt used); rebook another. */
  'exam.session_cancelled': BookingRef & { reason: string };
  'consultation.replied': { consultationId: number; excerpt: string };
  /** The insurer moved the party's claim on (modules/insurers): received, in assessment, settled. */
  'claim.received': ClaimRef;
  'claim.assessing': ClaimRef;
  'claim.settled': ClaimRef;
  /** An import recorded a violation of the driver's vehicle or licence (proactive-notices.ts). */
  'violation.new': ViolationRef;
  /** The vehicle's inspection is due within 30 days. */
  'vehicle.inspection_due': { vehicleId: number; plate: string; dueAt: Date; daysLeft: number };
  /** The licence expires within 90 days (renewal may be applied for now). */
  'licence.expiring': { licenceId: number; validUntil: Date; daysLeft: number };
  /** 9 or more points in the current scoring cycle. */
  'licence.points_high': { licenceId: number; points: number; cycleEndsAt: Date };
}

export type EventName = keyof EventData;

export interface NotifyInput<E extends EventName = EventName> {
  driverId: number;
  event: E;
  data: EventData[E];
  /** The same key notifies once, however often notify() is called with it. */
  dedupeKey: string;
  /** Scheduled messages (the exam reminder): not sent before this time. */
  notBefore?: Date;
}
