// Two app instances on one database, each with its own exam runtime (deps.exams): one instance's
// session-full memo and read caches never answer for the other, and its own writes clear its own.
import supertest from 'supertest';
import { shanghaiDay } from '@jiaoguan/contracts/time';
import { buildApp } from '../../src/app';
import { createExamRuntime, type ExamRuntime } from '../../src/modules/exams/runtime';
import { createStaff, loginStaff, startTestContext, type TestContext } from '../support/context';
import { addLearner, addSession, auth, driverFor } from './helpers';

let ctx: TestContext;
let a: { http: ReturnType<typeof supertest>; exams: ExamRuntime };
let b: { http: ReturnType<typeof supertest>; exams: ExamRuntime };

/** An instance on the shared database with a memo long enough that only its own writes clear it. */
function instance() {
  const exams = createExamRuntime(ctx.deps.config, { fullMemoMs: 60_000 });
  return { http: supertest(buildApp({ ...ctx.deps, exams }).callback()), exams };
}

beforeAll(async () => {
  ctx = await startTestContext({ EXAM_LIST_CACHE_MS: '60000' });
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  a = instance();
  b = instance();
});

const book = (via: typeof a, token: string, sessionId: number) => via.http.post('/api/exam/bookings').set(auth(token)).send({ sessionId });
const cancel = (via: typeof a, token: string, id: number) => via.http.delete(`/api/exam/bookings/${id}`).set(auth(token));
const remaining = async (via: typeof a, sessionId: number) =>
  (await via.http.get('/api/exam/sessions')).body.items.find((s: { id: number }) => s.id === sessionId).remaining;

it("one instance's session-full memo does not refuse on the other; a cancellation through an instance clears its own", async () => {
  const s = await addSession(ctx, { capacity: 1 });
  const [d1, d2, d3] = await Promise.all([1, 2, 3].map(async () => driverFor(ctx, await addLearner(ctx))));

  const first = await book(a, d1.token, s.id);
  expect(first.status).toBe(201);
  const full = await book(a, d2.token, s.id);
  expect(full.status).toBe(409);
  expect(full.body.error.code).toBe('SESSION_FULL');
  expect(a.exams.fullSessions.isFull(s.id)).toBe(true);
  expect(b.exams.fullSessions.isFull(s.id)).toBe(false);

  // The seat is freed through B: A has not seen it and still refuses from memory (only a refusal can be stale) …
  expect((await cancel(b, d1.token, first.body.id)).status).toBe(200);
  expect((await book(a, d2.token, s.id)).status).toBe(409);
  // … while B, whose memo A's refusal never touched, gives the seat away.
  const second = await book(b, d3.token, s.id);
  expect(second.status).toBe(201);

  // Freed through A this time: A's memo is cleared at once and A gives the seat.
  expect((await cancel(a, d3.token, second.body.id)).status).toBe(200);
  expect(a.exams.fullSessions.isFull(s.id)).toBe(false);
  expect((await book(a, d2.token, s.id)).status).toBe(201);

  expect(await ctx.db.examBooking.count({ where: { sessionId: s.id, status: 'CONFIRMED' } })).toBe(1);
  expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(1);
});

it('each instance keeps its own session list: a booking drops the list of the instance that took it only', async () => {
  const s = await addSession(ctx, { capacity: 5 });
  const [d1, d2] = await Promise.all([1, 2].map(async () => driverFor(ctx, await addLearner(ctx))));
  expect(await remaining(a, s.id)).toBe(5);
  expect(await remaining(b, s.id)).toBe(5);

  expect((await book(b, d1.token, s.id)).status).toBe(201);
  expect(await remaining(b, s.id)).toBe(4);
  expect(await remaining(a, s.id)).toBe(5); // A's list lives until its TTL (60 s here)

  expect((await book(a, d2.token, s.id)).status).toBe(201);
  expect(await remaining(a, s.id)).toBe(3);
});

it('each instance keeps its own holiday calendar: setting days through one drops only its cache', async () => {
  await createStaff(ctx, { username: 'cal-admin', role: 'ADMIN' });
  const admin = await loginStaff(ctx, 'cal-admin');
  const s = await addSession(ctx);
  const d = await driverFor(ctx, await addLearner(ctx));
  const booked = await book(a, d.token, s.id);
  expect(booked.status).toBe(201);
  const before = booked.body.cancellableUntil as string;
  expect((await b.http.get(`/api/exam/bookings/${booked.body.id}`).set(auth(d.token))).body.cancellableUntil).toBe(before);

  // The last working day before the exam becomes a holiday, set through B.
  const put = await b.http
    .put('/api/admin/calendar-days')
    .set(auth(admin))
    .send({ days: [{ date: shanghaiDay(new Date(before)), isWorkday: false, name: '测试假日' }] });
  expect(put.status).toBe(200);

  const viaB = (await b.http.get(`/api/exam/bookings/${booked.body.id}`).set(auth(d.token))).body.cancellableUntil as string;
  expect(new Date(viaB).getTime()).toBeLessThan(new Date(before).getTime());
  // A still reads its own calendar, cached for a minute.
  expect((await a.http.get(`/api/exam/bookings/${booked.body.id}`).set(auth(d.token))).body.cancellableUntil).toBe(before);
  a.exams.calendarChanged();
  expect((await a.http.get(`/api/exam/bookings/${booked.body.id}`).set(auth(d.token))).body.cancellableUntil).toBe(viaB);
});
