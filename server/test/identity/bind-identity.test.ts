// POST /api/me/identity: check character, a proof the records hold (the phone WeChat vouches for,
// or the licence's file number), one answer for every mismatch, failures limited atomically per
// driver and per ID number, one WeChat account per ID number; unbinding by the driver and by an admin.
import { createStaff, idNumberCheckChar, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const ID = '37040219850312101' + idNumberCheckChar('37040219850312101');
const PHONE = '13800138000';
const FILE_NUMBER = '370400123456';
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const bind = (token: string, body: object) => ctx.http.post('/api/me/identity').set(auth(token)).send(body);
/** A getPhoneNumber code for this phone; each works once, like WeChat's. */
let codeCounter = 0;
const phoneCode = (phone: string) => `fake-phone:${phone}:${++codeCounter}`;

async function addLicence(idNumber = ID, name = '张伟', extra: { phone?: string; fileNumber?: string } = { phone: PHONE, fileNumber: FILE_NUMBER }) {
  await ctx.db.licence.create({
    data: { idNumber, name, licenceClass: 'C1', firstIssuedAt: new Date('2010-01-01'), validUntil: new Date('2030-01-01'), status: 'A', ...extra },
  });
}

const boundTo = async (driverId: number) => (await ctx.db.driver.findUniqueOrThrow({ where: { id: driverId } })).idNumber;

describe('POST /api/me/identity', () => {
  it('binds with the licence file number, masks the number afterwards, and audits the proof', async () => {
    await addLicence();
    const d = await loginDriver(ctx);
    const res = await bind(d.token, { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER });
    expect(res.status).toBe(200);
    expect(res.body.identity).toMatchObject({ bound: true, name: '张伟', idNumber: `${ID.slice(0, 6)}********${ID.slice(-4)}` });
    expect(JSON.stringify(res.body)).not.toContain(ID);
    const me = await ctx.http.get('/api/me').set(auth(d.token));
    expect(me.body.identity.bound).toBe(true);
    const row = await ctx.db.auditLog.findFirstOrThrow({ where: { action: 'driver.identity_bound' } });
    expect(row.details).toMatchObject({ proof: 'fileNumber' });
  });

  it('binds with the phone WeChat vouches for when it is the one on the licence or the learner record', async () => {
    await addLicence(ID, '张伟', { phone: PHONE });
    const d = await loginDriver(ctx);
    expect((await bind(d.token, { idNumber: ID, name: '张伟', phoneCode: phoneCode(PHONE) })).status).toBe(200);

    const learnerId = '11010519491231002X';
    await ctx.db.learner.create({ data: { idNumber: learnerId, name: '王芳', licenceClass: 'C1', appliedAt: new Date(), phone: '13900139000' } });
    const l = await loginDriver(ctx);
    expect((await bind(l.token, { idNumber: learnerId, name: '王芳', phoneCode: phoneCode('13900139000') })).status).toBe(200);
    expect(await boundTo(l.id)).toBe(learnerId);
  });

  it('asks for a proof (400) when neither a phone code nor a file number is given', async () => {
    await addLicence();
    const d = await loginDriver(ctx);
    const res = await bind(d.token, { idNumber: ID, name: '张伟' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await boundTo(d.id)).toBeNull();
  });

  it('answers 400 for a wrong check character and for a file number that is not 12 digits', async () => {
    const d = await loginDriver(ctx);
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    const res = await bind(d.token, { idNumber: wrong, name: '张伟', fileNumber: FILE_NUMBER });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'idNumber' });
    expect((await bind(d.token, { idNumber: ID, name: '张伟', fileNumber: '12345' })).status).toBe(400);
    expect(await boundTo(d.id)).toBeNull();
  });

  it('gives one and the same 422 for a wrong name, a wrong proof, a phone not on record and a number with no records', async () => {
    await addLicence();
    const d = await loginDriver(ctx);
    const answers = [
      await bind(d.token, { idNumber: ID, name: '李四', fileNumber: FILE_NUMBER }),
      await bind(d.token, { idNumber: ID, name: '张伟', fileNumber: '999999999999' }),
      await bind(d.token, { idNumber: ID, name: '张伟', phoneCode: phoneCode('13700137000') }),
      await bind(d.token, { idNumber: '11010519491231002X', name: '王芳', fileNumber: FILE_NUMBER }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(422);
      expect(res.body.error).toEqual(answers[0]!.body.error);
      expect(res.body.error.code).toBe('IDENTITY_NOT_VERIFIED');
    }
    expect(await boundTo(d.id)).toBeNull();
  });

  it('does not accept a phone code twice (WeChat codes work once)', async () => {
    await addLicence();
    const code = phoneCode(PHONE);
    const a = await loginDriver(ctx);
    expect((await bind(a.token, { idNumber: ID, name: '张伟', phoneCode: code })).status).toBe(200);
    await ctx.http.delete('/api/me/identity').set(auth(a.token)).expect(200);
    const b = await loginDriver(ctx);
    expect((await bind(b.token, { idNumber: ID, name: '张伟', phoneCode: code })).status).toBe(422);
  });

  it('limits failures per driver: the sixth try in 24 hours is 429, even with the right proof', async () => {
    await addLicence();
    const d = await loginDriver(ctx);
    for (let i = 0; i < 5; i++) expect((await bind(d.token, { idNumber: ID, name: '张伟', fileNumber: `00000000000${i}` })).status).toBe(422);
    const res = await bind(d.token, { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(res.body.error.details.retryAfterSeconds).toBeGreaterThan(23 * 3600);
    expect(await boundTo(d.id)).toBeNull();
  });

  it('limits failures per ID number across drivers, counted atomically in a parallel burst', async () => {
    await addLicence();
    const guessers = await Promise.all(Array.from({ length: 12 }, () => loginDriver(ctx)));
    const answers = await Promise.all(
      guessers.flatMap((g, i) => [0, 1].map((j) => bind(g.token, { idNumber: ID, name: '张伟', fileNumber: String(100000000000 + i * 2 + j) }))),
    );
    expect(answers.filter((r) => r.status === 422)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(19);
    // The real holder is locked out only for that number's window; another number is not affected.
    const owner = await loginDriver(ctx);
    expect((await bind(owner.token, { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER })).status).toBe(429);
    expect(await ctx.db.driver.count({ where: { idNumber: ID } })).toBe(0);
  });

  it('does not count a success against the driver', async () => {
    await addLicence();
    const d = await loginDriver(ctx);
    for (let i = 0; i < 4; i++) await bind(d.token, { idNumber: ID, name: '张伟', fileNumber: `00000000000${i}` });
    expect((await bind(d.token, { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER })).status).toBe(200);
    await ctx.http.delete('/api/me/identity').set(auth(d.token)).expect(200);
    // Four failures and one success: one more failure is still allowed.
    expect((await bind(d.token, { idNumber: ID, name: '张伟', fileNumber: '000000000009' })).status).toBe(422);
  });

  it('answers 409 IDENTITY_TAKEN to a second account that proves the same identity', async () => {
    await addLicence();
    const first = await loginDriver(ctx);
    const second = await loginDriver(ctx);
    expect((await bind(first.token, { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER })).status).toBe(200);
    const res = await bind(second.token, { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('IDENTITY_TAKEN');
  });

  it('gives the number to exactly one of two accounts binding at once', async () => {
    await addLicence();
    const a = await loginDriver(ctx);
    const b = await loginDriver(ctx);
    const body = { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER };
    const results = await Promise.all([bind(a.token, body), bind(b.token, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await ctx.db.driver.count({ where: { idNumber: ID } })).toBe(1);
  });

  it('is idempotent for the same number and refuses a different one once bound', async () => {
    await addLicence();
    const d = await loginDriver(ctx);
    const body = { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER };
    expect((await bind(d.token, body)).status).toBe(200);
    expect((await bind(d.token, body)).status).toBe(200);
    const res = await bind(d.token, { idNumber: '11010519491231002X', name: '王芳', fileNumber: FILE_NUMBER });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('IDENTITY_ALREADY_BOUND');
  });
});

describe('DELETE /api/me/identity', () => {
  it('releases the binding and the vehicles bound through it, audited, so the number can be bound again', async () => {
    await addLicence();
    const d = await loginDriver(ctx);
    await bind(d.token, { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER }).expect(200);
    const vehicle = await ctx.db.vehicle.create({
      data: { plate: '鲁D12345', plateType: '02', vin: 'LSVAU2180N2183294', ownerIdNumber: ID, brand: '大众', model: '朗逸', registeredAt: new Date('2020-01-01'), status: 'A' },
    });
    await ctx.db.driverVehicle.create({ data: { driverId: d.id, vehicleId: vehicle.id } });
    const res = await ctx.http.delete('/api/me/identity').set(auth(d.token));
    expect(res.status).toBe(200);
    expect(res.body.identity).toEqual({ bound: false });
    expect(await boundTo(d.id)).toBeNull();
    expect(await ctx.db.driverVehicle.count({ where: { driverId: d.id } })).toBe(0);
    expect(await ctx.db.auditLog.count({ where: { action: 'driver.identity_unbound' } })).toBe(1);
    const other = await loginDriver(ctx);
    expect((await bind(other.token, { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER })).status).toBe(200);
  });

  it('is harmless when nothing is bound', async () => {
    const d = await loginDriver(ctx);
    const res = await ctx.http.delete('/api/me/identity').set(auth(d.token));
    expect(res.status).toBe(200);
    expect(await ctx.db.auditLog.count({ where: { action: 'driver.identity_unbound' } })).toBe(0);
  });
});

describe('DELETE /api/admin/identities/:idNumber', () => {
  it('releases whoever holds the number, with the reason audited, and tells them in the message centre', async () => {
    await addLicence();
    const holder = await loginDriver(ctx);
    await bind(holder.token, { idNumber: ID, name: '张伟', fileNumber: FILE_NUMBER }).expect(200);
    await createStaff(ctx, { username: 'admin.u', role: 'ADMIN' });
    const admin = await loginStaff(ctx, 'admin.u');
    const res = await ctx.http.delete(`/api/admin/identities/${ID}`).set(auth(admin)).send({ reason: '本人持身份证到窗口申请解绑' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ driverId: holder.id, idNumber: `${ID.slice(0, 6)}********${ID.slice(-4)}` });
    expect(await boundTo(holder.id)).toBeNull();
    const row = await ctx.db.auditLog.findFirstOrThrow({ where: { action: 'driver.identity_unbound' } });
    expect(row).toMatchObject({ actorType: 'STAFF', details: expect.objectContaining({ reason: '本人持身份证到窗口申请解绑', by: 'admin' }) });
    const told = await ctx.http.get('/api/me/notifications').set(auth(holder.token));
    expect(JSON.stringify(told.body)).toContain('本人持身份证到窗口申请解绑');
  });

  it('needs a reason (400), an admin (403 for an officer), and a holder (404)', async () => {
    await createStaff(ctx, { username: 'admin.v', role: 'ADMIN' });
    await createStaff(ctx, { username: 'officer.v', role: 'OFFICER', unit: 'tengzhou' });
    const admin = await loginStaff(ctx, 'admin.v');
    const officer = await loginStaff(ctx, 'officer.v');
    expect((await ctx.http.delete(`/api/admin/identities/${ID}`).set(auth(admin)).send({})).status).toBe(400);
    expect((await ctx.http.delete(`/api/admin/identities/${ID}`).set(auth(officer)).send({ reason: '测试原因' })).status).toBe(403);
    expect((await ctx.http.delete(`/api/admin/identities/${ID}`).set(auth(admin)).send({ reason: '测试原因' })).status).toBe(404);
    expect((await ctx.http.delete('/api/admin/identities/not-a-number').set(auth(admin)).send({ reason: '测试原因' })).status).toBe(400);
  });
});
