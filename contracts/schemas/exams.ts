// Exam booking (API.md, Exams): sessions, eligibility, bookings, and the admins' exam plan.
import { z } from 'zod';
import { idNumberField, mobilePhoneField, personNameField } from '../fields';
import { ALLOCATIONS, BOOKING_STATUSES, EXAM_RESULTS, EXAM_SESSION_STATUSES, LICENCE_CLASSES } from '../labels';
import { id, importReport, isoTime, isoTimeOrNull, pageOf, unit } from './common';

export const allocation = z.enum(ALLOCATIONS);
export const bookingStatus = z.enum(BOOKING_STATUSES);
export const examSessionStatus = z.enum(EXAM_SESSION_STATUSES);
export const examResult = z.enum(EXAM_RESULTS);
export const licenceClass = z.enum(LICENCE_CLASSES, { error: '准驾车型不正确' });
export const subjectField = z.coerce.number().int().min(1, '科目应为1至4').max(4, '科目应为1至4');
const instant = z.iso.datetime({ offset: true, error: '时间格式应为带时区的 ISO 8601' }).transform((v) => new Date(v));

// ---- requests ----

export const bookRequest = z.object({ sessionId: z.coerce.number().int().positive().max(2_147_483_647) });

export const newSessionRequest = z.object({
  subject: subjectField,
  licenceClass,
  venue: z.union([z.number().int().positive(), z.string().trim().min(1).max(64)]),
  startsAt: instant,
  capacity: z.number().int().min(1, '考位至少1个').max(10_000),
  bookingOpensAt: instant,
  bookingClosesAt: instant,
  allocation,
});
export type NewSessionRequest = z.input<typeof newSessionRequest>;

/** An admin's change to a session: at least one of capacity, time and venue (by id or name). */
export const sessionChangeRequest = z
  .object({
    capacity: z.number().int().min(1, '考位至少1个').max(10_000).optional(),
    startsAt: instant.optional(),
    venue: z.union([z.number().int().positive().max(2_147_483_647), z.string().trim().min(1).max(64)]).optional(),
  })
  .refine((v) => v.capacity !== undefined || v.startsAt !== undefined || v.venue !== undefined, { message: '请至少修改考位、时间或考场中的一项' });
export type SessionChangeRequest = z.input<typeof sessionChangeRequest>;

/** The office cancels a session: the reason is told to every holder. */
export const sessionCancelRequest = z.object({ reason: z.string().trim().min(2, '请填写取消原因（至少两个字）').max(100, '取消原因不能超过100字') });
export type SessionCancelRequest = z.input<typeof sessionCancelRequest>;

const dateField = z.coerce.date({ error: '日期格式不正确' });
export const learnerRequest = z.object({
  idNumber: idNumberField,
  name: personNameField,
  licenceClass,
  /** The applicant's mobile number: it proves their identity binding. */
  phone: mobilePhoneField.optional(),
  appliedAt: dateField.optional(),
  permitIssuedAt: dateField.nullable().optional(),
  passedSubjects: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])).max(4).default([]),
});
export type LearnerRequest = z.input<typeof learnerRequest>;

export const recordResultRequest = z.object({ result: examResult });

export const sessionQuery = z.object({
  subject: subjectField.optional(),
  licenceClass: z.enum(LICENCE_CLASSES).optional(),
  venueId: z.coerce.number().int().positive().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export const learnerSearchQuery = z.object({ search: z.string().trim().max(32).optional() });

/** Learners or exam results as a JSON array of rows, or CSV text with the field names as its header. */
export const rowsImportRequest = z.union([z.array(z.unknown()).max(10_000), z.object({ csv: z.string().max(5_000_000) })]);

export const newVenueRequest = z.object({
  name: z.string().trim().min(1, '请填写考场名称').max(64),
  address: z.string().trim().min(1, '请填写地址').max(255),
  unit: z.string().max(32).optional(),
});

export const calendarDaysRequest = z.object({
  days: z
    .array(z.object({ date: z.iso.date('日期格式应为 YYYY-MM-DD'), isWorkday: z.boolean(), name: z.string().trim().min(1).max(32) }))
    .min(1)
    .max(400),
});
export type CalendarDaysRequest = z.input<typeof calendarDaysRequest>;

// ---- responses ----

export const venue = z.object({ id, name: z.string(), address: z.string() });
export type Venue = z.infer<typeof venue>;

export const examSession = z.object({
  id,
  subject: z.number().int(),
  licenceClass: z.string(),
  venue,
  startsAt: isoTime,
  capacity: z.number().int(),
  allocation,
  bookingOpensAt: isoTime,
  bookingClosesAt: isoTime,
  bookingOpen: z.boolean(),
  allocated: z.boolean(),
  /** Seats left: FIRST_COME sessions, and RANKED ones once allocated. */
  remaining: z.number().int().optional(),
  /** Applications so far: RANKED sessions. */
  applicants: z.number().int().optional(),
  /** CANCELLED once the office cancelled it (never bookable again), with its reason. */
  status: examSessionStatus,
  cancelledAt: isoTimeOrNull,
  cancelReason: z.string().nullable(),
});
export type ExamSession = z.infer<typeof examSession>;

export const adminExamSession = examSession.extend({
  confirmedCount: z.number().int(),
  applicantCount: z.number().int(),
  allocatedAt: isoTime.nullable(),
  createdAt: isoTime,
  fillRate: z.number(),
});
export type AdminExamSession = z.infer<typeof adminExamSession>;

export const booking = z.object({
  id,
  sessionId: id,
  subject: z.number().int(),
  subjectName: z.string(),
  status: bookingStatus,
  /** A RANKED application's place among the applicants while it waits. */
  rank: z.number().int().optional(),
  priority: z.boolean(),
  sortTime: isoTime,
  result: examResult.nullable(),
  resultAt: isoTimeOrNull,
  createdAt: isoTime,
  decidedAt: isoTimeOrNull,
  cancelledAt: isoTimeOrNull,
  cancellableUntil: isoTimeOrNull,
  /** Why the office cancelled it (CANCELLED_BY_OFFICE), else null. */
  cancelReason: z.string().nullable(),
  session: examSession,
});
export type Booking = z.infer<typeof booking>;

const subjectBase = { subject: z.number().int(), name: z.string() };
export const subjectState = z.discriminatedUnion('status', [
  z.object({ ...subjectBase, status: z.literal('PASSED'), passedAt: isoTime }),
  z.object({ ...subjectBase, status: z.literal('BOOKED'), bookingId: id, sessionId: id }),
  z.object({ ...subjectBase, status: z.literal('BOOKABLE') }),
  z.object({ ...subjectBase, status: z.literal('NOT_BOOKABLE'), reason: z.string(), message: z.string(), availableFrom: isoTime.nullable() }),
]);
export type SubjectState = z.infer<typeof subjectState>;

export const examEligibility = z.object({
  learner: z.object({ name: z.string(), licenceClass: z.string(), permitIssuedAt: isoTime.nullable(), permitExpiresAt: isoTime.nullable() }),
  subjects: z.array(subjectState),
});
export type ExamEligibility = z.infer<typeof examEligibility>;

export const venueWithUnit = venue.extend({ unit: unit.nullable() });

export const learner = z.object({
  id,
  /** Masked. */
  idNumber: z.string(),
  name: z.string(),
  licenceClass: z.string(),
  appliedAt: isoTime,
  permitIssuedAt: isoTimeOrNull,
  passedSubjects: z.array(z.number().int()),
  /** Masked: 138****0000. */
  phone: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Learner = z.infer<typeof learner>;

export const allocatedSession = adminExamSession.extend({
  outcome: z.object({ allocated: z.boolean(), confirmed: z.number().int(), rejected: z.number().int() }),
});

/** The admin's result sheet of a session, in rank order. */
export const sessionBookingRow = z.object({
  id,
  status: bookingStatus,
  priority: z.boolean(),
  sortTime: isoTime,
  result: examResult.nullable(),
  resultAt: isoTimeOrNull,
  createdAt: isoTime,
  learner: z.object({ id, name: z.string(), idNumber: z.string(), licenceClass: z.string() }),
});

export const recordedResult = z.object({ id, subject: z.number().int(), result: examResult, resultAt: isoTime, subjectsVoided: z.boolean() });

export const calendarDay = z.object({ date: z.iso.date(), isWorkday: z.boolean(), name: z.string() });
export const calendarDaysUpdated = z.object({ updated: z.number().int() });

export const sessionPage = pageOf(examSession);
export const adminSessionPage = pageOf(adminExamSession);
export const bookingPage = pageOf(booking);
export const learnerPage = pageOf(learner);
export const venuePage = pageOf(venueWithUnit);
export const sessionBookingPage = pageOf(sessionBookingRow);
export const calendarDayPage = pageOf(calendarDay);
export { importReport };
