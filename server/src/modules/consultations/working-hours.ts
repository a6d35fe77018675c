// Working-hour arithmetic for reply deadlines: Asia/Shanghai office hours on working days (CalendarDay overrides weekends).
const MINUTE = 60_000;
const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * 3_600_000;

/** "2026-10-01" for a Shanghai-local day that starts at `localMidnightMs` (ms on the shifted clock). */
const dayKey = (localMs: number) => new Date(localMs).toISOString().slice(0, 10);

export function parseWindow(window: string): { startMin: number; endMin: number } {
  const [a, b] = window.split('-');
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const startMin = toMin(a);
  const endMin = toMin(b);
  if (!(startMin < endMin && endMin <= 24 * 60)) throw new Error(`bad working hours ${window}`);
  return { startMin, endMin };
}

/** Saturdays and Sundays are off unless the calendar says otherwise (holidays, swapped working days). */
export function workdayChecker(overrides: Map<string, boolean>) {
  return (key: string) => {
    const known = overrides.get(key);
    if (known !== undefined) return known;
    const weekday = new Date(`${key}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

/** The instant that lies `hours` working hours after `start`. */
export function addWorkingHours(start: Date, hours: number, window: string, isWorkday: (day: string) => boolean): Date {
  const { startMin, endMin } = parseWindow(window);
  let remaining = Math.round(hours * 60) * MINUTE;
  let local = start.getTime() + SHANGHAI_OFFSET;
  for (let guard = 0; guard < 400; guard++) {
    const midnight = Math.floor(local / DAY) * DAY;
    const open = midnight + startMin * MINUTE;
    const close = midnight + endMin * MINUTE;
    if (isWorkday(dayKey(midnight)) && local < close) {
      const from = Math.max(local, open);
      if (from + remaining <= close) return new Date(from + remaining - SHANGHAI_OFFSET);
      remaining -= close - from;
    }
    local = midnight + DAY;
  }
  throw new Error('no working time found within 400 days');
}
