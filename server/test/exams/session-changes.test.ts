// The office changes and cancels sessions (API.md, Operations): capacity never below the seats
// taken, also while bookings race; holders told of a move once each; a cancellation releases every
// active booking without using an attempt or counting as the learner's own, and tells each holder why.
import { createStaff, loginStaff, startTestContext, type TestContext } from '../support/context';
import { bookSeatFor } from '../../src/modules/exams/use-cases/book-seat';
import { updateSession } from '../../src/modules/exams/use-cases/update-session';
import { cancelSession } from '../../src/modules/exams/use-cases/cancel-session';
import { loadLearnerByIdNumber } from '../../src/modules/exams/use-cases/learner-sql';
import { attemptsUsed, sortTime } from '../../src/modules/exams/rules';
import { sessionFacts } from '../../src/modules/exams/sessions';
import { addLearner, addSession, auth, daysFromNow, driverFor, newIdNumber } from './helpers';

let ctx: TestContext;
let admin: string;
let adminId: number;
beforeAll(async () => {
  ctx = await startTestContext({ DATABASE_POOL_SIZE: '20' });
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  adminId = (await createStaff(ctx, { username: 'sessions.admin', role: 'ADMIN' })).id;
  admin = await loginStaff(ctx, 'sessions.admin');
});

/** A learner who may book 科目二, with a logged-in driver. */
async function person() {
  const learner = await addLearner(ctx);
  const driver = await driverFor(ctx, learner);
  return { learner, driver };
}

async function bookAs(token: string, sessionId: number) {
  return ctx.http.post('/api/exam/bookings').set(auth(token)).send({ sessionId });
}

/** Learners with a driver each, in bulk, ready for bookSeatFor. */
async function rushers(n: number) {
  const ids = Array.from({ length: n }, () => newIdNumber());
  await ctx.db.learner.createMany({
    data: ids.map((idNumber) => ({ idNumber, name: '测试学员', licenceClass: 'C1', appliedAt: daysFromNow(-120), permitIssuedAt: daysFromNow(-100), subject1PassedAt: daysFromNow(-100) })),
  });
  await ctx.db.driver.createMany({ data: ids.map((idNumber, i) => ({ openid: `sessions-${i}-${idNumber}`, idNumber })) });
  const drivers = new Map((await ctx.db.driver.findMany({ select: { id: true, idNumber: true } })).map((d) => [d.idNumber, d.id]));
  return Promise.all(ids.map(async (idNumber) => ({ recipient: { driverId: drivers.get(idNumber)! }, learner: (await loadLearnerByIdNumber(ctx.db, idNumber))! })));
}

const outcomeOf = (p: Promise<unknown>) => p.then(() => 'ok', (err: { code?: string }) => err.code ?? String(err));

describe('PATCH /api/admin/exam-sessions/:id', () => {
  it('raises and lowers the capacity, never below the seats taken (409 CAPACITY_BELOW_BOOKED, nothing changed)', async () => {
    const s = await addSession(ctx, { capacity: 5 });
    for (let i = 0; i < 3; i++) expect((await bookAs((await person()).driver.token, s.id)).status).toBe(201);
    const below = await ctx.http.patch(`/api/admin/exam-sessions/${s.id}`).set(auth(admin)).send({ capacity: 2 });
    expect(below.status).toBe(409);
    expect(below.body.error).toMatchObject({ code: 'CAPACITY_BELOW_BOOKED', details: { confirmedCount: 3 } });
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).capacity).toBe(5);
    const exact = await ctx.http.patch(`/api/admin/exam-sessions/${s.id}`).set(auth(admin)).send({ capacity: 3 });
    expect(exact.status).toBe(200);
    expect(exact.body).toMatchObject({ capacity: 3, confirmedCount: 3, remaining: 0, status: 'SCHEDULED' });
    expect((await bookAs((await person()).driver.token, s.id)).body.error.code).toBe('SESSION_FULL');
    const up = await ctx.http.patch(`/api/admin/exam-sessions/${s.id}`).set(auth(admin)).send({ capacity: 4 });
    expect(up.body).toMatchObject({ capacity: 4, remaining: 1 });
    // The seat given back is bookable at once (the full memo of this instance is cleared).
    expect((await bookAs((await person()).driver.token, s.id)).status).toBe(201);
  });

  it('while 30 bookings race capacity decreases, confirmedCount never passes the capacity and equals the CONFIRMED rows', async () => {
    const s = await addSession(ctx, { capacity: 40 });
    const session = (await sessionFacts(ctx.deps, s.id))!;
    const people = await rushers(30);
    const changes = [25, 20, 15, 12, 10, 8].map((capacity) => outcomeOf(updateSession(ctx.deps, { staffId: adminId, sessionId: s.id, capacity })));
    const bookings = people.map((p) => outcomeOf(bookSeatFor(ctx.deps, { recipient: p.recipient, learner: p.learner, session })));
    const outcomes = await Promise.all([...bookings.slice(0, 10), ...changes.slice(0, 3), ...bookings.slice(10), ...changes.slice(3)]);
    expect(new Set(outcomes)).toEqual(new Set(outcomes.filter((o) => ['ok', 'SESSION_FULL', 'CAPACITY_BELOW_BOOKED'].includes(o))));
    const after = await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } });
    const confirmed = await ctx.db.examBooking.count({ where: { sessionId: s.id, status: 'CONFIRMED' } });
    expect(after.confirmedCount).toBe(confirmed);
    expect(after.confirmedCount).toBeLessThanOrEqual(after.capacity);
    expect(confirmed).toBe(outcomes.slice(0, 10).concat(outcomes.slice(13, 33)).filter((o) => o === 'ok').length);
  }, 60_000);

  it('moves the exam and changes its venue: each active holder is told once, the reminder follows', async () => {
    const s = await addSession(ctx, { capacity: 5, startsAt: daysFromNow(15) });
    const a = await person();
    const b = await person();
    const booked = await bookAs(a.driver.token, s.id);
    await bookAs(b.driver.token, s.id);
    const gone = await person();
    const cancelled = await bookAs(gone.driver.token, s.id);
    await ctx.http.delete(`/api/exam/bookings/${cancelled.body.id}`).set(auth(gone.driver.token));
    const to = daysFromNow(16);
    const res = await ctx.http.patch(`/api/admin/exam-sessions/${s.id}`).set(auth(admin)).send({ startsAt: to.toISOString(), venue: '滕州新考场' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startsAt: to.toISOString(), venue: { name: '滕州新考场' } });
    const told = await ctx.db.messageCentreEntry.findMany({ where: { event: 'exam.session_changed' } });
    expect(told.map((m) => m.driverId).sort()).toEqual([a.driver.id, b.driver.id].sort());
    expect(told[0].body).toContain('滕州新考场');
    expect(await ctx.db.notificationOutbox.count({ where: { event: 'exam.session_changed' } })).toBe(2);
    const reminder = await ctx.db.notificationOutbox.findFirstOrThrow({ where: { dedupeKey: `exam.reminder:${booked.body.id}` } });
    expect(reminder.nextAttemptAt.getTime()).toBeGreaterThan(daysFromNow(14).getTime());
    expect((reminder.payload as { venue: string }).venue).toBe('滕州新考场');
    // A capacity-only change tells nobody.
    await ctx.http.patch(`/api/admin/exam-sessions/${s.id}`).set(auth(admin)).send({ capacity: 9 });
    expect(await ctx.db.messageCentreEntry.count({ where: { event: 'exam.session_changed' } })).toBe(2);
  });

  it('answers bad input and closed sessions with a 4xx and changes nothing', async () => {
    const s = await addSession(ctx, { capacity: 5, bookingClosesAt: daysFromNow(12) });
    const patch = (body: unknown, id: number | string = s.id) => ctx.http.patch(`/api/admin/exam-sessions/${id}`).set(auth(admin)).send(body as object);
    expect((await patch({})).status).toBe(400);
    expect((await patch({ capacity: 0 })).status).toBe(400);
    expect((await patch({ capacity: '7' })).status).toBe(400);
    expect((await patch({ startsAt: 'tomorrow' })).status).toBe(400);
    expect((await patch({ startsAt: daysFromNow(-1).toISOString() })).status).toBe(400);
    expect((await patch({ startsAt: daysFromNow(11).toISOString() })).status).toBe(400); // before booking closes
    expect((await patch({ venue: 999_999 })).status).toBe(404);
    expect((await patch({ capacity: 6 }, 999_999)).status).toBe(404);
    expect((await patch({ capacity: 6 }, 'abc')).status).toBe(400);
    const row = await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({ capacity: 5, startsAt: s.startsAt, venueId: s.venueId });
    const started = await addSession(ctx, { startsAt: daysFromNow(-0.1), bookingOpensAt: daysFromNow(-5), bookingClosesAt: daysFromNow(-1) });
    expect((await patch({ capacity: 6 }, started.id)).body.error.code).toBe('INVALID_STATE');
  });
});

describe('POST /api/admin/exam-sessions/:id/cancel', () => {
  it('releases every active booking as CANCELLED_BY_OFFICE, tells each holder once with the reason, and is idempotent', async () => {
    const s = await addSession(ctx, { capacity: 5 });
    const people = [await person(), await person(), await person()];
    const bookings = [];
    for (const p of people) bookings.push((await bookAs(p.driver.token, s.id)).body);
    const res = await ctx.http.post(`/api/admin/exam-sessions/${s.id}/cancel`).set(auth(admin)).send({ reason: '考场设备检修' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s.id, status: 'CANCELLED', cancelReason: '考场设备检修', confirmedCount: 0, bookingOpen: false });
    expect(await ctx.db.examBooking.count({ where: { sessionId: s.id, status: 'CANCELLED_BY_OFFICE', activeKey: null } })).toBe(3);
    const told = await ctx.db.messageCentreEntry.findMany({ where: { event: 'exam.session_cancelled' } });
    expect(told.map((m) => m.driverId).sort()).toEqual(people.map((p) => p.driver.id).sort());
    expect(told[0].body).toContain('考场取消：考场设备检修');
    expect(told[0].body).toContain('重新预约');
    expect(await ctx.db.notificationOutbox.count({ where: { event: 'exam.session_cancelled' } })).toBe(3);
    // The reminders of the seats are not sent.
    expect(await ctx.db.notificationOutbox.count({ where: { event: 'exam.reminder', status: 'PENDING' } })).toBe(0);

    const again = await ctx.http.post(`/api/admin/exam-sessions/${s.id}/cancel`).set(auth(admin)).send({ reason: '另一个原因' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect(await ctx.db.messageCentreEntry.count({ where: { event: 'exam.session_cancelled' } })).toBe(3);
    expect(await ctx.db.auditLog.count({ where: { action: 'exam.session_cancelled' } })).toBe(1);

    // The learner reads why, and their own cancel changes nothing.
    const mine = await ctx.http.get('/api/exam/bookings').set(auth(people[0].driver.token));
    expect(mine.body.items[0]).toMatchObject({ id: bookings[0].id, status: 'CANCELLED_BY_OFFICE', cancelReason: '考场设备检修', cancellableUntil: null });
    const del = await ctx.http.delete(`/api/exam/bookings/${bookings[0].id}`).set(auth(people[0].driver.token));
    expect(del.body.status).toBe('CANCELLED_BY_OFFICE');
  });

  it('keeps attempt counts and sort times, and lets the learners book another session of the subject at once', async () => {
    const s = await addSession(ctx, { capacity: 5 });
    const other = await addSession(ctx, { capacity: 5, startsAt: daysFromNow(20) });
    const p = await person();
    // One earlier sitting of 科目二 that failed: one attempt used.
    const past = await addSession(ctx, { startsAt: daysFromNow(-30), bookingOpensAt: daysFromNow(-40), bookingClosesAt: daysFromNow(-32) });
    await ctx.db.examBooking.create({ data: { sessionId: past.id, learnerId: p.learner.id, subject: 2, status: 'CONFIRMED', sortTime: daysFromNow(-40), result: 'FAIL', resultAt: daysFromNow(-30), decidedAt: daysFromNow(-40) } });
    const before = (await loadLearnerByIdNumber(ctx.db, p.learner.idNumber))!;
    expect((await bookAs(p.driver.token, s.id)).status).toBe(201);
    await ctx.http.post(`/api/admin/exam-sessions/${s.id}/cancel`).set(auth(admin)).send({ reason: '暴雪' });
    const after = (await loadLearnerByIdNumber(ctx.db, p.learner.idNumber))!;
    expect(attemptsUsed(after.history, 2, after.facts.permitIssuedAt)).toBe(1);
    expect(sortTime(after.facts, after.history)).toEqual(sortTime(before.facts, before.history));
    const eligibility = await ctx.http.get('/api/exam/eligibility').set(auth(p.driver.token));
    expect(eligibility.body.subjects.find((x: { subject: number }) => x.subject === 2)).toMatchObject({ status: 'BOOKABLE' });
    const rebooked = await bookAs(p.driver.token, other.id);
    expect(rebooked.status).toBe(201);
    expect(rebooked.body.status).toBe('CONFIRMED');
  });

  it('takes the cancelled session out of the learners’ list and refuses bookings and allocation', async () => {
    const s = await addSession(ctx, { capacity: 5 });
    const ranked = await addSession(ctx, { capacity: 5, allocation: 'RANKED' });
    await ctx.http.post(`/api/admin/exam-sessions/${s.id}/cancel`).set(auth(admin)).send({ reason: '考场调整' });
    await ctx.http.post(`/api/admin/exam-sessions/${ranked.id}/cancel`).set(auth(admin)).send({ reason: '考场调整' });
    const list = await ctx.http.get('/api/exam/sessions?subject=2');
    expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(s.id);
    const p = await person();
    const refused = await bookAs(p.driver.token, s.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.reason).toBe('SESSION_CANCELLED');
    expect((await bookAs(p.driver.token, ranked.id)).status).toBe(422);
    expect((await ctx.http.post(`/api/admin/exam-sessions/${ranked.id}/allocate`).set(auth(admin))).body.error.code).toBe('INVALID_STATE');
    expect((await ctx.http.patch(`/api/admin/exam-sessions/${s.id}`).set(auth(admin)).send({ capacity: 9 })).body.error.code).toBe('INVALID_STATE');
    expect(await ctx.db.examBooking.count()).toBe(0);
  });

  it('while 30 bookings race the cancellation, none is left holding a seat', async () => {
    const s = await addSession(ctx, { capacity: 40 });
    const session = (await sessionFacts(ctx.deps, s.id))!;
    const people = await rushers(30);
    const bookings = people.map((p) => outcomeOf(bookSeatFor(ctx.deps, { recipient: p.recipient, learner: p.learner, session })));
    const cancel = outcomeOf(cancelSession(ctx.deps, { staffId: adminId, sessionId: s.id, reason: '临时停考' }));
    const outcomes = await Promise.all([...bookings.slice(0, 15), cancel, ...bookings.slice(15)]);
    expect(outcomes[15]).toBe('ok');
    expect(new Set(outcomes.filter((o) => o !== 'ok'))).toEqual(new Set(outcomes.filter((o) => o === 'NOT_ELIGIBLE')));
    const after = await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } });
    expect(after).toMatchObject({ status: 'CANCELLED', confirmedCount: 0 });
    expect(await ctx.db.examBooking.count({ where: { sessionId: s.id, status: { in: ['PENDING', 'CONFIRMED'] } } })).toBe(0);
    const released = await ctx.db.examBooking.count({ where: { sessionId: s.id, status: 'CANCELLED_BY_OFFICE' } });
    expect(await ctx.db.messageCentreEntry.count({ where: { event: 'exam.session_cancelled' } })).toBe(released);
  }, 60_000);

  it('answers bad input with a 4xx and changes nothing', async () => {
    const s = await addSession(ctx, { capacity: 5 });
    const cancel = (body: unknown, id: number | string = s.id) => ctx.http.post(`/api/admin/exam-sessions/${id}/cancel`).set(auth(admin)).send(body as object);
    expect((await cancel({})).status).toBe(400);
    expect((await cancel({ reason: ' ' })).status).toBe(400);
    expect((await cancel({ reason: 'x'.repeat(101) })).status).toBe(400);
    expect((await cancel({ reason: 42 })).status).toBe(400);
    expect((await cancel({ reason: '考场调整' }, 999_999)).status).toBe(404);
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('SCHEDULED');
    const p = await person();
    expect((await ctx.http.post(`/api/admin/exam-sessions/${s.id}/cancel`).set(auth(p.driver.token)).send({ reason: '考场调整' })).status).toBe(403);
  });
});
