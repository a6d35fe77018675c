// The review deadline, the one rule for it: a case under review (PENDING_REVIEW) is overdue once it
// has waited longer than the unit's review limit (Unit.reviewLimitMinutes, 大队设置; a unit that set
// none has ACCIDENT_REVIEW_MINUTES, default 30) since it entered review, counting only the unit's
// service hours (Unit.serviceHours, "HH:MM-HH:MM" in Asia/Shanghai; null or unreadable = all day).
// Submitted at 17:50 with 08:00-18:00 and 30 minutes: 10 minutes count that evening, the other 20
// from 08:00 the next day, so due at 08:20. A window that wraps midnight (18:30-07:30) counts on
// across it.
//
// Weekends and holidays do NOT pause the clock: traffic police review cases every day. So
// addWorkingHours is given a calendar in which every day is worked (EVERY_DAY), not the holiday one.
import { addWorkingHours, parseDailyWindow, type CalendarOverrides } from '@jiaoguan/contracts/time';

/** A calendar that works every day of the week, holidays included. */
class EveryDayWorked extends Map<string, boolean> {
  override get(): boolean {
    return true;
  }
}
const EVERY_DAY: CalendarOverrides = new EveryDayWorked();

/** When a case that entered review at `enteredAt` becomes overdue. */
export function reviewDueAt(enteredAt: Date, serviceHours: string | null, limitMs: number): Date {
  const window = serviceHours ? parseDailyWindow(serviceHours) : null;
  if (!window) return new Date(enteredAt.getTime() + limitMs);
  return addWorkingHours(enteredAt, limitMs / 3_600_000, window, EVERY_DAY);
}

/** Whether a case under review is overdue at `now`. */
export function isReviewOverdue(enteredAt: Date, serviceHours: string | null, limitMs: number, now: Date): boolean {
  return reviewDueAt(enteredAt, serviceHours, limitMs).getTime() <= now.getTime();
}

/** The unit's review limit in milliseconds: its own setting, else the configured default. */
export function reviewLimitMs(unit: { reviewLimitMinutes: number | null } | null | undefined, defaultMs: number): number {
  const minutes = unit?.reviewLimitMinutes;
  return typeof minutes === 'number' && minutes > 0 ? minutes * 60_000 : defaultMs;
}
