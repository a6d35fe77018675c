// Staff login: argon2id hashes, throttling per username and per address, revocable sessions, roles.
import { createStaff, loginDriver, loginStaff, startTestContext, TEST_PASSWORD, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext({ LOGIN_MAX_FAILURES_PER_USER: '3', LOGIN_MAX_FAILURES_PER_IP: '6' });
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

describe('POST /api/auth/staff', () => {
  it('logs an officer in with role and unit, and stores only an argon2id hash', async () => {
    await createStaff(ctx, { username: 'officer.a', role: 'OFFICER', unit: 'tengzhou' });
    const res = await ctx.http.post('/api/auth/staff').send({ username: 'officer.a', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: 'officer', unit: { code: 'tengzhou', name: '滕州' } });
    const row = await ctx.db.staff.findUniqueOrThrow({ where: { username: 'officer.a' } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const session = await ctx.db.loginSession.findFirstOrThrow({ where: { staffId: row.id } });
    expect(session.tokenHash).not.toContain(res.body.token);
  });

  it('answers 401 for a wrong password and for an unknown user, alike', async () => {
    await createStaff(ctx, { username: 'agent.a', role: 'AGENT' });
    const wrong = await ctx.http.post('/api/auth/staff').send({ username: 'agent.a', password: 'nope' });
    const unknown = await ctx.http.post('/api/auth/staff').send({ username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('throttles repeated failures for a username with 429, even with the right password then', async () => {
    await createStaff(ctx, { username: 'admin.a', role: 'ADMIN' });
    for (let i = 0; i < 3; i++) {
      expect((await ctx.http.post('/api/auth/staff').send({ username: 'admin.a', password: `guess${i}` })).status).toBe(401);
    }
    const locked = await ctx.http.post('/api/auth/staff').send({ username: 'admin.a', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('counts a parallel burst atomically, before any password is checked', async () => {
    await createStaff(ctx, { username: 'admin.burst', role: 'ADMIN' });
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.http.post('/api/auth/staff').set('X-Forwarded-For', `198.51.100.${i}`).send({ username: 'admin.burst', password: `guess${i}` }),
      ),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
    // Only the three counted attempts reached the password check (each failure is audited there).
    expect(await ctx.db.auditLog.count({ where: { action: 'staff.login_failed' } })).toBe(3);
  });

  it('throttles one address trying many usernames', async () => {
    for (let i = 0; i < 6; i++) {
      await ctx.http.post('/api/auth/staff').send({ username: `user${i}`, password: 'x' });
    }
    const res = await ctx.http.post('/api/auth/staff').send({ username: 'someone-else', password: 'x' });
    expect(res.status).toBe(429);
  });

  it('a success clears the username counter', async () => {
    await createStaff(ctx, { username: 'officer.b', role: 'OFFICER', unit: 'shizhong' });
    for (let i = 0; i < 2; i++) await ctx.http.post('/api/auth/staff').send({ username: 'officer.b', password: 'bad' });
    await loginStaff(ctx, 'officer.b');
    for (let i = 0; i < 2; i++) await ctx.http.post('/api/auth/staff').send({ username: 'officer.b', password: 'bad' });
    expect((await ctx.http.post('/api/auth/staff').send({ username: 'officer.b', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('logout revokes the staff token', async () => {
    await createStaff(ctx, { username: 'agent.b', role: 'AGENT' });
    const token = await loginStaff(ctx, 'agent.b');
    await ctx.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(200);
    expect((await ctx.http.get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });
});

describe('role guard', () => {
  it('answers 403 to a driver on an admin endpoint and to an officer on it too', async () => {
    const driver = await loginDriver(ctx);
    const asDriver = await ctx.http.get('/api/admin/staff').set('Authorization', `Bearer ${driver.token}`);
    expect(asDriver.status).toBe(403);
    expect(asDriver.body.error.code).toBe('FORBIDDEN');
    await createStaff(ctx, { username: 'officer.c', role: 'OFFICER', unit: 'tengzhou' });
    const officer = await loginStaff(ctx, 'officer.c');
    expect((await ctx.http.get('/api/admin/staff').set('Authorization', `Bearer ${officer}`)).status).toBe(403);
  });

  it('lets an admin list staff, with no password hashes', async () => {
    await createStaff(ctx, { username: 'admin.b', role: 'ADMIN' });
    const token = await loginStaff(ctx, 'admin.b');
    const res = await ctx.http.get('/api/admin/staff').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ username: 'admin.b', role: 'admin' });
    expect(JSON.stringify(res.body)).not.toContain('argon2');
  });

  it('answers 403 to staff on a driver-only endpoint', async () => {
    await createStaff(ctx, { username: 'agent.c', role: 'AGENT' });
    const token = await loginStaff(ctx, 'agent.c');
    const res = await ctx.http.post('/api/me/identity').set('Authorization', `Bearer ${token}`).send({ idNumber: 'x', name: 'y' });
    expect(res.status).toBe(403);
  });
});
