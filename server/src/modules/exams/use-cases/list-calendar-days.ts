// GET /api/admin/calendar-days: holidays and worked weekend days, by date.
import type { AppDeps } from '../../../deps';

export type ListCalendarDaysInput = Record<string, never>;

export async function listCalendarDays(deps: AppDeps, _input: ListCalendarDaysInput = {}) {
  const items = await deps.db.calendarDay.findMany({ orderBy: { date: 'asc' } });
  return { items: items.map((d) => ({ ...d, date: d.date.toISOString().slice(0, 10) })), total: items.length };
}
