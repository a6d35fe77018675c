// The holiday calendar (CalendarDay: holidays and the weekend days worked in their place), read
// from the database, and the cancellation deadline it sets. Date arithmetic is contracts/time.ts.
import { previousWorkday, shanghaiDay, shanghaiMidnight, type CalendarOverrides } from '@jiaoguan/contracts/time';
import type { Db } from '../../db';

/**
 * When a confirmed booking can no longer be cancelled: at least one whole working day must lie
 * between the cancellation and the exam day (L-162 Art. 47 with Art. 110), so cancelling closes
 * when the last working day before the exam day begins.
 */
export function cancellationDeadline(startsAt: Date, overrides: CalendarOverrides): Date {
  return shanghaiMidnight(previousWorkday(shanghaiDay(startsAt), overrides));
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
