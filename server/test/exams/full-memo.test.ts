// The session-full memo on the booking path: a full FIRST_COME session refuses from memory before
// the learner is looked up, its seat holders still get their booking back, and it never refuses a
// seat freed elsewhere for longer than its TTL (at once with Redis).
import supertest from 'supertest';
import { Redis } from 'ioredis';
import { buildApp } from '../../src/app';
import { createExamRuntime, FullSessionMemo, type ExamRuntime } from '../../src/modules/exams/runtime';
import { DriverTokens, driverTokens } from '../../src/http/driver-token';
import { startTestContext, type TestContext } from '../support/context';
import { addLearner, addSession, auth, driverFor } from './helpers';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let ctx: TestContext;
const runtimes: ExamRuntime[] = [];

beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(async () => {
  for (const r of runtimes) r.close();
  await ctx.close();
});
beforeEach(() => ctx.reset());

function instance(fullMemoMs: number, redisUrl?: string) {
  const exams = createExamRuntime({ ...ctx.deps.config, redisUrl }, { fullMemoMs });
  runtimes.push(exams);
  return { http: supertest(buildApp({ ...ctx.deps, exams }).callback()), exams };
}
type Instance = ReturnType<typeof instance>;

const book = (via: Instance, token: string, sessionId: number) => via.http.post('/api/exam/bookings').set(auth(token)).send({ sessionId });
const cancel = (via: Instance, token: string, id: number) => via.http.delete(`/api/exam/bookings/${id}`).set(auth(token));
const drivers = (n: number) => Promise.all(Array.from({ length: n }, async () => driverFor(ctx, await addLearner(ctx))));

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

it('refuses a full session without looking the learner up, and gives a holder who asks again their booking', async () => {
  const a = instance(60_000);
  const s = await addSession(ctx, { capacity: 2 });
  const [d1, d2, d3] = await drivers(3);
  const first = await book(a, d1.token, s.id);
  expect((await book(a, d2.token, s.id)).status).toBe(201);
  expect((await book(a, d3.token, s.id)).body.error.code).toBe('SESSION_FULL'); // found full: remembered
  expect(a.exams.fullSessions.isFull(s.id)).toBe(true);

  const query = jest.spyOn(ctx.deps.db.sql, 'query');
  try {
    const refused = await book(a, d3.token, s.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SESSION_FULL');
    // The authentication's look-up only: no learner, no transaction.
    expect(query.mock.calls.map(([sql]) => String(sql)).filter((sql) => /Learner|ExamBooking|ExamSession/.test(sql))).toEqual([]);
  } finally {
    query.mockRestore();
  }
  const again = await book(a, d1.token, s.id);
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(first.body.id);
  expect(await ctx.db.examBooking.count({ where: { sessionId: s.id } })).toBe(2);
});

it("refuses a known-full session on the token's signed claim alone, before its login is read, and nothing else", async () => {
  const a = instance(60_000);
  const full = await addSession(ctx, { capacity: 1 });
  const open = await addSession(ctx, { capacity: 5 });
  const [holder, late] = await drivers(2);
  const first = await book(a, holder.token, full.id);
  expect((await book(a, late.token, full.id)).body.error.code).toBe('SESSION_FULL');

  const query = jest.spyOn(ctx.deps.db.sql, 'query');
  try {
    const refused = await book(a, late.token, full.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SESSION_FULL');
    expect(query).not.toHaveBeenCalled(); // not even the login's look-up
  } finally {
    query.mockRestore();
  }
  // A claim signed with this server's key but without a login behind it: told the session is
  // full (which changes nothing, and which the session list says to anyone), and nothing more.
  const noLogin = driverTokens(ctx.deps.config.appSecret).mint(late.id, new Date(Date.now() + 3_600_000)).token;
  expect((await book(a, noLogin, full.id)).body.error.code).toBe('SESSION_FULL');
  expect((await book(a, noLogin, open.id)).status).toBe(401);
  // A claim of another key is no claim: the database is asked, and there is no such login.
  const foreign = new DriverTokens('some-other-deployment-secret').mint(late.id, new Date(Date.now() + 3_600_000)).token;
  expect((await book(a, foreign, full.id)).status).toBe(401);
  // The holder's claim lets them through to their booking.
  const again = await book(a, holder.token, full.id);
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(first.body.id);
  expect(await ctx.db.examBooking.count({ where: { sessionId: { in: [full.id, open.id] } } })).toBe(1);
});

it('asks the database again after its TTL: a seat freed through another instance is given', async () => {
  const a = instance(200);
  const b = instance(200);
  const s = await addSession(ctx, { capacity: 1 });
  const [d1, d2] = await drivers(2);
  const first = await book(a, d1.token, s.id);
  expect((await book(a, d2.token, s.id)).body.error.code).toBe('SESSION_FULL');
  expect(a.exams.fullSessions.isFull(s.id)).toBe(true);

  expect((await cancel(b, d1.token, first.body.id)).status).toBe(200);
  await new Promise((r) => setTimeout(r, 250));
  expect((await book(a, d2.token, s.id)).status).toBe(201);
  expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(1);
});

it('many asking once the TTL is over share one look-up, and a seat freed during it is not refused', async () => {
  const memo = new FullSessionMemo(0);
  memo.markFull(7, new Set([42]));
  let loads = 0;
  let release!: () => void;
  const load = () => {
    loads++;
    return new Promise<{ full: true; holders: Set<number> }>((resolve) => {
      release = () => resolve({ full: true, holders: new Set([42]) });
    });
  };
  const asks = Array.from({ length: 50 }, () => memo.fullHolders(7, load));
  memo.seatFreed(7); // a cancellation commits while the database is being read
  release();
  const answers = await Promise.all(asks);
  expect(loads).toBe(1);
  expect(answers.every((a) => a === null)).toBe(true);
  expect(memo.isFull(7)).toBe(false);
});

it('with REDIS_URL a seat freed through one instance clears the memo of the others at once', async () => {
  if (!(await redisAnswers())) {
    console.warn(`Redis does not answer at ${REDIS_URL}: the seat-freed channel was not exercised`);
    return;
  }
  const a = instance(60_000, REDIS_URL);
  const b = instance(60_000, REDIS_URL);
  const s = await addSession(ctx, { capacity: 1 });
  const [d1, d2] = await drivers(2);
  const first = await book(a, d1.token, s.id);
  expect((await book(a, d2.token, s.id)).body.error.code).toBe('SESSION_FULL');
  expect(a.exams.fullSessions.isFull(s.id)).toBe(true);
  await new Promise((r) => setTimeout(r, 100)); // both subscribed

  expect((await cancel(b, d1.token, first.body.id)).status).toBe(200);
  for (let i = 0; i < 50 && a.exams.fullSessions.isFull(s.id); i++) await new Promise((r) => setTimeout(r, 20));
  expect(a.exams.fullSessions.isFull(s.id)).toBe(false);
  expect((await book(a, d2.token, s.id)).status).toBe(201);
});

it('with REDIS_URL a booking or a session change through one instance drops the caches of the others at once', async () => {
  if (!(await redisAnswers())) {
    console.warn(`Redis does not answer at ${REDIS_URL}: the runtime channel was not exercised`);
    return;
  }
  // Lists cached for a minute: without the channel the other instance would answer stale for that long.
  const long = (redisUrl?: string) => {
    const exams = createExamRuntime({ ...ctx.deps.config, redisUrl, exams: { ...ctx.deps.config.exams, listCacheMs: 60_000 } });
    runtimes.push(exams);
    return { http: supertest(buildApp({ ...ctx.deps, exams }).callback()), exams };
  };
  const a = long(REDIS_URL);
  const b = long(REDIS_URL);
  const alone = long();
  const s = await addSession(ctx, { capacity: 5 });
  const listed = async (via: Instance) => (await via.http.get('/api/exam/sessions')).body.items.find((x: { id: number }) => x.id === s.id);
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 50 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
    return check();
  };
  expect((await listed(a)).remaining).toBe(5);
  expect((await listed(alone)).remaining).toBe(5);
  await new Promise((r) => setTimeout(r, 100)); // both subscribed

  const [d1] = await drivers(1);
  expect((await book(b, d1.token, s.id)).status).toBe(201);
  expect(await eventually(async () => (await listed(a)).remaining === 4)).toBe(true);
  expect((await listed(alone)).remaining).toBe(5); // no channel: its minute-long TTL

  // A session changed through B (here its capacity): A drops its list and session facts too.
  await ctx.db.examSession.update({ where: { id: s.id }, data: { capacity: 8 } });
  b.exams.sessionsChanged();
  expect(await eventually(async () => (await listed(a)).remaining === 7)).toBe(true);
});
