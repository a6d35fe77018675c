// Every booking write leaves its audit row in the same transaction; a refused booking leaves none.
import { startTestContext, type TestContext } from '../support/context';
import { addLearner, addSession, auth, driverFor } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const book = (token: string, sessionId: number) => ctx.http.post('/api/exam/bookings').set(auth(token)).send({ sessionId });
const bookingAudits = () => ctx.db.auditLog.findMany({ where: { entityType: 'ExamBooking' }, orderBy: { id: 'asc' } });

it('a FIRST_COME booking leaves exactly one audit row naming the driver, the action and the booking', async () => {
  const d = await driverFor(ctx, await addLearner(ctx));
  const s = await addSession(ctx, { capacity: 2 });
  const res = await book(d.token, s.id);
  expect(res.status).toBe(201);
  const rows = await bookingAudits();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorType: 'DRIVER', actorId: d.id, action: 'exam.booking_created', entityId: String(res.body.id) });
  expect(rows[0].details).toMatchObject({ sessionId: s.id, status: 'CONFIRMED' });
  // The same request again answers the same booking and writes nothing more.
  expect((await book(d.token, s.id)).status).toBe(200);
  expect(await bookingAudits()).toHaveLength(1);
});

it('a RANKED application leaves its audit row too', async () => {
  const d = await driverFor(ctx, await addLearner(ctx));
  const s = await addSession(ctx, { allocation: 'RANKED' });
  const res = await book(d.token, s.id);
  expect(res.status).toBe(201);
  const rows = await bookingAudits();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorType: 'DRIVER', actorId: d.id, action: 'exam.booking_created', entityId: String(res.body.id) });
  expect(rows[0].details).toMatchObject({ status: 'PENDING' });
});

it('a booking refused for a full session, a closed window or a rule leaves no audit row', async () => {
  const first = await driverFor(ctx, await addLearner(ctx));
  const full = await addSession(ctx, { capacity: 1 });
  expect((await book(first.token, full.id)).status).toBe(201);
  await ctx.db.auditLog.deleteMany();

  const late = await driverFor(ctx, await addLearner(ctx));
  const refused = await book(late.token, full.id);
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('SESSION_FULL');
  // Refused again, this time from the session-full memo.
  expect((await book(late.token, full.id)).status).toBe(409);

  // A full session is refused from memory before the learner is looked up (docs/exams.md: the
  // refusal order); a rule refuses where seats are left.
  const notYetPassed = await driverFor(ctx, await addLearner(ctx, { passed: [] }));
  expect((await book(notYetPassed.token, full.id)).body.error.code).toBe('SESSION_FULL');
  const open = await addSession(ctx, { capacity: 5 });
  expect((await book(notYetPassed.token, open.id)).status).toBe(422);

  const closed = await addSession(ctx, { bookingOpensAt: new Date(Date.now() - 2000), bookingClosesAt: new Date(Date.now() + 1500) });
  const closedSessionFacts = await ctx.http.get(`/api/exam/sessions/${closed.id}`);
  expect(closedSessionFacts.status).toBe(200);
  await new Promise((r) => setTimeout(r, 1600));
  const tooLate = await book(late.token, closed.id);
  expect(tooLate.status).toBe(422);
  expect(tooLate.body.error.details.reason).toBe('BOOKING_CLOSED');

  expect(await ctx.db.auditLog.count()).toBe(0);
  expect(await ctx.db.examBooking.count()).toBe(1);
});
