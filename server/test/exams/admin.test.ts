// Admin: learner upsert (201/200) and import, publishing sessions with the minimum notice,
// results with attempts, passes and no-shows, and their notifications.
import { startTestContext, createStaff, loginStaff, idNumberCheckChar, type TestContext } from '../support/context';
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

const ID = '37040219990101123' + idNumberCheckChar('37040219990101123');

describe('POST /api/admin/learners', () => {
  it('creates (201) then updates (200) by ID number, and masks the number', async () => {
    const body = { idNumber: ID, name: '刘洋', licenceClass: 'C1', permitIssuedAt: '2026-09-01T00:00:00+08:00', passedSubjects: [1] };
    const created = await ctx.http.post('/api/admin/learners').set(auth(admin)).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '刘洋', licenceClass: 'C1', passedSubjects: [1] });
    expect(JSON.stringify(created.body)).not.toContain(ID);
    const updated = await ctx.http.post('/api/admin/learners').set(auth(admin)).send({ ...body, passedSubjects: [1, 2] });
    expect(updated.status).toBe(200);
    expect(updated.body.passedSubjects).toEqual([1, 2]);
    expect(await ctx.db.learner.count()).toBe(1);
    const row = await ctx.db.learner.findUniqueOrThrow({ where: { idNumber: ID } });
    expect(row.subject1PassedAt?.toISOString()).toBe('2026-08-31T16:00:00.000Z');
  });

  it('keeps the applicant\'s phone (an identity proof) and answers it masked; a bad phone is 400', async () => {
    const body = { idNumber: ID, name: '刘洋', licenceClass: 'C1', phone: '13912345678', passedSubjects: [] };
    const created = await ctx.http.post('/api/admin/learners').set(auth(admin)).send(body);
    expect(created.status).toBe(201);
    expect(created.body.phone).toBe('139****5678');
    expect((await ctx.db.learner.findUniqueOrThrow({ where: { idNumber: ID } })).phone).toBe('13912345678');
    expect((await ctx.http.post('/api/admin/learners').set(auth(admin)).send({ ...body, phone: '2391234567' })).status).toBe(400);
    // Sent again without a phone, the one on file stays.
    await ctx.http.post('/api/admin/learners').set(auth(admin)).send({ ...body, phone: undefined }).expect(200);
    expect((await ctx.db.learner.findUniqueOrThrow({ where: { idNumber: ID } })).phone).toBe('13912345678');
  });

  it('answers 400 for a bad ID number or class, and 403 for a driver', async () => {
    const bad = await ctx.http.post('/api/admin/learners').set(auth(admin)).send({ idNumber: '123', name: '刘洋', licenceClass: 'Z9', permitIssuedAt: null, passedSubjects: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['idNumber', 'licenceClass']);
    const d = await driverFor(ctx, await addLearner(ctx));
    expect((await ctx.http.post('/api/admin/learners').set(auth(d.token)).send({})).status).toBe(403);
  });

  it('imports CSV, reporting rejected lines with their reasons', async () => {
    const second = '37040220000202234' + idNumberCheckChar('37040220000202234');
    const csv = ['idNumber,name,licenceClass,permitIssuedAt,passedSubjects', `${ID},刘洋,C1,2026-09-01,1`, `${second},陈静,C2,,`, '12345,坏数据,C1,,'].join('\n');
    const res = await ctx.http.post('/api/admin/import/learners').set(auth(admin)).send({ csv });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, updated: 0 });
    expect(res.body.rejected).toHaveLength(1);
    expect(res.body.rejected[0].line).toBe(3);
    const again = await ctx.http.post('/api/admin/import/learners').set(auth(admin)).send([{ idNumber: ID, name: '刘洋', licenceClass: 'C1', passedSubjects: [1, 2] }]);
    expect(again.body).toMatchObject({ created: 0, updated: 1, rejected: [] });
  });

  it.each([['/api/admin/import/learners'], ['/api/admin/import/exam-results']])(
    '%s answers malformed CSV with 400 and the line, writing nothing',
    async (path) => {
      const csv = ['idNumber,name,licenceClass', `${ID},"刘洋,C1`, `${ID},张三,C1`].join('\n');
      const before = await ctx.db.learner.count();
      const res = await ctx.http.post(path).set(auth(admin)).send({ csv });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toMatch(/CSV 第\d+行格式不正确/);
      expect(await ctx.db.learner.count()).toBe(before);
    },
  );
});

describe('POST /api/admin/exam-sessions', () => {
  const body = (startsInDays: number) => ({
    subject: 2,
    licenceClass: 'C1',
    venue: '滕州科目二考场',
    startsAt: daysFromNow(startsInDays).toISOString(),
    capacity: 30,
    bookingOpensAt: daysFromNow(0).toISOString(),
    bookingClosesAt: daysFromNow(startsInDays - 3).toISOString(),
    allocation: 'FIRST_COME',
  });

  it('publishes a session (201) that learners then see with its seats', async () => {
    const res = await ctx.http.post('/api/admin/exam-sessions').set(auth(admin)).send(body(14));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subject: 2, capacity: 30, remaining: 30, allocation: 'FIRST_COME', venue: { name: '滕州科目二考场' } });
    const list = await ctx.http.get('/api/exam/sessions').query({ subject: 2 });
    expect(list.body.items.map((s: { id: number }) => s.id)).toContain(res.body.id);
    const admins = await ctx.http.get('/api/admin/exam-sessions').set(auth(admin));
    expect(admins.body.items[0]).toMatchObject({ id: res.body.id, fillRate: 0 });
  });

  it('refuses a session published less than 10 days ahead (422 NOTICE_TOO_SHORT) and a window after the exam (400)', async () => {
    const short = await ctx.http.post('/api/admin/exam-sessions').set(auth(admin)).send(body(5));
    expect(short.status).toBe(422);
    expect(short.body.error.details.reason).toBe('NOTICE_TOO_SHORT');
    const window = await ctx.http.post('/api/admin/exam-sessions').set(auth(admin)).send({ ...body(14), bookingClosesAt: daysFromNow(20).toISOString() });
    expect(window.status).toBe(400);
    expect(await ctx.db.examSession.count()).toBe(0);
  });
});

describe('results', () => {
  async function sat(subject: number, learnerSpec = {}) {
    const learner = await addLearner(ctx, learnerSpec);
    const d = await driverFor(ctx, learner);
    const s = await addSession(ctx, { subject, startsAt: daysFromNow(-0.1), bookingOpensAt: daysFromNow(-20), bookingClosesAt: daysFromNow(-3) });
    const b = await ctx.db.examBooking.create({
      data: { sessionId: s.id, learnerId: learner.id, subject, status: 'CONFIRMED', sortTime: new Date(), activeKey: `${learner.id}:${subject}`, decidedAt: new Date() },
    });
    return { learner, driver: d, session: s, booking: b };
  }
  const record = (id: number, result: string) => ctx.http.post(`/api/admin/exam-bookings/${id}/result`).set(auth(admin)).send({ result });

  it('a pass writes the subject to the learner, frees the subject and tells the learner', async () => {
    const { learner, driver, booking, session } = await sat(2);
    const res = await record(booking.id, 'PASS');
    expect(res.status).toBe(200);
    const after = await ctx.db.learner.findUniqueOrThrow({ where: { id: learner.id } });
    expect(after.subject2PassedAt).toEqual(session.startsAt);
    expect((await ctx.db.examBooking.findUniqueOrThrow({ where: { id: booking.id } })).activeKey).toBeNull();
    expect(await ctx.db.notificationOutbox.count({ where: { driverId: driver.id, event: 'exam.result' } })).toBe(1);
    const mine = await ctx.http.get('/api/exam/bookings').set(auth(driver.token));
    expect(mine.body.items[0]).toMatchObject({ result: 'PASS' });
  });

  it('a no-show counts as a failed attempt: the 10-day wait applies', async () => {
    const { driver, booking } = await sat(2);
    expect((await record(booking.id, 'NO_SHOW')).status).toBe(200);
    const next = await addSession(ctx, { subject: 2, startsAt: daysFromNow(15) });
    const res = await ctx.http.post('/api/exam/bookings').set(auth(driver.token)).send({ sessionId: next.id });
    expect(res.status).toBe(422);
    expect(res.body.error.details.reason).toBe('RETAKE_WAIT');
  });

  it('a fifth failed 科目二 voids the subjects passed under the permit', async () => {
    const { learner, booking, session } = await sat(2);
    await ctx.db.examBooking.createMany({
      data: Array.from({ length: 4 }, () => ({ sessionId: session.id, learnerId: learner.id, subject: 2, status: 'CONFIRMED' as const, sortTime: new Date(), result: 'FAIL' as const })),
    });
    const res = await record(booking.id, 'FAIL');
    expect(res.body.subjectsVoided).toBe(true);
    expect((await ctx.db.learner.findUniqueOrThrow({ where: { id: learner.id } })).subject1PassedAt).toBeNull();
  });

  it('records once (409 the second time) and not before the exam', async () => {
    const { booking } = await sat(1, { passed: [], permitIssuedAt: null });
    expect((await record(booking.id, 'FAIL')).status).toBe(200);
    expect((await record(booking.id, 'PASS')).status).toBe(409);
    const future = await addSession(ctx, { subject: 2 });
    const l = await addLearner(ctx);
    const b = await ctx.db.examBooking.create({ data: { sessionId: future.id, learnerId: l.id, subject: 2, status: 'CONFIRMED', sortTime: new Date() } });
    expect((await record(b.id, 'PASS')).status).toBe(409);
  });

  it('imports results, rejecting bad rows by line', async () => {
    const a = await sat(1, { passed: [], permitIssuedAt: null });
    const res = await ctx.http
      .post('/api/admin/import/exam-results')
      .set(auth(admin))
      .send({ csv: `bookingId,result\n${a.booking.id},PASS\n999999,PASS\n${a.booking.id},MAYBE` });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(1);
    expect(res.body.rejected.map((r: { line: number }) => r.line)).toEqual([2, 3]);
    const after = await ctx.db.learner.findUniqueOrThrow({ where: { id: a.learner.id } });
    expect(after.subject1PassedAt).not.toBeNull();
    expect(after.permitIssuedAt).not.toBeNull();
  });
});
