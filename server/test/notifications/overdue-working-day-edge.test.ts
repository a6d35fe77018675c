// The review deadline across the working-day edge and midnight: reviewDueAt (review-deadline.ts), the
// one pure function of the rule, and the queue and the overdue job applying it with the unit's own
// review limit (Unit.reviewLimitMinutes) and service hours, in Asia/Shanghai.
import { reviewDueAt, reviewLimitMs } from '../../src/modules/accidents/review-deadline';
import { markOverdueReviews } from '../../src/modules/accidents/use-cases/mark-overdue-reviews';
import type { TestContext } from '../support/context';
import { expectStatus, startAccidentContext, steps } from '../accidents/flow';

const MINUTE = 60_000;
const at = (local: string) => new Date(`${local}+08:00`);
const due = (entered: string, hours: string | null, minutes: number) => reviewDueAt(at(entered), hours, minutes * MINUTE).toISOString();

describe('reviewDueAt, the working-time arithmetic', () => {
  it('carries what is left at closing to the next opening (the working-day edge)', () => {
    // 17:50 with 08:00-18:00 and 30 minutes: 10 minutes that evening, 20 the next morning.
    expect(due('2026-03-10T17:50:00', '08:00-18:00', 30)).toBe(at('2026-03-11T08:20:00').toISOString());
    // Exactly at closing nothing is left that day.
    expect(due('2026-03-10T18:00:00', '08:00-18:00', 30)).toBe(at('2026-03-11T08:30:00').toISOString());
    // Used up at closing: due at 18:00, not the next morning.
    expect(due('2026-03-10T17:30:00', '08:00-18:00', 30)).toBe(at('2026-03-10T18:00:00').toISOString());
    // A longer limit: 10 minutes, then 80 more from 08:00.
    expect(due('2026-03-10T17:50:00', '08:00-18:00', 90)).toBe(at('2026-03-11T09:20:00').toISOString());
    // Before opening the clock starts at opening.
    expect(due('2026-03-11T07:00:00', '08:00-18:00', 30)).toBe(at('2026-03-11T08:30:00').toISOString());
  });

  it('runs on across midnight (the midnight edge)', () => {
    // All day: the plain limit, into the next day.
    expect(due('2026-03-10T23:50:00', null, 30)).toBe(at('2026-03-11T00:20:00').toISOString());
    // Hours that run to midnight: 10 minutes, then from 08:00.
    expect(due('2026-03-10T23:50:00', '08:00-24:00', 30)).toBe(at('2026-03-11T08:20:00').toISOString());
    // A night window (18:30-07:30) counts straight across midnight…
    expect(due('2026-03-10T23:50:00', '18:30-07:30', 30)).toBe(at('2026-03-11T00:20:00').toISOString());
    // …and what is left at 07:30 is carried to 18:30.
    expect(due('2026-03-11T07:20:00', '18:30-07:30', 30)).toBe(at('2026-03-11T18:50:00').toISOString());
    // The month and year edge too.
    expect(due('2026-12-31T17:50:00', '08:00-18:00', 30)).toBe(at('2027-01-01T08:20:00').toISOString());
  });

  it('does not pause on weekends: Friday 17:50 is due Saturday 08:20', () => {
    expect(due('2026-03-13T17:50:00', '08:00-18:00', 30)).toBe(at('2026-03-14T08:20:00').toISOString());
  });

  it("takes the unit's own limit, else the default", () => {
    expect(reviewLimitMs({ reviewLimitMinutes: 45 }, 30 * MINUTE)).toBe(45 * MINUTE);
    expect(reviewLimitMs({ reviewLimitMinutes: null }, 30 * MINUTE)).toBe(30 * MINUTE);
    expect(reviewLimitMs(null, 30 * MINUTE)).toBe(30 * MINUTE);
  });
});

describe('overdue marking across the working-day edge', () => {
  let ctx: TestContext;
  let s: ReturnType<typeof steps>;
  beforeAll(async () => {
    ctx = await startAccidentContext();
    s = steps(ctx);
  });
  afterAll(async () => {
    await ctx.db.unit.updateMany({ data: { serviceHours: null, reviewLimitMinutes: null } });
    await ctx.close();
  });
  beforeEach(async () => {
    await ctx.reset();
    await ctx.db.unit.updateMany({ data: { serviceHours: null, reviewLimitMinutes: null } });
  });

  const setEntered = (id: number, when: Date) => ctx.db.$executeRawUnsafe(`UPDATE AccidentCase SET updatedAt = ? WHERE id = ?`, when, id);
  const overdueEvents = (caseId: number) => ctx.db.caseEvent.count({ where: { caseId, type: 'REVIEW_OVERDUE' } });

  it('17:50 with 08:00-18:00 and 30 minutes: not overdue at 08:19 the next day, overdue at 08:20', async () => {
    const c = await s.pendingReview();
    // Set after the report (which the hours govern too).
    await ctx.db.unit.update({ where: { code: 'tengzhou' }, data: { serviceHours: '08:00-18:00', reviewLimitMinutes: 30 } });
    await setEntered(c.id, at('2026-03-10T17:50:00'));
    // Overnight, 14 hours of clock time: still not due.
    expect(await markOverdueReviews(ctx.deps, { now: at('2026-03-11T07:59:00') })).toBe(0);
    expect(await markOverdueReviews(ctx.deps, { now: at('2026-03-11T08:19:00') })).toBe(0);
    expect(await overdueEvents(c.id)).toBe(0);
    expect(await markOverdueReviews(ctx.deps, { now: at('2026-03-11T08:20:00') })).toBe(1);
    expect(await markOverdueReviews(ctx.deps, { now: at('2026-03-11T09:00:00') })).toBe(0);
    const [event] = await ctx.db.caseEvent.findMany({ where: { caseId: c.id, type: 'REVIEW_OVERDUE' } });
    expect(event.details).toMatchObject({ dueAt: at('2026-03-11T08:20:00').toISOString() });
  });

  it("the queue marks overdue (overdueSince = the due time) by the unit's hours and limit, and not the case still within them", async () => {
    const officer = await s.officer('tengzhou');
    // Hours that opened 15 minutes ago and close in an hour, a limit of 30 minutes.
    const now = Date.now();
    const minuteOfDay = Math.floor(((now + 8 * 60 * MINUTE) % (1440 * MINUTE)) / MINUTE);
    const hh = (m: number) => {
      const x = ((m % 1440) + 1440) % 1440;
      return `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
    };
    await ctx.db.unit.update({ where: { code: 'tengzhou' }, data: { serviceHours: `${hh(minuteOfDay - 15)}-${hh(minuteOfDay + 60)}`, reviewLimitMinutes: 30 } });
    const late = await s.pendingReview();
    const early = await s.pendingReview();
    const opened = Math.floor(now / MINUTE) * MINUTE - 15 * MINUTE;
    const closedYesterday = opened + 75 * MINUTE - 1440 * MINUTE;
    // 20 minutes before yesterday's closing: 10 are left, used by 10 minutes after today's opening.
    await setEntered(late.id, new Date(closedYesterday - 20 * MINUTE));
    // 5 minutes before closing: 25 left, due 10 minutes from now.
    await setEntered(early.id, new Date(closedYesterday - 5 * MINUTE));

    const list = await ctx.http.get('/api/officer/accidents?status=PENDING_REVIEW').set(s.auth(officer));
    expectStatus(list, 200);
    const item = (id: number) => list.body.items.find((i: { id: number }) => i.id === id);
    expect(item(late.id)).toMatchObject({ overdue: true, overdueSince: new Date(opened + 10 * MINUTE).toISOString() });
    expect(item(early.id)).toMatchObject({ overdue: false, overdueSince: null, dueAt: new Date(opened + 25 * MINUTE).toISOString() });
    // Overdue first: the queue is oldest first.
    expect(list.body.items[0].id).toBe(late.id);
    expect(await markOverdueReviews(ctx.deps)).toBe(1);
    expect(await overdueEvents(late.id)).toBe(1);
    expect(await overdueEvents(early.id)).toBe(0);
  });
});
