// RANKED sessions: applications with live rank, allocation exactly once under concurrency, the
// tie rule, priority near permit expiry, rejected applicants applying elsewhere, freed seats.
import { startTestContext, createStaff, loginStaff, type TestContext } from '../support/context';
import { allocateDueSessions, allocateSession } from '../../src/modules/exams/allocation';
import { addLearner, addSession, auth, driverFor, daysFromNow } from './helpers';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  await createStaff(ctx, { username: 'exam.admin', role: 'ADMIN' });
  admin = await loginStaff(ctx, 'exam.admin');
});

const apply = (token: string, sessionId: number) => ctx.http.post('/api/exam/bookings').set(auth(token)).send({ sessionId });
const allocate = (sessionId: number) => ctx.http.post(`/api/admin/exam-sessions/${sessionId}/allocate`).set(auth(admin));

/** Learners whose sort time is their application date, `daysAgo` each. */
async function applicants(daysAgo: number[]) {
  const out = [];
  for (const days of daysAgo) {
    const learner = await addLearner(ctx, { appliedAt: daysFromNow(-days) });
    out.push({ learner, driver: await driverFor(ctx, learner) });
  }
  return out;
}

it('an application is PENDING with the applicant’s current rank, which changes as others apply', async () => {
  const s = await addSession(ctx, { allocation: 'RANKED', capacity: 2 });
  const [late, early] = await applicants([100, 200]);
  const first = await apply(late.driver.token, s.id);
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ status: 'PENDING', rank: 1 });
  const second = await apply(early.driver.token, s.id);
  expect(second.body).toMatchObject({ status: 'PENDING', rank: 1 });
  const mine = await ctx.http.get('/api/exam/bookings').set(auth(late.driver.token));
  expect(mine.body.items[0]).toMatchObject({ status: 'PENDING', rank: 2 });
  const list = await ctx.http.get('/api/exam/sessions').query({ subject: 2 });
  expect(list.body.items[0]).toMatchObject({ id: s.id, capacity: 2, applicants: 2 });
  expect(await ctx.db.notificationOutbox.count()).toBe(0);
});

it('allocation confirms the earliest sort times, rejects the rest, tells everyone; again changes nothing', async () => {
  const s = await addSession(ctx, { allocation: 'RANKED', capacity: 2 });
  const people = await applicants([10, 300, 200]);
  for (const p of people) expect((await apply(p.driver.token, s.id)).status).toBe(201);
  const res = await allocate(s.id);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ id: s.id, allocated: true, confirmedCount: 2, remaining: 0 });
  const status = async (learnerId: number) => (await ctx.db.examBooking.findFirstOrThrow({ where: { learnerId } })).status;
  expect(await status(people[1].learner.id)).toBe('CONFIRMED');
  expect(await status(people[2].learner.id)).toBe('CONFIRMED');
  expect(await status(people[0].learner.id)).toBe('REJECTED');
  const events = await ctx.db.notificationOutbox.findMany({ select: { driverId: true, event: true } });
  expect(events.filter((e) => e.event === 'exam.booking_confirmed').map((e) => e.driverId).sort()).toEqual([people[1].driver.id, people[2].driver.id].sort());
  expect(events.filter((e) => e.event === 'exam.booking_rejected').map((e) => e.driverId)).toEqual([people[0].driver.id]);
  const before = await ctx.db.examBooking.findMany({ orderBy: { id: 'asc' } });
  const again = await allocate(s.id);
  expect(again.status).toBe(200);
  expect(again.body.outcome.allocated).toBe(false);
  expect(await ctx.db.examBooking.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  expect(await ctx.db.notificationOutbox.count()).toBe(events.length);
});

it('allocation run twice at once (and by two worker runs) gives the same result as once', async () => {
  const s = await addSession(ctx, { allocation: 'RANKED', capacity: 3, bookingClosesAt: daysFromNow(12) });
  const people = await applicants([50, 40, 30, 20, 10, 60, 70]);
  for (const p of people) await apply(p.driver.token, s.id);
  await ctx.db.examSession.update({ where: { id: s.id }, data: { bookingClosesAt: new Date(Date.now() - 1000) } });
  const outcomes = await Promise.all([
    allocateSession(ctx.deps, s.id, { closeNow: false }),
    allocateSession(ctx.deps, s.id, { closeNow: true }),
    allocateDueSessions(ctx.deps),
    allocateDueSessions(ctx.deps),
  ]);
  expect((outcomes.slice(0, 2) as { allocated: boolean }[]).filter((o) => o.allocated).length + (outcomes[2] as number) + (outcomes[3] as number)).toBe(1);
  const confirmed = await ctx.db.examBooking.findMany({ where: { status: 'CONFIRMED' }, select: { learnerId: true } });
  expect(confirmed.map((b) => b.learnerId).sort()).toEqual([people[6].learner.id, people[5].learner.id, people[0].learner.id].sort());
  expect(await ctx.db.examBooking.count({ where: { status: 'REJECTED' } })).toBe(4);
  expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(3);
  expect(await ctx.db.notificationOutbox.count({ where: { event: { in: ['exam.booking_confirmed', 'exam.booking_rejected'] } } })).toBe(7);
  expect(await ctx.db.lease.count()).toBe(0);
});

it('ties on sort time go to the earlier application (lower booking id)', async () => {
  const s = await addSession(ctx, { allocation: 'RANKED', capacity: 1 });
  const same = daysFromNow(-90);
  const a = await addLearner(ctx, { appliedAt: same });
  const b = await addLearner(ctx, { appliedAt: same });
  const da = await driverFor(ctx, a);
  const db = await driverFor(ctx, b);
  const first = await apply(db.token, s.id);
  const second = await apply(da.token, s.id);
  expect(first.body.rank).toBe(1);
  expect(second.body.rank).toBe(2);
  await allocate(s.id);
  expect((await ctx.db.examBooking.findUniqueOrThrow({ where: { id: first.body.id } })).status).toBe('CONFIRMED');
  expect((await ctx.db.examBooking.findUniqueOrThrow({ where: { id: second.body.id } })).status).toBe('REJECTED');
});

it('a permit with under 6 months left ranks first, once per subject', async () => {
  const s = await addSession(ctx, { allocation: 'RANKED', capacity: 1 });
  const [early] = await applicants([500]);
  const urgent = await addLearner(ctx, { appliedAt: daysFromNow(-10), permitIssuedAt: daysFromNow(-3 * 365 + 60) });
  const du = await driverFor(ctx, urgent);
  await apply(early.driver.token, s.id);
  const res = await apply(du.token, s.id);
  expect(res.body).toMatchObject({ priority: true, rank: 1 });
  await allocate(s.id);
  expect((await ctx.db.examBooking.findUniqueOrThrow({ where: { id: res.body.id } })).status).toBe('CONFIRMED');
});

it('a rejected applicant can apply to another session of the subject', async () => {
  const s = await addSession(ctx, { allocation: 'RANKED', capacity: 1 });
  const [winner, loser] = await applicants([300, 100]);
  await apply(winner.driver.token, s.id);
  await apply(loser.driver.token, s.id);
  await allocate(s.id);
  const other = await addSession(ctx, { allocation: 'RANKED', capacity: 1, startsAt: daysFromNow(25) });
  const res = await apply(loser.driver.token, other.id);
  expect(res.status).toBe(201);
  expect(res.body.status).toBe('PENDING');
});

it('a freed confirmed seat goes to the next ranked applicant, who is told', async () => {
  const s = await addSession(ctx, { allocation: 'RANKED', capacity: 1 });
  const [winner, next, last] = await applicants([300, 200, 100]);
  const won = await apply(winner.driver.token, s.id);
  const waiting = await apply(next.driver.token, s.id);
  await apply(last.driver.token, s.id);
  await allocate(s.id);
  const cancelled = await ctx.http.delete(`/api/exam/bookings/${won.body.id}`).set(auth(winner.driver.token));
  expect(cancelled.status).toBe(200);
  expect(cancelled.body.status).toBe('CANCELLED');
  expect((await ctx.db.examBooking.findUniqueOrThrow({ where: { id: waiting.body.id } })).status).toBe('CONFIRMED');
  expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(1);
  expect(await ctx.db.notificationOutbox.count({ where: { driverId: next.driver.id, event: 'exam.booking_confirmed' } })).toBe(1);
  expect(await ctx.db.notificationOutbox.findFirst({ where: { dedupeKey: `exam.reminder:${won.body.id}` } })).toMatchObject({ status: 'SKIPPED' });
});

it('a PENDING application can be withdrawn before booking closes, and not after', async () => {
  const s = await addSession(ctx, { allocation: 'RANKED', capacity: 1 });
  const [p, q] = await applicants([100, 50]);
  const mine = await apply(p.driver.token, s.id);
  const withdrawn = await ctx.http.delete(`/api/exam/bookings/${mine.body.id}`).set(auth(p.driver.token));
  expect(withdrawn.body.status).toBe('CANCELLED');
  expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).applicantCount).toBe(0);
  const theirs = await apply(q.driver.token, s.id);
  await ctx.db.examSession.update({ where: { id: s.id }, data: { bookingClosesAt: new Date(Date.now() - 1000) } });
  const late = await ctx.http.delete(`/api/exam/bookings/${theirs.body.id}`).set(auth(q.driver.token));
  expect(late.status).toBe(422);
  expect(late.body.error.code).toBe('CANCELLATION_CLOSED');
});

it('refuses to allocate a FIRST_COME session (409) and a missing one (404)', async () => {
  const s = await addSession(ctx, { allocation: 'FIRST_COME' });
  expect((await allocate(s.id)).status).toBe(409);
  expect((await allocate(987654)).status).toBe(404);
});
