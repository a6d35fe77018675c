// DELETE /api/me: what only served the account goes, the records the law keeps stay with the driver
// anonymised, every token answers 401, a new WeChat login is a new account, and twice is harmless.
import { DELETED_DRIVER_NICKNAME } from '@jiaoguan/contracts/labels';
import { deleteAccount } from '../../src/modules/privacy/use-cases/delete-account';
import { newToken } from '../../src/http/auth';
import { createStaff, loginDriver, loginStaff, type TestContext } from '../support/context';
import { DETAILS_A, ID_A, expectStatus, startAccidentContext, steps } from '../accidents/flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const remove = (token: string) => ctx.http.delete('/api/me').set(s.auth(token));

/** Driver A of a case under review, with everything an account gathers: identity, vehicle, grants, messages, a question, a booking. */
async function busyDriver() {
  const c = await s.pendingReview();
  const second = await loginDriver(ctx, c.a.name);
  expect(second.id).toBe(c.a.id);
  await ctx.db.driver.update({ where: { id: c.a.id }, data: { idNumber: ID_A, realName: '张伟', identityBoundAt: new Date() } });
  const vehicle = await ctx.db.vehicle.create({
    data: { plate: '鲁D12345', plateType: '02', vin: 'LSVAA4182E2123456', ownerIdNumber: ID_A, brand: '大众', model: '朗逸', registeredAt: new Date('2020-01-01'), status: 'A' },
  });
  await ctx.db.driverVehicle.create({ data: { driverId: c.a.id, vehicleId: vehicle.id } });
  expectStatus(await ctx.http.post('/api/me/subscriptions').set(s.auth(c.a.token)).send({ templates: { accident_progress: 'accept' } }), 200);
  expectStatus(await ctx.http.post('/api/consultations').set(s.auth(c.a.token)).send({ category: 'accident', content: '事故认定书什么时候能下载？' }), 201);
  const learner = await ctx.db.learner.create({ data: { idNumber: ID_A, name: '张伟', licenceClass: 'C1', appliedAt: new Date('2026-01-01') } });
  const venue = await ctx.db.venue.create({ data: { name: '滕州考场', address: '滕州市' } });
  const session = await ctx.db.examSession.create({
    data: { subject: 1, licenceClass: 'C1', venueId: venue.id, startsAt: new Date(Date.now() + 7 * 86_400_000), capacity: 10, bookingOpensAt: new Date(), bookingClosesAt: new Date(Date.now() + 86_400_000), allocation: 'FIRST_COME' },
  });
  const booking = await ctx.db.examBooking.create({ data: { sessionId: session.id, learnerId: learner.id, subject: 1, status: 'CONFIRMED', sortTime: new Date() } });
  return { ...c, tokens: [c.a.token, second.token], vehicle, booking };
}

/** Rows of every table that belongs to the account alone. */
async function accountRows(driverId: number) {
  const where = { driverId };
  return {
    sessions: await ctx.db.loginSession.count({ where }),
    vehicles: await ctx.db.driverVehicle.count({ where }),
    subscriptions: await ctx.db.subscriptionQuota.count({ where }),
    messages: await ctx.db.messageCentreEntry.count({ where }),
    outbox: await ctx.db.notificationOutbox.count({ where }),
    consultations: await ctx.db.consultation.count({ where }),
    replies: await ctx.db.consultationReply.count({ where: { authorType: 'DRIVER', authorId: driverId } }),
  };
}

describe('DELETE /api/me', () => {
  it('answers {deleted: true}; every token of the driver answers 401 afterwards', async () => {
    const d = await busyDriver();
    const res = await remove(d.tokens[0]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true });
    for (const token of d.tokens) {
      expect((await ctx.http.get('/api/me').set(s.auth(token))).status).toBe(401);
      expect((await ctx.http.get('/api/accidents').set(s.auth(token))).status).toBe(401);
    }
  });

  it('refuses a session a login still in flight opened on the deleted account', async () => {
    const d = await loginDriver(ctx);
    expect((await remove(d.token)).status).toBe(200);
    // What a login that read the driver before the deletion committed would write after it.
    const { token, tokenHash } = newToken();
    await ctx.db.loginSession.create({ data: { tokenHash, driverId: d.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    expect((await ctx.http.get('/api/me').set(s.auth(token))).status).toBe(401);
  });

  it('removes what served the account alone and anonymises the driver row', async () => {
    const d = await busyDriver();
    const before = await accountRows(d.a.id);
    expect(before).toMatchObject({ sessions: 2, vehicles: 1, subscriptions: 1, consultations: 1 });
    expect(before.messages).toBeGreaterThan(0);
    expectStatus(await remove(d.a.token), 200);
    expect(await accountRows(d.a.id)).toEqual({ sessions: 0, vehicles: 0, subscriptions: 0, messages: 0, outbox: 0, consultations: 0, replies: 0 });
    const row = await ctx.db.driver.findUniqueOrThrow({ where: { id: d.a.id } });
    expect(row).toMatchObject({ openid: null, unionid: null, nickname: DELETED_DRIVER_NICKNAME, idNumber: null, realName: null, identityBoundAt: null, followsOfficialAccount: false });
    expect(row.deletedAt).toBeInstanceOf(Date);
    // The vehicle record itself is the registry's, not the account's.
    expect(await ctx.db.vehicle.count({ where: { id: d.vehicle.id } })).toBe(1);
  });

  it('keeps the accident case with the party as recorded, the exam booking and the audit log', async () => {
    const d = await busyDriver();
    const auditBefore = await ctx.db.auditLog.count({ where: { actorType: 'DRIVER', actorId: d.a.id } });
    expectStatus(await remove(d.a.token), 200);
    const kept = await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: d.id }, include: { parties: { orderBy: { role: 'asc' } } } });
    expect(kept.status).toBe('PENDING_REVIEW');
    expect(kept.reporterId).toBe(d.a.id);
    expect(kept.parties[0]).toMatchObject({ role: 'A', driverId: d.a.id, driverName: DETAILS_A.driverName, licenceNumber: ID_A, phone: DETAILS_A.phone });
    expect(await ctx.db.evidenceFile.count({ where: { caseId: d.id, uploadedById: d.a.id } })).toBeGreaterThan(0);
    expect(await ctx.db.examBooking.count({ where: { id: d.booking.id } })).toBe(1);
    const audit = await ctx.db.auditLog.findMany({ where: { actorType: 'DRIVER', actorId: d.a.id }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({ action: 'driver.account_deleted', entityType: 'Driver', entityId: String(d.a.id) });
    expect(audit.at(-1)!.details).toMatchObject({ idNumber: `370402********${ID_A.slice(-4)}`, removed: { sessions: 2, vehicles: 1, subscriptions: 1, consultations: 1 } });
    expect(JSON.stringify(audit.at(-1)!.details)).not.toContain(ID_A);
  });

  it('the officer can still decide the case; only the other party is told', async () => {
    const d = await busyDriver();
    expectStatus(await remove(d.a.token), 200);
    await createStaff(ctx, { username: 'officer.after', role: 'OFFICER', unit: 'tengzhou' });
    const officer = await loginStaff(ctx, 'officer.after');
    const decided = await s.decide(officer, d.id, { decision: 'CONFIRM', note: '事实清楚' });
    expect(decided.status).toBe(200);
    expect(decided.body.parties[0]).toMatchObject({ role: 'A', driverName: DETAILS_A.driverName });
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: d.a.id } })).toBe(0);
    expect(await ctx.db.notificationOutbox.count({ where: { driverId: d.a.id } })).toBe(0);
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: d.b.id, event: 'accident.confirmed' } })).toBeGreaterThan(0);
  });

  it('a WeChat login of the same user afterwards makes a new driver with nothing of the old one', async () => {
    const d = await busyDriver();
    expectStatus(await remove(d.a.token), 200);
    const again = await loginDriver(ctx, d.a.name);
    expect(again.id).not.toBe(d.a.id);
    const me = await ctx.http.get('/api/me').set(s.auth(again.token));
    expect(me.body).toMatchObject({ id: again.id, role: 'driver', identity: { bound: false } });
    expect((await ctx.http.get('/api/accidents').set(s.auth(again.token))).body.total).toBe(0);
    expect((await ctx.http.get('/api/me/vehicles').set(s.auth(again.token))).body.items).toEqual([]);
    const fresh = await ctx.db.driver.findUniqueOrThrow({ where: { id: again.id } });
    expect(fresh.openid).toBeTruthy();
    expect(fresh.unionid).toBeTruthy();
  });

  it('deleting twice is harmless: the old token gets 401, the use case again changes nothing', async () => {
    const d = await busyDriver();
    expectStatus(await remove(d.a.token), 200);
    expect((await remove(d.tokens[1])).status).toBe(401);
    expect(await deleteAccount(ctx.deps, { driverId: d.a.id })).toEqual({ deleted: true });
    expect(await ctx.db.auditLog.count({ where: { action: 'driver.account_deleted' } })).toBe(1);
  });

  it('two deletions at once: both answer without error, one audit row', async () => {
    const d = await busyDriver();
    const statuses = (await Promise.all(d.tokens.map(remove))).map((r) => r.status);
    expect(statuses).toContain(200);
    for (const status of statuses) expect([200, 401]).toContain(status);
    expect(await ctx.db.auditLog.count({ where: { action: 'driver.account_deleted' } })).toBe(1);
    expect(await accountRows(d.a.id)).toMatchObject({ sessions: 0 });
  });

  it('leaves the other party of the case untouched', async () => {
    const d = await busyDriver();
    const before = await accountRows(d.b.id);
    expectStatus(await remove(d.a.token), 200);
    expect(await accountRows(d.b.id)).toEqual(before);
    expect((await ctx.http.get(`/api/accidents/${d.id}`).set(s.auth(d.b.token))).status).toBe(200);
  });

  it('is for drivers: staff get 403, nobody logged in 401', async () => {
    await createStaff(ctx, { username: 'admin.delete', role: 'ADMIN' });
    const admin = await loginStaff(ctx, 'admin.delete');
    expect((await remove(admin)).status).toBe(403);
    expect((await ctx.http.delete('/api/me')).status).toBe(401);
    expect(await ctx.db.staff.count({ where: { username: 'admin.delete' } })).toBe(1);
  });
});
