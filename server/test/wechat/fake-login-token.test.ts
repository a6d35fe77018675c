// The fake WeChat's login (jscode2session) and access tokens, called over loopback HTTP with the project's client.
import { fakeOpenId, fakeUnionId } from '../../src/wechat/fake';
import { MiniProgramClient, WechatError } from '../../src/wechat/mini-program-client';
import { APP_ID, SECRET, rejection, startFake, type FakeHarness } from './helpers';

describe('fake WeChat login (code2Session)', () => {
  let h: FakeHarness;
  beforeAll(async () => {
    h = await startFake();
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  it('exchanges fake:<name> for a deterministic openid and unionid', async () => {
    const session = await h.client.code2Session('fake:alice');
    expect(session.openid).toBe(fakeOpenId('alice'));
    expect(session.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(session.unionid).toBe(fakeUnionId('alice'));
    expect(session.unionid).not.toBe(session.openid);
    expect(session.sessionKey).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('accepts a code once; reuse gets 40029', async () => {
    await h.client.code2Session('fake:bob');
    const error = await rejection(h.client.code2Session('fake:bob'));
    expect(error).toBeInstanceOf(WechatError);
    expect(error).toMatchObject({ errcode: 40029, errmsg: 'invalid code', kind: 'invalid', path: '/sns/jscode2session' });
  });

  it('gives the same name the same openid through fake:<name>:<anything> codes', async () => {
    const a = await h.client.code2Session('fake:carol:1');
    const b = await h.client.code2Session('fake:carol:2');
    const c = await h.client.code2Session('fake:carol');
    expect(a.openid).toBe(b.openid);
    expect(c.openid).toBe(a.openid);
    expect(a.sessionKey).not.toBe(b.sessionKey);
  });

  it('gives different names different openids', async () => {
    const a = await h.client.code2Session('fake:dave');
    const b = await h.client.code2Session('fake:erin');
    expect(a.openid).not.toBe(b.openid);
    expect(a.unionid).not.toBe(b.unionid);
  });

  it.each(['071abcDEF', 'fake:', 'fake', ''])('refuses other codes (%j) with 40029 or 41008', async (code) => {
    const error = await rejection(h.client.code2Session(code));
    expect(error).toBeInstanceOf(WechatError);
    expect([40029, 41008]).toContain(error.errcode);
  });

  it('refuses a wrong appid (40013) and a wrong secret (40125)', async () => {
    const wrongApp = new MiniProgramClient({ baseUrl: h.url, appId: 'wx-other', secret: SECRET, getAccessToken: async () => '' });
    const wrongSecret = new MiniProgramClient({ baseUrl: h.url, appId: APP_ID, secret: 'nope', getAccessToken: async () => '' });
    expect(await rejection(wrongApp.code2Session('fake:x'))).toMatchObject({ errcode: 40013 });
    expect(await rejection(wrongSecret.code2Session('fake:x'))).toMatchObject({ errcode: 40125 });
    // A refused call does not use the code up.
    await expect(h.client.code2Session('fake:x')).resolves.toMatchObject({ openid: fakeOpenId('x') });
  });

  it('answers success without errcode, like WeChat', async () => {
    const { body } = await h.call('GET', `/sns/jscode2session?appid=${APP_ID}&secret=${SECRET}&js_code=fake:raw&grant_type=authorization_code`);
    expect(Object.keys(body).sort()).toEqual(['openid', 'session_key', 'unionid']);
  });
});

describe('fake WeChat access tokens', () => {
  let clock = Date.parse('2026-03-01T08:00:00Z');
  let h: FakeHarness;
  beforeAll(async () => {
    h = await startFake({ now: () => clock });
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  const check = (token: string) =>
    h.call('POST', `/wxa/msg_sec_check?access_token=${encodeURIComponent(token)}`, {
      version: 2,
      openid: fakeOpenId('t'),
      scene: 2,
      content: 'hello',
    });

  it('stable_token returns the same token until force_refresh, which revokes the old one (40001)', async () => {
    const first = await h.client.getStableToken();
    expect(first.expiresIn).toBe(7200);
    expect(first.accessToken.length).toBeGreaterThanOrEqual(100);
    clock += 60_000;
    const again = await h.client.getStableToken();
    expect(again.accessToken).toBe(first.accessToken);
    expect(again.expiresIn).toBe(7140);
    const forced = await h.client.getStableToken(true);
    expect(forced.accessToken).not.toBe(first.accessToken);
    expect((await check(first.accessToken)).body).toMatchObject({ errcode: 40001 });
    expect((await check(forced.accessToken)).body).toMatchObject({ errcode: 0 });
  });

  it('stable_token issues a new token once less than 5 minutes are left', async () => {
    const first = await h.client.getStableToken();
    clock += (7200 - 299) * 1000;
    const next = await h.client.getStableToken();
    expect(next.accessToken).not.toBe(first.accessToken);
    expect((await check(first.accessToken)).body).toMatchObject({ errcode: 0 });
    clock += 300_000;
    expect((await check(first.accessToken)).body).toMatchObject({ errcode: 42001, errmsg: 'access_token expired' });
  });

  it('refuses unknown tokens (40001), expired tokens (42001) and a missing token (41001)', async () => {
    expect((await check('not-a-token')).body).toEqual({
      errcode: 40001,
      errmsg: 'invalid credential, access_token is invalid or not latest',
    });
    const { accessToken } = await h.client.getStableToken();
    expect((await check(accessToken)).body.errcode).toBe(0);
    expect((await h.call('POST', '/__tokens/expire', {})).body).toEqual({ expired: 1 });
    expect((await check(accessToken)).body).toMatchObject({ errcode: 42001 });
    const { body } = await h.call('POST', '/wxa/msg_sec_check', { version: 2, openid: 'o1', scene: 2, content: 'x' });
    expect(body.errcode).toBe(41001);
    // After expiry stable_token hands out a fresh one.
    expect((await h.client.getStableToken()).accessToken).not.toBe(accessToken);
  });

  it('the client reports token errors as kind token, and retries once when it may invalidate the token', async () => {
    const stale = h.newClient({ getAccessToken: async () => 'stale' });
    expect(await rejection(stale.msgSecCheck({ openid: fakeOpenId('t'), content: 'hi' }))).toMatchObject({
      errcode: 40001,
      kind: 'token',
    });

    let cached: string | undefined = 'stale';
    const invalidated: string[] = [];
    const refreshing: MiniProgramClient = h.newClient({
      getAccessToken: async () => (cached ??= (await refreshing.getStableToken()).accessToken),
      invalidateAccessToken: (token) => {
        invalidated.push(token);
        cached = undefined;
      },
    });
    await expect(refreshing.msgSecCheck({ openid: fakeOpenId('t'), content: 'hi' })).resolves.toMatchObject({ suggest: 'pass' });
    expect(invalidated).toEqual(['stale']);
  });

  it('cgi-bin/token issues a new token per call; the previous one stays valid for 5 minutes', async () => {
    const get = () => h.call('GET', `/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${SECRET}`);
    const a = (await get()).body;
    expect(a).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    const b = (await get()).body;
    expect(b.access_token).not.toBe(a.access_token);
    clock += 299_000;
    expect((await check(a.access_token)).body.errcode).toBe(0);
    clock += 2_000;
    expect((await check(a.access_token)).body.errcode).toBe(42001);
    expect((await check(b.access_token)).body.errcode).toBe(0);
  });

  it('cgi-bin/token refuses a wrong secret and a wrong grant_type', async () => {
    expect((await h.call('GET', `/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=bad`)).body.errcode).toBe(40001);
    expect((await h.call('GET', `/cgi-bin/token?grant_type=x&appid=${APP_ID}&secret=${SECRET}`)).body.errcode).toBe(40002);
  });

  it('stable_token refuses a wrong appid (40013) and secret (40125); token APIs are isolated', async () => {
    const wrong = h.newClient({ secret: 'bad' });
    expect(await rejection(wrong.getStableToken())).toMatchObject({ errcode: 40125, kind: 'invalid' });
    expect(await rejection(h.newClient({ appId: 'wx-nope' }).getStableToken())).toMatchObject({ errcode: 40013 });
    const stable = await h.client.getStableToken();
    await h.call('GET', `/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${SECRET}`);
    clock += 600_000;
    expect((await check(stable.accessToken)).body.errcode).toBe(0);
  });
});

describe('fake WeChat phone number (getuserphonenumber)', () => {
  let h: FakeHarness;
  beforeAll(async () => {
    h = await startFake();
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  it('answers fake-phone:<11 digits> with that number, once', async () => {
    expect(await h.client.getPhoneNumber('fake-phone:13800138000')).toEqual({ phone: '13800138000', countryCode: '86' });
    expect(await h.client.getPhoneNumber('fake-phone:13800138000:again')).toMatchObject({ phone: '13800138000' });
    const reused = await rejection(h.client.getPhoneNumber('fake-phone:13800138000'));
    expect(reused).toMatchObject({ errcode: 40029, path: '/wxa/business/getuserphonenumber' });
  });

  it('refuses a code that stands for no phone, and one sent in the query instead of the body', async () => {
    expect(await rejection(h.client.getPhoneNumber('fake-phone:12345'))).toMatchObject({ errcode: 40029 });
    expect(await rejection(h.client.getPhoneNumber('fake:alice'))).toMatchObject({ errcode: 40029 });
    const token = (await h.client.getStableToken()).accessToken;
    const res = await fetch(`${h.url}/wxa/business/getuserphonenumber?access_token=${token}&code=fake-phone:13800138000`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect((await res.json()).errcode).toBe(40029);
  });
});
