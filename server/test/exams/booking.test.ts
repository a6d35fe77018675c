// FIRST_COME booking over HTTP: a seat at once, retries, one booking per subject, full sessions,
// identity and learner records, and a real race for the last seats.
import { startTestContext, loginDriver, type TestContext } from '../support/context';
import { addLearner, addSession, auth, driverFor, daysFromNow } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const book = (token: string, sessionId: number) => ctx.http.post('/api/exam/bookings').set(auth(token)).send({ sessionId });

describe('POST /api/exam/bookings on a FIRST_COME session', () => {
  it('confirms at once, takes one seat and tells the learner (with a reminder for the day before)', async () => {
    const learner = await addLearner(ctx);
    const d = await driverFor(ctx, learner);
    const s = await addSession(ctx, { capacity: 3 });
    const res = await book(d.token, s.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sessionId: s.id, status: 'CONFIRMED', subject: 2 });
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(1);
    const outbox = await ctx.db.notificationOutbox.findMany({ where: { driverId: d.id }, orderBy: { event: 'asc' } });
    expect(outbox.map((o) => o.event)).toEqual(['exam.booking_confirmed', 'exam.reminder']);
    const reminder = outbox[1];
    expect(reminder.nextAttemptAt.getTime()).toBeLessThan(s.startsAt.getTime());
    expect(reminder.nextAttemptAt.getTime()).toBeGreaterThan(s.startsAt.getTime() - 2 * 86_400_000);
    const list = await ctx.http.get('/api/exam/sessions').query({ subject: 2 });
    expect(list.body.items[0]).toMatchObject({ id: s.id, capacity: 3, remaining: 2 });
    expect(list.body.items[0].applicants).toBeUndefined();
  });

  it('answers each booking with the seats really left, though the session facts stay cached between bookings', async () => {
    const s = await addSession(ctx, { capacity: 5 });
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await driverFor(ctx, await addLearner(ctx));
      const res = await book(d.token, s.id);
      expect(res.status).toBe(201);
      remaining.push(res.body.session.remaining);
    }
    expect(remaining).toEqual([4, 3, 2]);
    // A seat taken elsewhere (another process) shows in the next answer too.
    await ctx.db.examSession.update({ where: { id: s.id }, data: { confirmedCount: { increment: 1 } } });
    const d = await driverFor(ctx, await addLearner(ctx));
    expect((await book(d.token, s.id)).body.session.remaining).toBe(0);
  });

  it('writes one outbox row per notice for a follower too (one push per event, channel chosen when sent)', async () => {
    const learner = await addLearner(ctx);
    const d = await driverFor(ctx, learner);
    await ctx.db.driver.update({ where: { id: d.id }, data: { followsOfficialAccount: true, unionid: `union-${d.id}` } });
    const s = await addSession(ctx);
    expect((await book(d.token, s.id)).status).toBe(201);
    const rows = await ctx.db.notificationOutbox.findMany({ where: { driverId: d.id }, select: { event: true, channel: true }, orderBy: [{ event: 'asc' }, { channel: 'asc' }] });
    expect(rows).toEqual([
      { event: 'exam.booking_confirmed', channel: 'AUTO' },
      { event: 'exam.reminder', channel: 'AUTO' },
    ]);
  });

  it('gives a learner who retries the same booking back (200) without taking another seat', async () => {
    const learner = await addLearner(ctx);
    const d = await driverFor(ctx, learner);
    const s = await addSession(ctx);
    const first = await book(d.token, s.id);
    const again = await book(d.token, s.id);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await ctx.db.examBooking.count()).toBe(1);
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(1);
  });

  it('answers 409 ALREADY_BOOKED for a second session of the same subject', async () => {
    const learner = await addLearner(ctx);
    const d = await driverFor(ctx, learner);
    const a = await addSession(ctx);
    const b = await addSession(ctx, { startsAt: daysFromNow(20) });
    expect((await book(d.token, a.id)).status).toBe(201);
    const res = await book(d.token, b.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_BOOKED');
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: b.id } })).confirmedCount).toBe(0);
  });

  it('answers 409 SESSION_FULL when no seat is left, and writes nothing', async () => {
    const s = await addSession(ctx, { capacity: 1 });
    const first = await driverFor(ctx, await addLearner(ctx));
    const second = await driverFor(ctx, await addLearner(ctx));
    expect((await book(first.token, s.id)).status).toBe(201);
    const res = await book(second.token, s.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SESSION_FULL');
    expect(await ctx.db.examBooking.count()).toBe(1);
    expect(await ctx.db.notificationOutbox.count({ where: { driverId: second.id } })).toBe(0);
  });

  it('refuses a driver without a bound identity with 422 IDENTITY_NOT_BOUND', async () => {
    const d = await loginDriver(ctx);
    const s = await addSession(ctx);
    const res = await book(d.token, s.id);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'NOT_ELIGIBLE', details: { reason: 'IDENTITY_NOT_BOUND' } });
    expect(res.body.error.message).toMatch(/绑定身份证/);
  });

  it('refuses a bound driver with no learner record with 422 NOT_A_LEARNER', async () => {
    const d = await driverFor(ctx, { idNumber: '110105194912310021' });
    const s = await addSession(ctx);
    const res = await book(d.token, s.id);
    expect(res.status).toBe(422);
    expect(res.body.error.details.reason).toBe('NOT_A_LEARNER');
  });

  it('answers 404 for a session that does not exist and 401 without a login', async () => {
    const d = await driverFor(ctx, await addLearner(ctx));
    expect((await book(d.token, 999_999)).status).toBe(404);
    expect((await ctx.http.post('/api/exam/bookings').send({ sessionId: 1 })).status).toBe(401);
  });

  it('lets exactly the number of seats through when 30 learners race for 5 seats over HTTP', async () => {
    const s = await addSession(ctx, { capacity: 5 });
    const drivers = [];
    for (let i = 0; i < 30; i++) drivers.push(await driverFor(ctx, await addLearner(ctx)));
    const results = await Promise.all(drivers.map((d) => book(d.token, s.id)));
    const statuses = results.map((r) => r.status);
    expect(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => [r.status, r.body])).toEqual([]);
    expect(statuses.filter((x) => x === 201)).toHaveLength(5);
    expect(statuses.filter((x) => x === 409)).toHaveLength(25);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'SESSION_FULL')).toBe(true);
    expect(await ctx.db.examBooking.count({ where: { sessionId: s.id, status: 'CONFIRMED' } })).toBe(5);
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(5);
  });

  it('gives one learner sending 20 requests at once over HTTP one booking', async () => {
    const d = await driverFor(ctx, await addLearner(ctx));
    const s = await addSession(ctx, { capacity: 10 });
    const results = await Promise.all(Array.from({ length: 20 }, () => book(d.token, s.id)));
    expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(1);
  });
});

describe('GET /api/exam/bookings', () => {
  it('lists only the caller’s own bookings with their sessionId', async () => {
    const s = await addSession(ctx);
    const mine = await driverFor(ctx, await addLearner(ctx));
    const other = await driverFor(ctx, await addLearner(ctx));
    const booked = await book(mine.token, s.id);
    await book(other.token, s.id);
    const res = await ctx.http.get('/api/exam/bookings').set(auth(mine.token));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ id: booked.body.id, sessionId: s.id, status: 'CONFIRMED' });
    const foreign = await ctx.http.get(`/api/exam/bookings/${booked.body.id}`).set(auth(other.token));
    expect(foreign.status).toBe(404);
  });
});
