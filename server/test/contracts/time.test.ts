// Asia/Shanghai time (contracts/time.ts): days, daily windows that may wrap midnight, working hours.
import {
  addWorkingHours,
  compactDay,
  formatDateTime,
  formatDayHeading,
  formatDeadline,
  formatSessionTime,
  isWorkday,
  parseDailyWindow,
  previousWorkday,
  shanghaiDay,
  shanghaiMidnight,
  withinDailyWindow,
} from '@jiaoguan/contracts/time';

const sh = (s: string) => new Date(`${s}+08:00`);
const window = (text: string) => {
  const w = parseDailyWindow(text);
  if (!w) throw new Error(`bad window ${text}`);
  return w;
};

describe('Shanghai days', () => {
  it('puts 23:30 UTC on the next Shanghai day and back', () => {
    expect(shanghaiDay(new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-02');
    expect(shanghaiDay(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(shanghaiMidnight('2026-12-02').toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(compactDay(new Date('2026-12-01T16:30:00Z'))).toBe('20261202');
  });

  it('reads times the way people do, in Shanghai', () => {
    expect(formatDateTime(new Date('2026-12-09T01:05:00Z'))).toBe('2026年12月9日 09:05');
    expect(formatSessionTime('2026-12-09T01:05:00Z')).toBe('12月9日 周三 09:05');
  });

  it('knows weekends, holidays and worked weekend days', () => {
    const overrides = new Map([['2026-10-01', false], ['2026-10-10', true]]);
    expect(isWorkday('2026-12-05', overrides)).toBe(false); // Saturday
    expect(isWorkday('2026-10-01', overrides)).toBe(false); // holiday on a Thursday
    expect(isWorkday('2026-10-10', overrides)).toBe(true); // worked Saturday
    expect(previousWorkday('2026-12-07', overrides)).toBe('2026-12-04');
  });
});

describe('daily windows', () => {
  it('rejects what is not HH:MM-HH:MM', () => {
    for (const bad of ['', '9:00-17:00', '09:00-09:00', '25:00-01:00', '09:00-24:30', 'ab']) expect(parseDailyWindow(bad)).toBeNull();
    expect(parseDailyWindow('09:00-17:00')).toEqual({ startMin: 540, endMin: 1020, wraps: false });
  });

  it('agrees with itself on windows across midnight', () => {
    const night = window('18:30-07:30');
    expect(night.wraps).toBe(true);
    expect(withinDailyWindow(night, sh('2026-12-01T23:00:00'))).toBe(true);
    expect(withinDailyWindow(night, sh('2026-12-01T07:00:00'))).toBe(true);
    expect(withinDailyWindow(night, sh('2026-12-01T07:30:00'))).toBe(false);
    expect(withinDailyWindow(night, sh('2026-12-01T12:00:00'))).toBe(false);
    const day = window('07:30-18:30');
    expect(withinDailyWindow(day, sh('2026-12-01T12:00:00'))).toBe(true);
    expect(withinDailyWindow(day, sh('2026-12-01T18:30:00'))).toBe(false);
  });
});

describe('working hours', () => {
  const none = new Map<string, boolean>();

  it('counts only office hours on working days', () => {
    // Friday 15:00 + 4 h: 2 h on Friday, the rest on Monday morning.
    expect(addWorkingHours(sh('2026-11-27T15:00:00'), 4, window('09:00-17:00'), none)).toEqual(sh('2026-11-30T11:00:00'));
    // Before opening: counted from 09:00.
    expect(addWorkingHours(sh('2026-11-26T07:00:00'), 4, window('09:00-17:00'), none)).toEqual(sh('2026-11-26T13:00:00'));
  });

  it('skips holidays and works on swapped weekend days from the calendar', () => {
    const calendar = new Map([['2026-11-30', false], ['2026-11-29', true]]);
    expect(addWorkingHours(sh('2026-11-27T16:00:00'), 2, window('09:00-17:00'), calendar)).toEqual(sh('2026-11-29T10:00:00'));
  });

  it('counts a night window that wraps midnight as one shift of the day it opens', () => {
    const night = window('20:00-08:00');
    // Wednesday 22:00 + 4 h → Thursday 02:00, inside the same shift.
    expect(addWorkingHours(sh('2026-12-02T22:00:00'), 4, night, none)).toEqual(sh('2026-12-03T02:00:00'));
    // Friday 06:00 (Thursday's shift) + 4 h: 2 h until 08:00, then Friday's shift from 20:00.
    expect(addWorkingHours(sh('2026-12-04T06:00:00'), 4, night, none)).toEqual(sh('2026-12-04T22:00:00'));
    // Saturday 01:00 is still Friday's shift; Saturday's own shift does not open.
    expect(addWorkingHours(sh('2026-12-05T01:00:00'), 8, night, none)).toEqual(sh('2026-12-07T21:00:00'));
  });
});

describe('day headings and deadlines in words', () => {
  it('names the Shanghai day with its weekday', () => {
    expect(formatDayHeading(sh('2026-12-10T09:00:00'))).toBe('12月10日（周四）');
    // 23:30 UTC on the 9th is already the 10th in Shanghai.
    expect(formatDayHeading(new Date('2026-12-09T23:30:00Z'))).toBe('12月10日（周四）');
  });

  it('says a deadline with its clock, and midnight as 24:00 of the day before', () => {
    expect(formatDeadline(sh('2026-12-10T17:00:00'))).toBe('12月10日（周四）17:00');
    expect(formatDeadline(sh('2026-12-11T00:00:00'))).toBe('12月10日（周四）24:00');
    expect(formatDeadline(sh('2026-12-11T00:01:00'))).toBe('12月11日（周五）00:01');
  });
});
