// The rush, for real against MariaDB: thousands of concurrent bookings through the service, one
// learner hammering, and cancelling racing rebooking. Seats never exceed capacity.
import { startTestContext, type TestContext } from '../support/context';
import { bookSeatFor } from '../../src/modules/exams/use-cases/book-seat';
import { cancelBookingFor } from '../../src/modules/exams/use-cases/cancel-booking';
import { loadLearnerByIdNumber } from '../../src/modules/exams/use-cases/learner-sql';
import { sessionFacts } from '../../src/modules/exams/sessions';
import { addSession, daysFromNow, newIdNumber } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext({ DATABASE_POOL_SIZE: '30' });
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

/** Learners with a driver each, created in bulk. */
async function learnersWithDrivers(n: number) {
  const ids = Array.from({ length: n }, () => newIdNumber());
  await ctx.db.learner.createMany({
    data: ids.map((idNumber) => ({
      idNumber,
      name: '测试学员',
      licenceClass: 'C1',
      appliedAt: daysFromNow(-120),
      permitIssuedAt: daysFromNow(-100),
      subject1PassedAt: daysFromNow(-100),
    })),
  });
  await ctx.db.driver.createMany({ data: ids.map((idNumber, i) => ({ openid: `rush-${i}-${idNumber}`, idNumber })) });
  const drivers = new Map((await ctx.db.driver.findMany({ select: { id: true, idNumber: true } })).map((d) => [d.idNumber, d.id]));
  return Promise.all(
    ids.map(async (idNumber) => ({
      recipient: { driverId: drivers.get(idNumber)!, officialAccount: false },
      learner: (await loadLearnerByIdNumber(ctx.db, idNumber))!,
    })),
  );
}

const outcomeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: { code?: string }) => err.code ?? String(err),
  );

it('2,000 concurrent bookings by distinct learners for 100 seats confirm exactly 100', async () => {
  const s = await addSession(ctx, { capacity: 100 });
  const session = (await sessionFacts(ctx.deps, s.id))!;
  const people = await learnersWithDrivers(2000);
  const outcomes = await Promise.all(people.map((p) => outcomeOf(bookSeatFor(ctx.deps, { recipient: p.recipient, learner: p.learner, session }))));
  expect([...new Set(outcomes)].sort()).toEqual(['SESSION_FULL', 'ok']);
  expect(outcomes.filter((o) => o === 'ok')).toHaveLength(100);
  expect(outcomes.filter((o) => o === 'SESSION_FULL')).toHaveLength(1900);
  expect(await ctx.db.examBooking.count({ where: { sessionId: s.id, status: 'CONFIRMED' } })).toBe(100);
  expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(100);
  expect(await ctx.db.notificationOutbox.count({ where: { event: 'exam.booking_confirmed' } })).toBe(100);
  // A transaction whose seat statement took nothing left nothing behind: no booking, audit row or notice.
  expect(await ctx.db.examBooking.count()).toBe(100);
  expect(await ctx.db.auditLog.count({ where: { action: 'exam.booking_created' } })).toBe(100);
  expect(await ctx.db.messageCentreEntry.count({ where: { event: 'exam.booking_confirmed' } })).toBe(100);
}, 120_000);

it('one learner sending 200 bookings at once gets one booking', async () => {
  const s = await addSession(ctx, { capacity: 50 });
  const session = (await sessionFacts(ctx.deps, s.id))!;
  const [p] = await learnersWithDrivers(1);
  const results = await Promise.all(Array.from({ length: 200 }, () => bookSeatFor(ctx.deps, { recipient: p.recipient, learner: p.learner, session })));
  expect(new Set(results.map((r) => r.booking.id)).size).toBe(1);
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(await ctx.db.examBooking.count()).toBe(1);
  expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(1);
}, 60_000);

it('cancelling and rebooking racing for a seat never overbook and keep the count true', async () => {
  const s = await addSession(ctx, { capacity: 2 });
  const session = (await sessionFacts(ctx.deps, s.id))!;
  const people = await learnersWithDrivers(8);
  for (let round = 0; round < 5; round++) {
    const holders = await ctx.db.examBooking.findMany({ where: { sessionId: s.id, status: 'CONFIRMED' } });
    const holderIds = new Set(holders.map((h) => h.learnerId));
    const cancels = holders.map((h) => {
      const p = people.find((x) => x.learner.id === h.learnerId)!;
      // The same holder cancels twice at once and also books again at once.
      return [
        outcomeOf(cancelBookingFor(ctx.deps, { driverId: p.recipient.driverId, learnerId: p.learner.id, bookingId: h.id })),
        outcomeOf(cancelBookingFor(ctx.deps, { driverId: p.recipient.driverId, learnerId: p.learner.id, bookingId: h.id })),
        outcomeOf(bookSeatFor(ctx.deps, { recipient: p.recipient, learner: p.learner, session })),
      ];
    });
    const bookings = people
      .filter((p) => !holderIds.has(p.learner.id))
      .map(async (p) => outcomeOf(bookSeatFor(ctx.deps, { recipient: p.recipient, learner: (await loadLearnerByIdNumber(ctx.db, (await ctx.db.learner.findUniqueOrThrow({ where: { id: p.learner.id } })).idNumber))!, session })));
    const outcomes = await Promise.all([...cancels.flat(), ...bookings]);
    expect(outcomes.filter((o) => !['ok', 'SESSION_FULL', 'ALREADY_BOOKED'].includes(o))).toEqual([]);
    const confirmed = await ctx.db.examBooking.count({ where: { sessionId: s.id, status: 'CONFIRMED' } });
    expect(confirmed).toBeLessThanOrEqual(2);
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(confirmed);
    const active = await ctx.db.examBooking.groupBy({ by: ['learnerId'], where: { status: { in: ['PENDING', 'CONFIRMED'] } }, _count: true });
    expect(active.every((a) => a._count === 1)).toBe(true);
  }
  expect(await ctx.db.examBooking.count({ where: { status: 'CANCELLED' } })).toBeGreaterThan(0);
}, 60_000);
