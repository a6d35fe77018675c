// The staff console's statistics (API.md, Operations: GET /api/admin/stats). Days are Asia/Shanghai
// calendar days, "YYYY-MM-DD"; minutes are wall-clock minutes with one decimal.
import { z } from 'zod';
import { unit } from './common';
import { STATS_CHANNELS, STATS_CHARTS } from '../stats';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar day (2026-02-30 is refused, not rolled over). */
const isRealDay = (s: string) => {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};
export const shanghaiDayField = z
  .string()
  .regex(DAY, '日期格式应为 YYYY-MM-DD')
  .refine(isRealDay, '没有这一天');

// ---- requests ----

export const statsQuery = z.object({
  from: shanghaiDayField.optional(),
  to: shanghaiDayField.optional(),
  /** A unit's code (admins; an officer always gets their own unit). */
  unit: z.string().trim().min(1).max(32).optional(),
});
/** The CSV download: one chart's table, or every table one after the other. */
export const statsCsvQuery = statsQuery.extend({ chart: z.enum(STATS_CHARTS).optional() });
export type StatsQuery = z.input<typeof statsQuery>;

// ---- responses ----

const count = z.number().int().min(0);
/** Median and 90th percentile (linear interpolation between ranks); null when nothing was measured. */
export const percentiles = z.object({ count, median: z.number().nullable(), p90: z.number().nullable() });
export type Percentiles = z.infer<typeof percentiles>;

export const accidentDay = z.object({
  date: z.string(),
  /** Entries into review that day: first submissions and resubmissions after a return. */
  submitted: count,
  resubmitted: count,
  confirmed: count,
  returned: count,
  transferred: count,
  /** Handed to another unit's queue (counted for the unit that handed the case over). */
  handedOver: count,
});
export type AccidentDay = z.infer<typeof accidentDay>;

export const decisionDay = percentiles.extend({ date: z.string() });
export type DecisionDay = z.infer<typeof decisionDay>;

export const consultationDay = z.object({ date: z.string(), created: count, withinLimit: count, overdue: count, waiting: count });
export type ConsultationDay = z.infer<typeof consultationDay>;

export const examSubject = z.object({
  subject: z.number().int(),
  /** Sessions held (or still to be held); cancelled ones are counted apart and left out of the seats. */
  sessions: count,
  cancelled: count,
  capacity: count,
  confirmed: count,
  /** Seats taken / seats offered, 0..1; null without seats. */
  fillRate: z.number().nullable(),
  noShows: count,
});
export type ExamSubjectStats = z.infer<typeof examSubject>;

export const channelCounts = z.object({ sent: count, failed: count, pending: count, skipped: count });
export type ChannelCounts = z.infer<typeof channelCounts>;

export const statsResponse = z.object({
  from: z.string(),
  to: z.string(),
  /** The unit the accident and exam figures are limited to; null for the whole detachment. */
  unit: unit.nullable(),
  accidents: z.object({
    byDay: z.array(accidentDay),
    totals: accidentDay.omit({ date: true }),
    /** From entering review to the officer's decision. */
    decisionMinutes: percentiles,
    decisionByDay: z.array(decisionDay),
  }),
  /** Consultations asked in the range (the whole detachment: a question belongs to no unit). */
  consultations: z.object({
    created: count,
    replied: count,
    firstReplyMinutes: percentiles,
    /** The first-reply limit, in working hours. */
    limitHours: z.number(),
    withinLimit: count,
    overdue: count,
    /** Not answered yet, and not due yet. */
    waiting: count,
    rating: z.object({ average: z.number().nullable(), count }),
    byDay: z.array(consultationDay),
  }),
  /** Exam sessions held in the range (at the unit's venues when a unit is chosen). */
  exams: z.object({
    sessions: count,
    cancelled: count,
    capacity: count,
    confirmed: count,
    fillRate: z.number().nullable(),
    noShows: count,
    bySubject: z.array(examSubject),
  }),
  /** Messages written in the range (the whole detachment), by channel; MESSAGE_CENTRE: sent = written, failed etc. 0. */
  notifications: z.object({
    byChannel: z.record(z.enum(STATS_CHANNELS), channelCounts),
    /** Message-centre entries read by their driver. */
    messageCentreRead: count,
  }),
});
export type StatsResponse = z.infer<typeof statsResponse>;
