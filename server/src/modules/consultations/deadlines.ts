// When the first reply to a question is due: a limit in working hours, counted on the calendar
// (CalendarDay overrides the weekday rule: holidays, working weekends).
import { addWorkingHours } from '@jiaoguan/contracts/time';
import type { AppDeps } from '../../deps';

export async function firstReplyDue(deps: Pick<AppDeps, 'db' | 'config'>, from: Date): Promise<Date> {
  const until = new Date(from.getTime() + 60 * 86_400_000);
  const days = await deps.db.calendarDay.findMany({ where: { date: { gte: new Date(from.getTime() - 86_400_000), lte: until } } });
  const overrides = new Map(days.map((d) => [d.date.toISOString().slice(0, 10), d.isWorkday]));
  const { firstReplyHours, workingHours } = deps.config.consultations;
  return addWorkingHours(from, firstReplyHours, workingHours, overrides);
}
