// Bad input on every endpoint so far answers the contract's error and writes nothing.
import { createStaff, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

async function rowCounts() {
  const [drivers, sessions, staff, audits] = await Promise.all([
    ctx.db.driver.count(),
    ctx.db.loginSession.count(),
    ctx.db.staff.count(),
    ctx.db.auditLog.count(),
  ]);
  return { drivers, sessions, staff, audits };
}

const expectError = (res: { status: number; body: any }, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/); // told in Chinese
};

describe('bad input', () => {
  let driverToken: string;
  let adminToken: string;
  beforeEach(async () => {
    driverToken = (await loginDriver(ctx)).token;
    await createStaff(ctx, { username: 'admin.x', role: 'ADMIN' });
    adminToken = await loginStaff(ctx, 'admin.x');
  });

  const endpoints = () => [
    { path: '/api/auth/wechat', token: undefined },
    { path: '/api/auth/staff', token: undefined },
    { path: '/api/me/identity', token: driverToken },
    { path: '/api/admin/staff', token: adminToken },
  ];

  it('malformed JSON → 400 VALIDATION_FAILED', async () => {
    const before = await rowCounts();
    for (const e of endpoints()) {
      const req = ctx.http.post(e.path).set('Content-Type', 'application/json');
      if (e.token) req.set('Authorization', `Bearer ${e.token}`);
      expectError(await req.send('{"code": '), 400, 'VALIDATION_FAILED');
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('wrong types and missing fields → 400 with the fields named', async () => {
    const before = await rowCounts();
    const bodies: Record<string, object[]> = {
      '/api/auth/wechat': [{}, { code: 42 }, { code: '' }, { code: ['fake:a'] }],
      '/api/auth/staff': [{}, { username: 'a' }, { username: 1, password: 2 }, { username: 'a', password: null }],
      '/api/me/identity': [{}, { idNumber: 110105194912310020 }, { idNumber: '11010519491231002X' }, { idNumber: '11010519491231002X', name: '<script>' }],
      '/api/admin/staff': [{}, { username: 'x', password: 'short', displayName: 'd', role: 'boss' }, { username: 'new.officer', password: 'long-enough-pass', displayName: '新民警', role: 'officer' }],
    };
    for (const e of endpoints()) {
      for (const body of bodies[e.path]) {
        const req = ctx.http.post(e.path);
        if (e.token) req.set('Authorization', `Bearer ${e.token}`);
        const res = await req.send(body);
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(Array.isArray(res.body.error.details)).toBe(true);
        expect(res.body.error.details.length).toBeGreaterThan(0);
      }
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('a 2 MB body → 413 PAYLOAD_TOO_LARGE', async () => {
    const before = await rowCounts();
    const huge = JSON.stringify({ code: 'x'.repeat(2 * 1024 * 1024) });
    for (const e of endpoints()) {
      const req = ctx.http.post(e.path).set('Content-Type', 'application/json');
      if (e.token) req.set('Authorization', `Bearer ${e.token}`);
      expectError(await req.send(huge), 413, 'PAYLOAD_TOO_LARGE');
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('a body that is not JSON → 415', async () => {
    const res = await ctx.http.post('/api/auth/wechat').set('Content-Type', 'text/plain').send('fake:abc');
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown route → 404 with the error body; a wrong method → 405', async () => {
    expectError(await ctx.http.get('/api/no-such-thing'), 404, 'NOT_FOUND');
    expectError(await ctx.http.post('/api/nothing/here').send({}), 404, 'NOT_FOUND');
    expectError(await ctx.http.delete('/api/auth/wechat'), 405, 'METHOD_NOT_ALLOWED');
  });

  it('a bad page size → 400', async () => {
    const res = await ctx.http.get('/api/admin/staff?pageSize=1000').set('Authorization', `Bearer ${adminToken}`);
    expectError(res, 400, 'VALIDATION_FAILED');
  });
});
