// Driver login through code2Session against the fake WeChat over HTTP.
import { startTestContext, type TestContext } from '../support/context';
import { fakeUnionId } from '../../src/wechat/fake/ids';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

describe('POST /api/auth/wechat', () => {
  it('logs a fake code in once and answers a token and a driver', async () => {
    const res = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:xiaoming' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: expect.any(String), user: { id: expect.any(Number), role: 'driver' } });
    const me = await ctx.http.get('/api/me').set('Authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: res.body.user.id, role: 'driver', identity: { bound: false } });
  });

  it('marks a first-time driver who already follows the official account (known from the last follower sync)', async () => {
    await ctx.db.officialAccountFollower.create({ data: { unionid: fakeUnionId('gongzhong'), openid: 'oa-openid-gongzhong' } });
    const follower = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:gongzhong' });
    const other = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:lukeren' });
    expect((await ctx.db.driver.findUniqueOrThrow({ where: { id: follower.body.user.id } })).followsOfficialAccount).toBe(true);
    expect((await ctx.db.driver.findUniqueOrThrow({ where: { id: other.body.user.id } })).followsOfficialAccount).toBe(false);
  });

  it('refuses a code used before with 401', async () => {
    const first = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:xiaohong:1' });
    expect(first.status).toBe(200);
    const again = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:xiaohong:1' });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('UNAUTHENTICATED');
    expect(await ctx.db.loginSession.count()).toBe(1);
  });

  it('refuses a code WeChat does not know with 401', async () => {
    const res = await ctx.http.post('/api/auth/wechat').send({ code: 'not-a-real-code' });
    expect(res.status).toBe(401);
    expect(await ctx.db.driver.count()).toBe(0);
  });

  it('lands the same WeChat user on the same account every time, and others on their own', async () => {
    const a1 = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:laowang:a' });
    const a2 = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:laowang:b' });
    const b = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:laoli:a' });
    expect(a1.body.user.id).toBe(a2.body.user.id);
    expect(a1.body.token).not.toBe(a2.body.token);
    expect(b.body.user.id).not.toBe(a1.body.user.id);
    expect(await ctx.db.driver.count()).toBe(2);
  });

  it('creates one account when the same new user logs in twice at the same instant', async () => {
    const [r1, r2] = await Promise.all([
      ctx.http.post('/api/auth/wechat').send({ code: 'fake:twins:1' }),
      ctx.http.post('/api/auth/wechat').send({ code: 'fake:twins:2' }),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(r1.body.user.id).toBe(r2.body.user.id);
    expect(await ctx.db.driver.count()).toBe(1);
  });

  it('answers 503 when WeChat is down, without creating anything', async () => {
    await fetch(`${ctx.fakeWechatUrl}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/sns/jscode2session', status: 503, times: 1 }),
    });
    const res = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:unlucky' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
    expect(await ctx.db.driver.count()).toBe(0);
  });

  it('logout revokes the token', async () => {
    const { body } = await ctx.http.post('/api/auth/wechat').send({ code: 'fake:leaver' });
    const auth = `Bearer ${body.token}`;
    expect((await ctx.http.post('/api/auth/logout').set('Authorization', auth)).status).toBe(200);
    const me = await ctx.http.get('/api/me').set('Authorization', auth);
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 without a token or with a made-up one', async () => {
    expect((await ctx.http.get('/api/me')).status).toBe(401);
    const res = await ctx.http.get('/api/me').set('Authorization', 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(res.status).toBe(401);
  });
});
