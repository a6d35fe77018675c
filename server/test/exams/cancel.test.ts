// Cancelling: working-day arithmetic over the holiday calendar, the deadline for confirmed seats,
// the freed FIRST_COME seat going back.
import { startTestContext, type TestContext } from '../support/context';
import { isWorkday, previousWorkday } from '@jiaoguan/contracts/time';
import { cancellationDeadline } from '../../src/modules/exams/calendar';
import { addLearner, addSession, auth, driverFor, daysFromNow } from './helpers';

describe('working days', () => {
  const none = new Map<string, boolean>();
  // The 2026 National Day holiday: 1–7 October off, Sunday 27 September and Saturday 10 October worked.
  const holidays = new Map<string, boolean>([
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, false] as [string, boolean]),
    ['2026-09-27', true],
    ['2026-10-10', true],
  ]);

  it('are Monday to Friday without a calendar', () => {
    expect(isWorkday('2026-11-27', none)).toBe(true);
    expect(isWorkday('2026-11-28', none)).toBe(false);
    expect(previousWorkday('2026-11-30', none)).toBe('2026-11-27');
  });

  it('skip a holiday and count a worked weekend day', () => {
    expect(previousWorkday('2026-10-08', holidays)).toBe('2026-09-30');
    expect(previousWorkday('2026-10-12', holidays)).toBe('2026-10-10');
    expect(previousWorkday('2026-09-28', holidays)).toBe('2026-09-27');
  });

  it('close cancelling when the last working day before the exam day begins (Asia/Shanghai)', () => {
    const exam = new Date('2026-10-08T01:00:00Z'); // 8 October, 09:00 in Shanghai
    expect(cancellationDeadline(exam, holidays).toISOString()).toBe('2026-09-29T16:00:00.000Z'); // 30 Sep 00:00 +08:00
    expect(cancellationDeadline(exam, none).toISOString()).toBe('2026-10-06T16:00:00.000Z');
  });
});

describe('DELETE /api/exam/bookings/:id', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestContext();
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.reset());

  it('cancels a confirmed FIRST_COME booking, gives the seat back and lets the learner book again', async () => {
    const learner = await addLearner(ctx);
    const d = await driverFor(ctx, learner);
    const s = await addSession(ctx, { capacity: 1 });
    const booked = await ctx.http.post('/api/exam/bookings').set(auth(d.token)).send({ sessionId: s.id });
    const res = await ctx.http.delete(`/api/exam/bookings/${booked.body.id}`).set(auth(d.token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: booked.body.id, status: 'CANCELLED' });
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(0);
    expect(await ctx.db.notificationOutbox.findFirst({ where: { dedupeKey: `exam.reminder:${booked.body.id}` } })).toMatchObject({ status: 'SKIPPED' });
    // Nor will the reminder turn up in the message centre on the eve of an exam no longer booked.
    expect(await ctx.db.messageCentreEntry.count({ where: { dedupeKey: `exam.reminder:${booked.body.id}` } })).toBe(0);
    expect(await ctx.db.messageCentreEntry.count({ where: { dedupeKey: `exam.booking_confirmed:${booked.body.id}` } })).toBe(1);
    const twice = await ctx.http.delete(`/api/exam/bookings/${booked.body.id}`).set(auth(d.token));
    expect(twice.status).toBe(200);
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(0);
    const again = await ctx.http.post('/api/exam/bookings').set(auth(d.token)).send({ sessionId: s.id });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(booked.body.id);
  });

  it('answers 422 CANCELLATION_CLOSED less than a working day before the exam, and changes nothing', async () => {
    const learner = await addLearner(ctx);
    const d = await driverFor(ctx, learner);
    const s = await addSession(ctx, { startsAt: daysFromNow(0.5), bookingClosesAt: daysFromNow(0.2) });
    const booking = await ctx.db.examBooking.create({
      data: { sessionId: s.id, learnerId: learner.id, subject: 2, status: 'CONFIRMED', sortTime: new Date(), activeKey: `${learner.id}:2`, decidedAt: new Date() },
    });
    await ctx.db.examSession.update({ where: { id: s.id }, data: { confirmedCount: 1 } });
    const res = await ctx.http.delete(`/api/exam/bookings/${booking.id}`).set(auth(d.token));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'CANCELLATION_CLOSED', details: { reason: 'TOO_CLOSE_TO_EXAM' } });
    expect((await ctx.db.examBooking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe('CONFIRMED');
    expect((await ctx.db.examSession.findUniqueOrThrow({ where: { id: s.id } })).confirmedCount).toBe(1);
  });

  it('uses the calendar an admin sets: the same exam is cancellable with worked days before it, not with holidays', async () => {
    const { createStaff, loginStaff } = await import('../support/context');
    await createStaff(ctx, { username: 'cal.admin', role: 'ADMIN' });
    const admin = await loginStaff(ctx, 'cal.admin');
    const s = await addSession(ctx, { capacity: 5, startsAt: daysFromNow(3), bookingClosesAt: daysFromNow(1) });
    const day = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
    const setDays = (isWorkday: boolean) =>
      ctx.http
        .put('/api/admin/calendar-days')
        .set(auth(admin))
        .send({ days: [1, 2].map((n) => ({ date: day(n), isWorkday, name: isWorkday ? '调休上班' : '测试假日' })) });
    const confirmedBooking = async () => {
      const learner = await addLearner(ctx);
      const d = await driverFor(ctx, learner);
      const b = await ctx.db.examBooking.create({
        data: { sessionId: s.id, learnerId: learner.id, subject: 2, status: 'CONFIRMED', sortTime: new Date(), activeKey: `${learner.id}:2`, decidedAt: new Date() },
      });
      return { id: b.id, token: d.token };
    };
    expect((await setDays(true)).status).toBe(200);
    const open = await confirmedBooking();
    expect((await ctx.http.delete(`/api/exam/bookings/${open.id}`).set(auth(open.token))).status).toBe(200);
    expect((await setDays(false)).status).toBe(200);
    const closed = await confirmedBooking();
    const res = await ctx.http.delete(`/api/exam/bookings/${closed.id}`).set(auth(closed.token));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CANCELLATION_CLOSED');
  });

  it('answers 404 for another learner’s booking', async () => {
    const s = await addSession(ctx);
    const owner = await driverFor(ctx, await addLearner(ctx));
    const other = await driverFor(ctx, await addLearner(ctx));
    const booked = await ctx.http.post('/api/exam/bookings').set(auth(owner.token)).send({ sessionId: s.id });
    const res = await ctx.http.delete(`/api/exam/bookings/${booked.body.id}`).set(auth(other.token));
    expect(res.status).toBe(404);
    expect((await ctx.db.examBooking.findUniqueOrThrow({ where: { id: booked.body.id } })).status).toBe('CONFIRMED');
  });
});
