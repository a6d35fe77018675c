// The review deadline (review-deadline.ts) and the review-overdue job: a case under review longer than
// the unit's review limit, counted in its service hours, is overdue in the queue and gets one
// REVIEW_OVERDUE event per entry into review, which open consoles hear as case.overdue.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app';
import { reviewDueAt } from '../../src/modules/accidents/review-deadline';
import { markOverdueReviews } from '../../src/modules/accidents/use-cases/mark-overdue-reviews';
import type { TestContext } from '../support/context';
import { expectStatus, startAccidentContext, steps } from './flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
let originalHours: string | null;
const servers: http.Server[] = [];
const apps: ReturnType<typeof buildApp>[] = [];

beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
  originalHours = (await ctx.db.unit.findUniqueOrThrow({ where: { code: 'tengzhou' } })).serviceHours;
});
afterAll(async () => {
  for (const app of apps) app.emit('shutdown');
  await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(resolve))));
  await ctx.db.unit.update({ where: { code: 'tengzhou' }, data: { serviceHours: originalHours } });
  await ctx.close();
});
beforeEach(async () => {
  await ctx.reset();
  await ctx.db.unit.update({ where: { code: 'tengzhou' }, data: { serviceHours: null } });
});

const MINUTE = 60_000;
const LIMIT = 30 * MINUTE;

/** Moves the case's entry into review (updatedAt while PENDING_REVIEW) back by `ms`. */
async function enteredAgo(id: number, ms: number) {
  await ctx.db.$executeRawUnsafe(`UPDATE AccidentCase SET updatedAt = ? WHERE id = ?`, new Date(Date.now() - ms), id);
}
const overdueEvents = (caseId: number) => ctx.db.caseEvent.count({ where: { caseId, type: 'REVIEW_OVERDUE' } });

describe('reviewDueAt', () => {
  it('counts only service hours: 16:50 + 30 minutes with 08:00-17:00 is 08:20 the next day', () => {
    expect(reviewDueAt(new Date('2026-03-10T16:50:00+08:00'), '08:00-17:00', LIMIT).toISOString()).toBe(new Date('2026-03-11T08:20:00+08:00').toISOString());
    // Inside the hours it is the plain limit; before opening it starts at the opening.
    expect(reviewDueAt(new Date('2026-03-10T09:00:00+08:00'), '08:00-17:00', LIMIT).toISOString()).toBe(new Date('2026-03-10T09:30:00+08:00').toISOString());
    expect(reviewDueAt(new Date('2026-03-10T06:00:00+08:00'), '08:00-17:00', LIMIT).toISOString()).toBe(new Date('2026-03-10T08:30:00+08:00').toISOString());
  });

  it('does not pause on weekends: Friday 16:50 is due Saturday 08:20', () => {
    // 2026-03-13 is a Friday.
    expect(reviewDueAt(new Date('2026-03-13T16:50:00+08:00'), '08:00-17:00', LIMIT).toISOString()).toBe(new Date('2026-03-14T08:20:00+08:00').toISOString());
  });

  it('is the plain limit for an all-day unit (null hours)', () => {
    const at = new Date('2026-03-10T23:50:00+08:00');
    expect(reviewDueAt(at, null, LIMIT).getTime()).toBe(at.getTime() + LIMIT);
  });
});

describe('the queue and the job', () => {
  it('marks a case overdue in the queue once it waited past the limit', async () => {
    const officer = await s.officer('tengzhou');
    const c = await s.pendingReview();
    let list = await ctx.http.get('/api/officer/accidents?status=PENDING_REVIEW').set(s.auth(officer));
    expectStatus(list, 200);
    let item = list.body.items.find((i: { id: number }) => i.id === c.id);
    expect(item.overdue).toBe(false);
    expect(Date.parse(item.dueAt) - Date.parse(item.submittedAt)).toBe(LIMIT);

    await enteredAgo(c.id, 31 * MINUTE);
    list = await ctx.http.get('/api/officer/accidents?status=PENDING_REVIEW').set(s.auth(officer));
    item = list.body.items.find((i: { id: number }) => i.id === c.id);
    expect(item.overdue).toBe(true);

    // Decided cases carry neither.
    expectStatus(await s.decide(officer, c.id, { decision: 'CONFIRM' }), 200);
    list = await ctx.http.get('/api/officer/accidents?status=CONFIRMED').set(s.auth(officer));
    expect(list.body.items.find((i: { id: number }) => i.id === c.id)).toMatchObject({ dueAt: null, overdue: false });
  });

  it('counts the unit service hours in the queue: outside them a long wait is not overdue yet', async () => {
    const officer = await s.officer('tengzhou');
    const c = await s.pendingReview();
    // A window that opens two hours from now: the 90 minutes waited outside it do not count.
    const now = new Date();
    const min = (now.getUTCHours() + 8) * 60 + now.getUTCMinutes();
    const hh = (m: number) => `${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    await ctx.db.unit.update({ where: { code: 'tengzhou' }, data: { serviceHours: `${hh(min + 120)}-${hh(min + 180)}` } });
    await enteredAgo(c.id, 90 * MINUTE);
    const list = await ctx.http.get('/api/officer/accidents?status=PENDING_REVIEW').set(s.auth(officer));
    expect(list.body.items.find((i: { id: number }) => i.id === c.id).overdue).toBe(false);
    expect(await markOverdueReviews(ctx.deps)).toBe(0);
  });

  it('writes REVIEW_OVERDUE once: two runs at once, then again, with no status change', async () => {
    const c = await s.pendingReview();
    const other = await s.pendingReview();
    expect(await markOverdueReviews(ctx.deps)).toBe(0);
    await enteredAgo(c.id, 31 * MINUTE);
    await enteredAgo(other.id, 45 * MINUTE);
    const counts = await Promise.all([markOverdueReviews(ctx.deps), markOverdueReviews(ctx.deps), markOverdueReviews(ctx.deps)]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(2);
    expect(await markOverdueReviews(ctx.deps)).toBe(0);
    expect(await markOverdueReviews(ctx.deps)).toBe(0);
    expect(await overdueEvents(c.id)).toBe(1);
    expect(await overdueEvents(other.id)).toBe(1);
    const row = await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe('PENDING_REVIEW');
    // The entry time stays: still overdue in the queue, and the officer can still decide.
    expect(Date.now() - row.updatedAt.getTime()).toBeGreaterThan(30 * MINUTE);
    const officer = await s.officer('tengzhou');
    expectStatus(await s.decide(officer, c.id, { decision: 'CONFIRM' }), 200);
  });

  it('gives a resubmitted case a fresh deadline, and it can be overdue again', async () => {
    const officer = await s.officer('tengzhou');
    const c = await s.pendingReview();
    await enteredAgo(c.id, 31 * MINUTE);
    expect(await markOverdueReviews(ctx.deps)).toBe(1);
    // The clock moved back for the second entry below too; keep the first alert before it, as it
    // would be (an alert of the first entry always precedes the resubmission).
    await ctx.db.$executeRawUnsafe(`UPDATE CaseEvent SET at = ? WHERE caseId = ? AND type = 'REVIEW_OVERDUE'`, new Date(Date.now() - 2 * 60 * MINUTE), c.id);
    expectStatus(await s.decide(officer, c.id, { decision: 'RETURN', note: '照片不清楚，请重新拍摄' }), 200);
    expectStatus(await s.confirm(c.a.token, c.id, true, await s.sign(c.a.token, c.id)), 200);
    expectStatus(await s.confirm(c.b.token, c.id, true, await s.sign(c.b.token, c.id)), 200);
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('PENDING_REVIEW');
    const list = await ctx.http.get('/api/officer/accidents?status=PENDING_REVIEW').set(s.auth(officer));
    expect(list.body.items.find((i: { id: number }) => i.id === c.id).overdue).toBe(false);
    expect(await markOverdueReviews(ctx.deps)).toBe(0);
    await enteredAgo(c.id, 31 * MINUTE);
    expect(await markOverdueReviews(ctx.deps)).toBe(1);
    expect(await markOverdueReviews(ctx.deps)).toBe(0);
    expect(await overdueEvents(c.id)).toBe(2);
  });
});

describe('case.overdue on the live queue', () => {
  it('reaches an open console of the unit once', async () => {
    const app = buildApp(ctx.deps);
    apps.push(app);
    const server = http.createServer(app.callback());
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const officer = await s.officer('tengzhou');
    const abort = new AbortController();
    const res = await fetch(`${base}/api/officer/events`, { headers: { Authorization: `Bearer ${officer}` }, signal: abort.signal });
    expect(res.status).toBe(200);
    let text = '';
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted
      }
    })();
    const c = await s.pendingReview();
    await enteredAgo(c.id, 31 * MINUTE);
    expect(await markOverdueReviews(ctx.deps)).toBe(1);
    const frames = () => text.split('\n\n').filter((f) => f.includes('event: case.overdue') && f.includes(`"id":${c.id},`));
    const until = Date.now() + 8000;
    while (frames().length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(frames()).toHaveLength(1);
    // Read again and again within the overlap window: still once.
    expect(await markOverdueReviews(ctx.deps)).toBe(0);
    await new Promise((r) => setTimeout(r, 2500));
    expect(frames()).toHaveLength(1);
    expect(frames()[0]).toContain(`"caseNumber":"${c.caseNumber}"`);
    abort.abort();
  });
});
