// PUT /api/admin/calendar-days: set days as holidays (isWorkday false) or worked days (true), in
// one transaction with its audit row; the instance's calendar cache is dropped afterwards.
import type { AppDeps } from '../../../deps';
import { badRequest } from '../../../http/errors';
import { audit } from '../../../lib/audit';

export interface CalendarDayInput {
  /** YYYY-MM-DD. */
  date: string;
  isWorkday: boolean;
  name: string;
}

export interface SetCalendarDaysInput {
  staffId: number;
  days: CalendarDayInput[];
  ip?: string;
}

export async function setCalendarDays(deps: AppDeps, input: SetCalendarDaysInput) {
  if (new Set(input.days.map((d) => d.date)).size !== input.days.length) {
    throw badRequest([{ path: 'days', message: '日期重复' }]);
  }
  await deps.db.$transaction(async (tx) => {
    for (const d of input.days) {
      const date = new Date(`${d.date}T00:00:00Z`);
      await tx.calendarDay.upsert({ where: { date }, create: { date, isWorkday: d.isWorkday, name: d.name }, update: { isWorkday: d.isWorkday, name: d.name } });
    }
    await audit(tx, { actor: { type: 'STAFF', id: input.staffId }, action: 'exam.calendar_changed', entityType: 'CalendarDay', details: { days: input.days.length }, ip: input.ip });
  });
  deps.exams.calendarChanged();
  return { updated: input.days.length };
}
