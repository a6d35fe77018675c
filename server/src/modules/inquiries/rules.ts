// Pure rules of the look-ups: the 12-month points cycle, the late fee, and what a record's dates mean.
import { shanghaiDayParts, shanghaiMidnightOf } from '@jiaoguan/contracts/time';

const DAY = 86_400_000;

export const FULL_POINTS = 12;
/** Days to pay after the penalty decision before the late fee starts. */
export const PAYMENT_DAYS = 15;
/** Late fee per day, in percent of the fine (capped at the fine). */
export const LATE_FEE_PERCENT_PER_DAY = 3;

/** The anniversary of a date in a given year; 29 February falls on 28 February in other years. */
function anniversary(year: number, month: number, day: number): Date {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return shanghaiMidnightOf(year, month, Math.min(day, lastDay));
}

/** The scoring cycle containing `now`: 12 months counted from the first issue date (记分周期). */
export function pointsCycle(firstIssuedAt: Date, now: Date): { startsAt: Date; endsAt: Date } {
  const [, m, d] = shanghaiDayParts(firstIssuedAt);
  const [year] = shanghaiDayParts(now);
  let start = anniversary(year, m, d);
  let startYear = year;
  if (start.getTime() > now.getTime()) {
    startYear = year - 1;
    start = anniversary(startYear, m, d);
  }
  return { startsAt: start, endsAt: anniversary(startYear + 1, m, d) };
}

/**
 * Points that count now. Imported points belong to the cycle they were recorded in; once that cycle
 * has ended they are cleared, unless they reached the full 12 (the licence then waits for the
 * full-score course and exam, so the points stand).
 */
export function currentPoints(licence: { firstIssuedAt: Date; points: number; pointsRecordedAt: Date }, now: Date): number {
  const cycle = pointsCycle(licence.firstIssuedAt, now);
  if (licence.pointsRecordedAt.getTime() < cycle.startsAt.getTime() && licence.points < FULL_POINTS) return 0;
  return licence.points;
}

/**
 * The late fee (滞纳金) of a decided, unpaid fine: 3% of the fine for every full day past the
 * payment deadline (15 days after the decision), never more than the fine itself. Computed when read.
 */
export function lateFeeFen(v: { status: string; fineFen: number; decidedAt: Date | null }, now: Date): number {
  if (v.status !== 'PROCESSED' || !v.decidedAt || v.fineFen <= 0) return 0;
  const due = v.decidedAt.getTime() + PAYMENT_DAYS * DAY;
  const days = Math.floor((now.getTime() - due) / DAY);
  if (days <= 0) return 0;
  return Math.min(v.fineFen, Math.floor((v.fineFen * LATE_FEE_PERCENT_PER_DAY * days) / 100));
}

/** The payment deadline of a decided fine, or null. */
export function paymentDueAt(decidedAt: Date | null): Date | null {
  return decidedAt ? new Date(decidedAt.getTime() + PAYMENT_DAYS * DAY) : null;
}

/** Whole days from now until `at` (negative when it has passed), by Shanghai calendar dates. */
export function daysUntil(at: Date, now: Date): number {
  const [y1, m1, d1] = shanghaiDayParts(now);
  const [y2, m2, d2] = shanghaiDayParts(at);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY);
}
