// The holiday calendar (CalendarDay: holidays and the weekend days worked in their place), read
// through the instance's cache, and the cancellation deadline it sets. Date arithmetic is contracts/time.ts.
import { previousWorkday, shanghaiDay, shanghaiMidnight, type CalendarOverrides } from '@jiaoguan/contracts/time';
import type { AppDeps } from '../../deps';

/**
 * When a confirmed booking can no longer be cancelled: at least one whole working day must lie
 * between the cancellation and the exam day (L-162 Art. 47 with Art. 110), so cancelling closes
 * when the last working day before the exam day begins.
 */
export function cancellationDeadline(startsAt: Date, overrides: CalendarOverrides): Date {
  return shanghaiMidnight(previousWorkday(shanghaiDay(startsAt), overrides));
}

/** The calendar overrides by Shanghai date (YYYY-MM-DD), cached by the instance (runtime.ts). */
export function loadCalendar(deps: Pick<AppDeps, 'db' | 'exams'>): Promise<CalendarOverrides> {
  return deps.exams.calendar.get('all', async () => {
    const rows = await deps.db.calendarDay.findMany({ select: { date: true, isWorkday: true } });
    return new Map(rows.map((r) => [r.date.toISOString().slice(0, 10), r.isWorkday]));
  });
}
