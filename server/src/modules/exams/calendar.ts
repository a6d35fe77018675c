// Dates in Asia/Shanghai and working-day arithmetic over the CalendarDay table (holidays and
// the weekend days worked in their place).
import type { Db } from '../../db';

const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * 3_600_000;

/** The Shanghai calendar date of an instant, as "YYYY-MM-DD". */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/** The instant Shanghai's day "YYYY-MM-DD" begins. */
export function shanghaiMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Shanghai midnight of the day `days` calendar days after the day of `at`. */
export function startOfDayAfter(at: Date, days: number): Date {
  return shanghaiMidnight(addDays(shanghaiDate(at), days));
}

/** Overrides of the Monday–Friday rule, keyed by "YYYY-MM-DD". */
export type CalendarOverrides = ReadonlyMap<string, boolean>;

export function isWorkday(day: string, overrides: CalendarOverrides): boolean {
  const override = overrides.get(day);
  if (override !== undefined) return override;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last working day strictly before `day`. */
export function previousWorkday(day: string, overrides: CalendarOverrides): string {
  let d = addDays(day, -1);
  for (let i = 0; i < 60 && !isWorkday(d, overrides); i++) d = addDays(d, -1);
  return d;
}

/**
 * When a confirmed booking can no longer be cancelled: at least one whole working day must lie
 * between the cancellation and the exam day (L-162 Art. 47 with Art. 110), so cancelling closes
 * when the last working day before the exam day begins.
 */
export function cancellationDeadline(startsAt: Date, overrides: CalendarOverrides): Date {
  return shanghaiMidnight(previousWorkday(shanghaiDate(startsAt), overrides));
}

const CACHE_MS = 60_000;
let cached: { at: number; db: Db; overrides: Map<string, boolean> } | undefined;

/** The calendar overrides, cached for a minute (changed rarely, read on every cancellation). */
export async function loadCalendar(db: Db): Promise<CalendarOverrides> {
  if (cached && cached.db === db && Date.now() - cached.at < CACHE_MS) return cached.overrides;
  const rows = await db.calendarDay.findMany({ select: { date: true, isWorkday: true } });
  const overrides = new Map(rows.map((r) => [r.date.toISOString().slice(0, 10), r.isWorkday]));
  cached = { at: Date.now(), db, overrides };
  return overrides;
}

export function forgetCalendar(): void {
  cached = undefined;
}
