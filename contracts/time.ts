// Asia/Shanghai time, the one place for it: calendar days, daily windows ("HH:MM-HH:MM", which may
// wrap midnight), working days with the holiday calendar's overrides, and the ways people read a time.
// Shanghai keeps +08:00 all year (no daylight saving), so a fixed offset is exact.

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

type Instant = Date | string | number;
/** The wall clock in Shanghai, read through the UTC getters of the shifted instant. */
const wall = (at: Instant) => new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
const pad = (n: number) => String(n).padStart(2, '0');

/** The Shanghai calendar day of an instant, "YYYY-MM-DD". */
export function shanghaiDay(at: Instant): string {
  return wall(at).toISOString().slice(0, 10);
}

/** The Shanghai calendar day of an instant as [year, month 1-12, day]. */
export function shanghaiDayParts(at: Instant): [number, number, number] {
  const d = wall(at);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Minutes since Shanghai midnight. */
export function shanghaiMinuteOfDay(at: Instant): number {
  const d = wall(at);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** The instant Shanghai's day "YYYY-MM-DD" begins. */
export function shanghaiMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/** The instant Shanghai's midnight of a calendar date begins (month 1-12; days past the month's end roll over). */
export function shanghaiMidnightOf(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS);
}

/** A calendar day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Shanghai midnight of the day `days` calendar days after the day of `at`. */
export function startOfDayAfter(at: Instant, days: number): Date {
  return shanghaiMidnight(addDays(shanghaiDay(at), days));
}

// ---- how people read a time (Simplified Chinese) ----

/** 2026年12月9日 */
export function formatDate(at: Instant): string {
  const [y, m, d] = shanghaiDayParts(at);
  return `${y}年${m}月${d}日`;
}

/** 09:00 */
export function formatClock(at: Instant): string {
  const d = wall(at);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 2026年12月9日 09:00 */
export function formatDateTime(at: Instant): string {
  return `${formatDate(at)} ${formatClock(at)}`;
}

/** 12月9日 09:00 (within the year, where the year goes without saying) */
export function formatShortDateTime(at: Instant): string {
  const [, m, d] = shanghaiDayParts(at);
  return `${m}月${d}日 ${formatClock(at)}`;
}

/** 12月9日 周三 09:00 (exam sessions, where the weekday matters) */
export function formatSessionTime(at: Instant): string {
  const [, m, d] = shanghaiDayParts(at);
  return `${m}月${d}日 周${WEEKDAYS[wall(at).getUTCDay()]} ${formatClock(at)}`;
}

/** 12月10日（周四） (a day heading in a list of sessions) */
export function formatDayHeading(at: Instant): string {
  const [, m, d] = shanghaiDayParts(at);
  return `${m}月${d}日（周${WEEKDAYS[wall(at).getUTCDay()]}）`;
}

/**
 * 12月10日（周四）17:00, for "…前可取消": a deadline at Shanghai midnight reads as 24:00 of the day
 * before, since "12月11日 00:00前" makes people wonder which night is meant.
 */
export function formatDeadline(at: Instant): string {
  const t = new Date(at).getTime();
  if (shanghaiMinuteOfDay(t) === 0 && wall(t).getUTCSeconds() === 0) return `${formatDayHeading(t - 1)}24:00`;
  return `${formatDayHeading(t)}${formatClock(t)}`;
}

/** 20261209 (case numbers) */
export function compactDay(at: Instant): string {
  return shanghaiDay(at).replace(/-/g, '');
}

// ---- working days ----

/** Overrides of the Monday–Friday rule (holidays, weekend days worked in their place), keyed by "YYYY-MM-DD". */
export type CalendarOverrides = ReadonlyMap<string, boolean>;

/** Whether a day is worked: Monday to Friday unless the calendar says otherwise. */
export function isWorkday(day: string, overrides: CalendarOverrides): boolean {
  const override = overrides.get(day);
  if (override !== undefined) return override;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last working day strictly before `day` (looks back at most 60 days). */
export function previousWorkday(day: string, overrides: CalendarOverrides): string {
  let d = addDays(day, -1);
  for (let i = 0; i < 60 && !isWorkday(d, overrides); i++) d = addDays(d, -1);
  return d;
}

// ---- daily windows ----

/** A daily window in minutes since midnight; `wraps` when it runs past midnight (18:30-07:30). */
export interface DailyWindow {
  startMin: number;
  endMin: number;
  wraps: boolean;
}

/** Parses "HH:MM-HH:MM"; null when it is not one (or starts and ends at the same minute). */
export function parseDailyWindow(text: string): DailyWindow | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(text.trim());
  if (!m) return null;
  const startMin = Number(m[1]) * 60 + Number(m[2]);
  const endMin = Number(m[3]) * 60 + Number(m[4]);
  if (startMin === endMin || endMin > 24 * 60) return null;
  return { startMin, endMin, wraps: startMin > endMin };
}

/** Whether a Shanghai wall-clock time falls in the window (the end minute excluded). */
export function withinDailyWindow(window: DailyWindow, at: Instant): boolean {
  const minute = shanghaiMinuteOfDay(at);
  return window.wraps ? minute >= window.startMin || minute < window.endMin : minute >= window.startMin && minute < window.endMin;
}

/**
 * The instant that lies `hours` working hours after `start`: time inside the daily window of a
 * working day. A window that wraps midnight belongs to the day it opens on (a night shift that
 * opens on Friday runs into Saturday morning).
 */
export function addWorkingHours(start: Date, hours: number, window: DailyWindow, overrides: CalendarOverrides): Date {
  let remaining = Math.round(hours * 60) * MINUTE;
  let local = start.getTime() + SHANGHAI_OFFSET_MS;
  for (let guard = 0; guard < 800; guard++) {
    const midnight = Math.floor(local / DAY) * DAY;
    const day = new Date(midnight).toISOString().slice(0, 10);
    // The working spans of this calendar day, in local milliseconds, in order.
    const spans: [number, number, boolean][] = window.wraps
      ? [
          [midnight, midnight + window.endMin * MINUTE, isWorkday(addDays(day, -1), overrides)],
          [midnight + window.startMin * MINUTE, midnight + DAY, isWorkday(day, overrides)],
        ]
      : [[midnight + window.startMin * MINUTE, midnight + window.endMin * MINUTE, isWorkday(day, overrides)]];
    for (const [open, close, worked] of spans) {
      if (!worked || local >= close) continue;
      const from = Math.max(local, open);
      if (from + remaining <= close) return new Date(from + remaining - SHANGHAI_OFFSET_MS);
      remaining -= close - from;
      local = close;
    }
    local = midnight + DAY;
  }
  throw new Error('no working time found within 800 days');
}
