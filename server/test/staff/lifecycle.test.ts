// Staff accounts over their life: made with a one-time password, deactivated (every live session
// ends at once), reactivated, reset (the next login must set a new password, and until then every
// other call answers 403 PASSWORD_CHANGE_REQUIRED), and the password rules of the change.
import { createStaff, loginStaff, startTestContext, TEST_PASSWORD, type TestContext } from '../support/context';

let ctx: TestContext;
let admin: string;
let adminId: number;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  adminId = (await createStaff(ctx, { username: 'admin.l', role: 'ADMIN' })).id;
  admin = await loginStaff(ctx, 'admin.l');
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const patch = (id: number, body: object, token = admin) => ctx.http.patch(`/api/admin/staff/${id}`).set(as(token)).send(body);
const reset = (id: number, token = admin) => ctx.http.post(`/api/admin/staff/${id}/reset-password`).set(as(token));
const login = (username: string, password: string) => ctx.http.post('/api/auth/staff').send({ username, password });
const changePassword = (token: string, current: string, next: string) => ctx.http.post('/api/me/password').set(as(token)).send({ current, new: next });

async function officer(username = 'officer.l') {
  const made = await createStaff(ctx, { username, role: 'OFFICER', unit: 'tengzhou' });
  return { id: made.id, token: await loginStaff(ctx, username) };
}

describe('deactivating an account', () => {
  it('ends every live session of it at once (their tokens get 401) and refuses new logins, audited', async () => {
    const o = await officer();
    const second = await loginStaff(ctx, 'officer.l');
    expect((await ctx.http.get('/api/officer/accidents').set(as(o.token))).status).toBe(200);
    const res = await patch(o.id, { active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: o.id, active: false, role: 'officer', unit: { code: 'tengzhou' } });
    for (const token of [o.token, second]) {
      const after = await ctx.http.get('/api/officer/accidents').set(as(token));
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('UNAUTHENTICATED');
    }
    expect(await ctx.db.loginSession.count({ where: { staffId: o.id, revokedAt: null } })).toBe(0);
    const again = await login('officer.l', TEST_PASSWORD);
    expect(again.status).toBe(401);
    expect(again.body.error.message).toBe('该账号已停用，请联系管理员');
    // A wrong password still learns nothing about the account.
    expect((await login('officer.l', 'wrong password here')).body.error.message).toBe('用户名或密码不正确');
    const row = await ctx.db.auditLog.findFirstOrThrow({ where: { action: 'staff.deactivated', entityId: String(o.id) } });
    expect(row).toMatchObject({ actorType: 'STAFF', actorId: adminId });
    expect(row.details).toMatchObject({ sessionsEnded: 2, before: { active: true }, after: { active: false } });
  });

  it('reactivation lets the account log in again (old sessions stay ended)', async () => {
    const o = await officer();
    await patch(o.id, { active: false });
    const res = await patch(o.id, { active: true });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(true);
    expect((await ctx.http.get('/api/me').set(as(o.token))).status).toBe(401);
    expect((await login('officer.l', TEST_PASSWORD)).status).toBe(200);
    expect(await ctx.db.auditLog.count({ where: { action: 'staff.reactivated', entityId: String(o.id) } })).toBe(1);
  });

  it('an admin cannot deactivate or demote themselves (422), and nothing changes', async () => {
    for (const body of [{ active: false }, { role: 'agent' }]) {
      const res = await patch(adminId, body);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'CANNOT_CHANGE_OWN_ACCOUNT', details: { reason: 'OWN_ACCOUNT' } });
    }
    expect(await ctx.db.staff.findUniqueOrThrow({ where: { id: adminId } })).toMatchObject({ active: true, role: 'ADMIN' });
    expect((await ctx.http.get('/api/admin/staff').set(as(admin))).status).toBe(200);
  });
});

describe('changing role and unit', () => {
  it('moves an officer to another unit, and its queue with it at once', async () => {
    const o = await officer();
    const res = await patch(o.id, { unit: 'shizhong' });
    expect(res.status).toBe(200);
    expect(res.body.unit).toEqual({ code: 'shizhong', name: '市中' });
    expect((await ctx.http.get('/api/me').set(as(o.token))).body.unit).toEqual({ code: 'shizhong', name: '市中' });
  });

  it('an officer needs a unit; other roles hold none', async () => {
    const agent = await createStaff(ctx, { username: 'agent.l', role: 'AGENT' });
    const refused = await patch(agent.id, { role: 'officer' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('民警账号必须选择所属大队');
    expect((await ctx.db.staff.findUniqueOrThrow({ where: { id: agent.id } })).role).toBe('AGENT');
    const made = await patch(agent.id, { role: 'officer', unit: 'tengzhou' });
    expect(made.body).toMatchObject({ role: 'officer', unit: { code: 'tengzhou' } });
    const back = await patch(agent.id, { role: 'agent' });
    expect(back.body).toMatchObject({ role: 'agent', unit: null });
  });

  it('answers bad input and unknown accounts or units with 4xx and changes nothing', async () => {
    const o = await officer();
    const before = await ctx.db.staff.findUniqueOrThrow({ where: { id: o.id } });
    const cases: [number | string, object, number][] = [
      [o.id, {}, 400],
      [o.id, { active: 'no' }, 400],
      [o.id, { role: 'driver' }, 400],
      [o.id, { unit: 'atlantis' }, 404],
      [999_999, { active: false }, 404],
      ['abc', { active: false }, 400],
    ];
    for (const [id, body, status] of cases) {
      const res = await ctx.http.patch(`/api/admin/staff/${id}`).set(as(admin)).send(body);
      expect([id, body, res.status]).toEqual([id, body, status]);
      expect(res.body.error.code).toBeDefined();
    }
    expect(await ctx.db.staff.findUniqueOrThrow({ where: { id: o.id } })).toEqual(before);
    expect((await ctx.http.get('/api/me').set(as(o.token))).status).toBe(200);
  });

  it('is for admins only', async () => {
    const o = await officer();
    const other = await officer('officer.l2');
    expect((await patch(other.id, { active: false }, o.token)).status).toBe(403);
    expect((await reset(other.id, o.token)).status).toBe(403);
    expect((await ctx.db.staff.findUniqueOrThrow({ where: { id: other.id } })).active).toBe(true);
  });
});

describe('creating with a one-time password', () => {
  it('answers the temporary password once; the first login must change it', async () => {
    const res = await ctx.http.post('/api/admin/staff').set(as(admin)).send({ username: 'officer.new', name: '新民警', role: 'officer', unit: 'tengzhou' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ displayName: '新民警', mustChangePassword: true });
    expect(res.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    const listed = await ctx.http.get('/api/admin/staff').set(as(admin));
    expect(JSON.stringify(listed.body)).not.toContain(res.body.temporaryPassword);
    const audit = await ctx.db.auditLog.findFirstOrThrow({ where: { action: 'staff.created', entityId: String(res.body.id) } });
    expect(JSON.stringify(audit.details)).not.toContain(res.body.temporaryPassword);
    const first = await login('officer.new', res.body.temporaryPassword);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
  });

  it('keeps a password the admin gave (no change asked) unless mustChangePassword says so', async () => {
    const kept = await ctx.http.post('/api/admin/staff').set(as(admin)).send({ username: 'agent.kept', password: 'long-enough-pass', displayName: '客服', role: 'agent' });
    expect(kept.body).toMatchObject({ mustChangePassword: false });
    expect(kept.body.temporaryPassword).toBeUndefined();
    expect((await login('agent.kept', 'long-enough-pass')).body.user.mustChangePassword).toBe(false);
    const asked = await ctx.http.post('/api/admin/staff').set(as(admin)).send({ username: 'agent.asked', password: 'long-enough-pass', mustChangePassword: true, displayName: '客服', role: 'agent' });
    expect(asked.body.mustChangePassword).toBe(true);
  });
});

describe('resetting a password', () => {
  it('ends the sessions, and the next login must set a new password before anything else', async () => {
    const o = await officer();
    const res = await reset(o.id);
    expect(res.status).toBe(200);
    const temporary: string = res.body.temporaryPassword;
    expect(temporary).toHaveLength(14);
    expect((await ctx.http.get('/api/me').set(as(o.token))).status).toBe(401);
    expect((await login('officer.l', TEST_PASSWORD)).status).toBe(401);

    const first = await login('officer.l', temporary);
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ mustChangePassword: true, role: 'officer' });
    const token: string = first.body.token;

    // Everything but the change, /api/me and logout answers 403 PASSWORD_CHANGE_REQUIRED.
    for (const [method, url] of [['get', '/api/officer/accidents'], ['get', '/api/officer/stats'], ['post', '/api/officer/accidents/1/decision'], ['get', '/api/units']] as const) {
      const refused = await ctx.http[method](url).set(as(token)).send({});
      expect([url, refused.status, refused.body.error?.code]).toEqual([url, 403, 'PASSWORD_CHANGE_REQUIRED']);
    }
    const me = await ctx.http.get('/api/me').set(as(token));
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);

    const changed = await changePassword(token, temporary, 'my own new password');
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ok: true, mustChangePassword: false });
    // The session that changed it carries on; the new password logs in; the old ones do not.
    expect((await ctx.http.get('/api/officer/accidents').set(as(token))).status).toBe(200);
    expect((await ctx.http.get('/api/me').set(as(token))).body.mustChangePassword).toBe(false);
    expect((await login('officer.l', temporary)).status).toBe(401);
    expect((await login('officer.l', 'my own new password')).status).toBe(200);
    expect(await ctx.db.auditLog.count({ where: { action: 'staff.password_reset', entityId: String(o.id) } })).toBe(1);
    expect(await ctx.db.auditLog.count({ where: { action: 'staff.password_changed', entityId: String(o.id) } })).toBe(1);
  });

  it('logout stays open to a session that must change its password', async () => {
    const o = await officer();
    const { temporaryPassword } = (await reset(o.id)).body;
    const token = (await login('officer.l', temporaryPassword)).body.token;
    expect((await ctx.http.post('/api/auth/logout').set(as(token))).status).toBe(200);
    expect((await ctx.http.get('/api/me').set(as(token))).status).toBe(401);
  });

  it('answers 404 for an account that does not exist', async () => {
    const res = await reset(999_999);
    expect(res.status).toBe(404);
    expect(await ctx.db.auditLog.count({ where: { action: 'staff.password_reset' } })).toBe(0);
  });
});

describe('POST /api/me/password: the rules', () => {
  it.each([
    ['shorter than 10 characters', 'short1234', '新密码至少需要10个字符'],
    ['equal to the current one', TEST_PASSWORD, '新密码不能与当前密码相同'],
  ])('refuses a new password %s with 400 and its reason, keeping the old one', async (_what, next, message) => {
    const o = await officer();
    const res = await changePassword(o.token, TEST_PASSWORD, next);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message });
    expect((await login('officer.l', TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses the username as the new password', async () => {
    await createStaff(ctx, { username: 'officer.long.name', role: 'OFFICER', unit: 'tengzhou' });
    const token = await loginStaff(ctx, 'officer.long.name');
    const res = await changePassword(token, TEST_PASSWORD, 'OFFICER.long.name');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '新密码不能与用户名相同' });
  });

  it('a wrong current password answers 422 in plain words, and repeated tries are throttled (429)', async () => {
    const o = await officer();
    const wrong = await changePassword(o.token, 'not my password', 'a brand new password');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'WRONG_PASSWORD', message: '当前密码不正确' });
    const max = ctx.deps.config.loginThrottle.maxPerUser;
    for (let i = 1; i < max; i++) expect((await changePassword(o.token, 'not my password', 'a brand new password')).status).toBe(422);
    const throttled = await changePassword(o.token, TEST_PASSWORD, 'a brand new password');
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.code).toBe('RATE_LIMITED');
    expect((await login('officer.l', TEST_PASSWORD)).status).toBe(200);
  });

  it('is for staff: drivers get 403, nobody 401', async () => {
    expect((await ctx.http.post('/api/me/password').send({ current: 'x', new: 'y'.repeat(12) })).status).toBe(401);
    const driver = await ctx.http.post('/api/auth/wechat').send({ code: `fake:pw-driver:${Math.random()}` });
    expect((await changePassword(driver.body.token, 'x', 'y'.repeat(12))).status).toBe(403);
  });

  it('ends the account’s other sessions', async () => {
    const o = await officer();
    const other = await loginStaff(ctx, 'officer.l');
    expect((await changePassword(o.token, TEST_PASSWORD, 'a brand new password')).status).toBe(200);
    expect((await ctx.http.get('/api/me').set(as(other))).status).toBe(401);
    expect((await ctx.http.get('/api/me').set(as(o.token))).status).toBe(200);
  });
});

describe('what a deactivation reaches beyond the next request', () => {
  it("closes the officer's open live queue (session.ended), and the reconnect answers 401", async () => {
    const http = await import('node:http');
    const { buildApp } = await import('../../src/app');
    const app = buildApp(ctx.deps);
    const server = http.createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const o = await officer();
      const res = await fetch(`${base}/api/officer/events`, { headers: as(o.token) });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      let text = '';
      expectOk(await patch(o.id, { active: false }));
      const until = Date.now() + 8000;
      for (;;) {
        const { value, done } = await reader.read();
        if (value) text += new TextDecoder().decode(value);
        if (done || Date.now() > until) break;
      }
      expect(text).toContain('event: session.ended');
      expect((await fetch(`${base}/api/officer/events`, { headers: as(o.token) })).status).toBe(401);
    } finally {
      app.emit('shutdown');
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('takes a PATCH sent as POST with X-HTTP-Method-Override (WeChat cannot send PATCH)', async () => {
    const o = await officer();
    const res = await ctx.http.post(`/api/admin/staff/${o.id}`).set(as(admin)).set('X-HTTP-Method-Override', 'PATCH').send({ active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    // No other override is honoured.
    expect((await ctx.http.post(`/api/admin/staff/${o.id}`).set(as(admin)).set('X-HTTP-Method-Override', 'DELETE').send({})).status).toBe(405);
  });
});

function expectOk(res: { status: number; body: unknown }) {
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${JSON.stringify(res.body)}`);
}
