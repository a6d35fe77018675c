// The rules through HTTP: 422 NOT_ELIGIBLE with details.reason and nothing written, and the
// learner's per-subject overview.
import { SUBJECT_LABELS } from '@jiaoguan/contracts/labels';
import { SUBJECT_LABELS as MINIPROGRAM_SUBJECT_LABELS } from '../../../miniprogram/src/pages/exam/format';
import { MESSAGE_CENTRE } from '../../src/modules/notifications/message-centre-text';
import { startTestContext, type TestContext } from '../support/context';
import { addLearner, addSession, auth, driverFor, daysFromNow } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const book = (token: string, sessionId: number) => ctx.http.post('/api/exam/bookings').set(auth(token)).send({ sessionId });

async function expectRefused(token: string, sessionId: number, reason: string) {
  const res = await book(token, sessionId);
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe('NOT_ELIGIBLE');
  expect(res.body.error.details.reason).toBe(reason);
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(await ctx.db.examBooking.count({ where: { sessionId } })).toBe(0);
  expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: sessionId } })).confirmedCount).toBe(0);
}

it('refuses 科目二 before 科目一 (SUBJECT_ORDER)', async () => {
  const d = await driverFor(ctx, await addLearner(ctx, { passed: [], permitIssuedAt: null }));
  await expectRefused(d.token, (await addSession(ctx, { subject: 2 })).id, 'SUBJECT_ORDER');
});

it('refuses within the waiting days after the permit (WAITING_PERIOD) with the date it ends', async () => {
  const d = await driverFor(ctx, await addLearner(ctx, { permitIssuedAt: daysFromNow(-3) }));
  const s = await addSession(ctx, { subject: 2 });
  const res = await book(d.token, s.id);
  expect(res.body.error.details).toMatchObject({ reason: 'WAITING_PERIOD' });
  expect(new Date(res.body.error.details.availableFrom).getTime()).toBeGreaterThan(Date.now());
  await expectRefused(d.token, s.id, 'WAITING_PERIOD');
});

it('refuses a booking window not yet open (BOOKING_NOT_OPEN) and a closed one (BOOKING_CLOSED)', async () => {
  const d = await driverFor(ctx, await addLearner(ctx));
  await expectRefused(d.token, (await addSession(ctx, { bookingOpensAt: daysFromNow(1) })).id, 'BOOKING_NOT_OPEN');
  await expectRefused(d.token, (await addSession(ctx, { bookingOpensAt: daysFromNow(-5), bookingClosesAt: daysFromNow(-1) })).id, 'BOOKING_CLOSED');
});

it('refuses another licence class (LICENCE_CLASS_MISMATCH) and an expired permit (PERMIT_EXPIRED)', async () => {
  const d = await driverFor(ctx, await addLearner(ctx));
  await expectRefused(d.token, (await addSession(ctx, { licenceClass: 'C2' })).id, 'LICENCE_CLASS_MISMATCH');
  const old = await driverFor(ctx, await addLearner(ctx, { permitIssuedAt: daysFromNow(-3 * 366) }));
  await expectRefused(old.token, (await addSession(ctx)).id, 'PERMIT_EXPIRED');
});

it('refuses after 5 sittings (ATTEMPTS_EXHAUSTED) and within 10 days of a fail (RETAKE_WAIT)', async () => {
  const learner = await addLearner(ctx);
  const d = await driverFor(ctx, learner);
  const past = await addSession(ctx, { startsAt: daysFromNow(-4), bookingOpensAt: daysFromNow(-20), bookingClosesAt: daysFromNow(-6) });
  await ctx.db.examBooking.create({ data: { sessionId: past.id, learnerId: learner.id, subject: 2, status: 'CONFIRMED', sortTime: new Date(), result: 'FAIL', resultAt: new Date() } });
  const s = await addSession(ctx);
  await expectRefused(d.token, s.id, 'RETAKE_WAIT');
  const older = await addSession(ctx, { startsAt: daysFromNow(-40), bookingOpensAt: daysFromNow(-60), bookingClosesAt: daysFromNow(-45) });
  await ctx.db.examBooking.deleteMany();
  await ctx.db.examBooking.createMany({
    data: Array.from({ length: 5 }, () => ({ sessionId: older.id, learnerId: learner.id, subject: 2, status: 'CONFIRMED' as const, sortTime: new Date(), result: 'FAIL' as const })),
  });
  await expectRefused(d.token, s.id, 'ATTEMPTS_EXHAUSTED');
});

it('refuses a subject already passed (ALREADY_PASSED)', async () => {
  const d = await driverFor(ctx, await addLearner(ctx, { passed: [1, 2] }));
  await expectRefused(d.token, (await addSession(ctx, { subject: 2 })).id, 'ALREADY_PASSED');
});

it('GET /api/exam/eligibility shows per subject whether the learner can book and why not', async () => {
  const learner = await addLearner(ctx, { permitIssuedAt: daysFromNow(-15) });
  const d = await driverFor(ctx, learner);
  const res = await ctx.http.get('/api/exam/eligibility').set(auth(d.token));
  expect(res.status).toBe(200);
  const bySubject = Object.fromEntries(res.body.subjects.map((s: { subject: number }) => [s.subject, s]));
  expect(bySubject[1].status).toBe('PASSED');
  expect(bySubject[2].status).toBe('BOOKABLE');
  expect(bySubject[3]).toMatchObject({ status: 'NOT_BOOKABLE', reason: 'WAITING_PERIOD' });
  expect(bySubject[3].availableFrom).toBeTruthy();
  expect(bySubject[4]).toMatchObject({ status: 'NOT_BOOKABLE', reason: 'SUBJECT_ORDER' });
  // One name per subject: the page shows the words the messages and the mini-program use.
  expect(bySubject[4].name).toBe(SUBJECT_LABELS[4]);
  expect(MESSAGE_CENTRE['exam.result']({ bookingId: 1, subject: 4, startsAt: new Date(), venue: '考场', result: 'PASS' }).body).toContain(bySubject[4].name);
  expect(MINIPROGRAM_SUBJECT_LABELS[4]).toBe(bySubject[4].name);
  const s = await addSession(ctx);
  await book(d.token, s.id);
  const after = await ctx.http.get('/api/exam/eligibility').set(auth(d.token));
  expect(after.body.subjects.find((x: { subject: number }) => x.subject === 2)).toMatchObject({ status: 'BOOKED', sessionId: s.id });
});
