// notify() and the message centre: dedupe, newest first with the unread count, mark read, subscriptions.
import { loginDriver, startTestContext, type TestContext } from '../support/context';
import { notify } from '../../src/modules/notifications/notify';
import { accidentEvent } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('notify()', () => {
  it('writes one centre entry and one outbox row however often the same dedupe key is used', async () => {
    const d = await loginDriver(ctx);
    for (let i = 0; i < 3; i++) await accidentEvent(ctx, d.id, 1);
    await ctx.db.$transaction((tx) => notify(tx, { driverId: d.id, event: 'accident.submitted', data: { caseId: 1, caseNumber: 'X' }, dedupeKey: `test:${d.id}:1` }));
    expect(await ctx.db.messageCentreEntry.count()).toBe(1);
    // The channel is chosen when the row is sent (one push per event).
    expect(await ctx.db.notificationOutbox.findMany({ select: { channel: true } })).toEqual([{ channel: 'AUTO' }]);
  });

  it('writes one outbox row for a follower too (one push per event), and nothing for an unknown driver', async () => {
    const follower = await loginDriver(ctx);
    await ctx.db.driver.update({ where: { id: follower.id }, data: { followsOfficialAccount: true, unionid: `u-${follower.id}` } });
    const data = { caseId: 1, caseNumber: 'SG1' };
    await notify(ctx.db, [
      { driverId: follower.id, event: 'accident.submitted', data, dedupeKey: 'a' },
      { driverId: 987654321, event: 'accident.submitted', data, dedupeKey: 'c' },
    ]);
    const rows = await ctx.db.notificationOutbox.findMany({ select: { driverId: true, channel: true } });
    expect(rows).toEqual([{ driverId: follower.id, channel: 'AUTO' }]);
    expect((await ctx.db.messageCentreEntry.findMany({ select: { dedupeKey: true } })).map((e) => e.dedupeKey)).toEqual(['a']);
  });

  it('writes nothing when the transaction it is part of rolls back', async () => {
    const d = await loginDriver(ctx);
    await expect(
      ctx.db.$transaction(async (tx) => {
        await notify(tx, { driverId: d.id, event: 'accident.confirmed', data: { caseId: 9, caseNumber: 'SG9' }, dedupeKey: 'rolled-back' });
        throw new Error('service failed');
      }),
    ).rejects.toThrow('service failed');
    expect(await ctx.db.messageCentreEntry.count()).toBe(0);
    expect(await ctx.db.notificationOutbox.count()).toBe(0);
  });
});

describe('GET /api/me/notifications', () => {
  it('lists the caller’s entries newest first with the unread count and paging', async () => {
    const d = await loginDriver(ctx);
    const other = await loginDriver(ctx);
    for (let n = 1; n <= 3; n++) await accidentEvent(ctx, d.id, n);
    await accidentEvent(ctx, other.id, 9);
    const res = await ctx.http.get('/api/me/notifications?page=1&pageSize=2').set(auth(d.token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, unread: 3 });
    expect(res.body.items.map((i: any) => i.body)).toEqual([expect.stringContaining('SG2026000003'), expect.stringContaining('SG2026000002')]);
    expect(res.body.items[0]).toMatchObject({ title: '已提交民警审核', read: false, link: '/pages/accident/detail/index?id=3' });
    const page2 = await ctx.http.get('/api/me/notifications?page=2&pageSize=2').set(auth(d.token));
    expect(page2.body.items).toHaveLength(1);
  });

  it('shows a scheduled notice only once it is due, dated when due', async () => {
    const d = await loginDriver(ctx);
    const data = { bookingId: 7, subject: 1, startsAt: new Date(Date.now() + 5 * 86_400_000), venue: '测试考场' };
    const due = new Date(Date.now() + 3 * 86_400_000);
    await notify(ctx.db, [
      { driverId: d.id, event: 'exam.booking_confirmed', data, dedupeKey: `confirmed:${d.id}` },
      { driverId: d.id, event: 'exam.reminder', data, dedupeKey: `reminder:${d.id}`, notBefore: due },
    ]);
    const res = await ctx.http.get('/api/me/notifications').set(auth(d.token));
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { title: string }) => e.title)).toEqual(['预约成功']);
    expect(res.body).toMatchObject({ total: 1, unread: 1 });
    // Reading everything now does not mark the notice that is not yet due.
    await ctx.http.post('/api/me/notifications/read-all').set(auth(d.token));
    const reminder = await ctx.db.messageCentreEntry.findUniqueOrThrow({ where: { dedupeKey: `reminder:${d.id}` } });
    expect(reminder.createdAt.getTime()).toBe(due.getTime());
    expect(reminder.readAt).toBeNull();
    // Once due it shows, unread.
    await ctx.db.messageCentreEntry.update({ where: { id: reminder.id }, data: { createdAt: new Date() } });
    const later = await ctx.http.get('/api/me/notifications').set(auth(d.token));
    expect(later.body.items.map((e: { title: string }) => e.title)).toEqual(['明天考试', '预约成功']);
    expect(later.body.unread).toBe(1);
  });

  it('requires a driver login', async () => {
    expect((await ctx.http.get('/api/me/notifications')).status).toBe(401);
  });
});

describe('marking read', () => {
  it('marks one entry read once, and answers 404 for another driver’s entry', async () => {
    const d = await loginDriver(ctx);
    const other = await loginDriver(ctx);
    await accidentEvent(ctx, d.id, 1);
    const entry = await ctx.db.messageCentreEntry.findFirstOrThrow();
    const first = await ctx.http.post(`/api/me/notifications/${entry.id}/read`).set(auth(d.token));
    expect(first.status).toBe(200);
    expect(first.body.read).toBe(true);
    const again = await ctx.http.post(`/api/me/notifications/${entry.id}/read`).set(auth(d.token));
    expect(again.body.readAt).toBe(first.body.readAt);
    const foreign = await ctx.http.post(`/api/me/notifications/${entry.id}/read`).set(auth(other.token));
    expect(foreign.status).toBe(404);
    expect((await ctx.http.get('/api/me/notifications').set(auth(d.token))).body.unread).toBe(0);
  });

  it('read-all marks only the caller’s entries', async () => {
    const d = await loginDriver(ctx);
    const other = await loginDriver(ctx);
    for (let n = 1; n <= 2; n++) await accidentEvent(ctx, d.id, n);
    await accidentEvent(ctx, other.id, 5);
    const res = await ctx.http.post('/api/me/notifications/read-all').set(auth(d.token));
    expect(res.body).toEqual({ updated: 2, unread: 0 });
    expect(await ctx.db.messageCentreEntry.count({ where: { readAt: null } })).toBe(1);
  });
});

describe('POST /api/me/subscriptions', () => {
  it('the template ids to ask for are given by key', async () => {
    const d = await loginDriver(ctx);
    const res = await ctx.http.get('/api/notifications/templates').set(auth(d.token));
    expect(res.body).toEqual({
      templates: { accident_progress: 'tmpl-accident-progress', exam_booking: 'tmpl-exam-booking', consultation_reply: 'tmpl-consultation-reply', traffic_reminder: 'tmpl-traffic-reminder' },
    });
  });

  it('adds one grant per accept and counts rejects', async () => {
    const d = await loginDriver(ctx);
    const send = (templates: object) => ctx.http.post('/api/me/subscriptions').set(auth(d.token)).send({ templates });
    await send({ accident_progress: 'accept', exam_booking: 'reject' });
    const res = await send({ accident_progress: 'accept' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { templateKey: 'accident_progress', remaining: 2, accepted: 2, rejected: 0 },
      { templateKey: 'exam_booking', remaining: 0, accepted: 0, rejected: 1 },
    ]);
  });

  it('refuses unknown template keys and answers with 400, recording nothing', async () => {
    const d = await loginDriver(ctx);
    const res = await ctx.http.post('/api/me/subscriptions').set(auth(d.token)).send({ templates: { parking: 'accept' } });
    expect(res.status).toBe(400);
    const empty = await ctx.http.post('/api/me/subscriptions').set(auth(d.token)).send({ templates: {} });
    expect(empty.status).toBe(400);
    expect(await ctx.db.subscriptionQuota.count()).toBe(0);
  });
});
