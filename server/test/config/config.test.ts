// Configuration is validated once; bad values fail with a one-line reason; production is strict.
import { ConfigError, DEFAULT_APP_SECRET, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('gives working defaults for development with the fake WeChat when it is asked for', () => {
    const c = loadConfig({ WECHAT_FAKE: 'true' });
    expect(c.port).toBe(3000);
    expect(c.wechat.fake).toBe(true);
    expect(c.wechat.apiBase).toBe('http://127.0.0.1:3001');
    expect(c.appSecret).toBe(DEFAULT_APP_SECRET);
  });

  it('treats empty variables as unset (WECHAT_APPID= keeps the fake WeChat)', () => {
    const c = loadConfig({ WECHAT_APPID: '', WECHAT_SECRET: '', PORT: '', WECHAT_FAKE: 'true' });
    expect(c.wechat.fake).toBe(true);
    expect(c.wechat.appId).toBe('wx-fake-appid');
    expect(c.port).toBe(3000);
  });

  it('points the fake WeChat base URL at FAKE_WECHAT_PORT', () => {
    expect(loadConfig({ FAKE_WECHAT_PORT: '4101', WECHAT_FAKE: 'true' }).wechat.apiBase).toBe('http://127.0.0.1:4101');
  });

  it('syncs official-account followers hourly unless WECHAT_OA_FOLLOWER_SYNC_MINUTES says otherwise', () => {
    expect(loadConfig({ WECHAT_FAKE: 'true' }).wechat.followerSyncEveryMs).toBe(3_600_000);
    expect(loadConfig({ WECHAT_FAKE: 'true', WECHAT_OA_FOLLOWER_SYNC_MINUTES: '5' }).wechat.followerSyncEveryMs).toBe(300_000);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'postgres://x' }, /DATABASE_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DEMO_DATA: 'maybe' }, /DEMO_DATA/],
    [{ WECHAT_APPID: 'wx123' }, /WECHAT_SECRET/],
    [{ WECHAT_OA_FOLLOWER_SYNC_MINUTES: '0' }, /WECHAT_OA_FOLLOWER_SYNC_MINUTES/],
    [{ WECHAT_APPID: 'wx123', WECHAT_SECRET: 's', WECHAT_FAKE: 'true' }, /WECHAT_FAKE/],
  ])('refuses %j with a one-line reason', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).toMatch(pattern);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('never falls back to the fake WeChat: without an AppID it must be asked for, or the server refuses to start', () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { WECHAT_APPID: '' }]) {
      expect(() => loadConfig(env)).toThrow(/WECHAT_FAKE=true/);
    }
    expect(loadConfig({ NODE_ENV: 'test' }).wechat.fake).toBe(true);
    // Migrations and seeding never talk to WeChat.
    expect(loadConfig({}, { wechatRequired: false }).wechat.fake).toBe(false);
  });

  const production = { NODE_ENV: 'production', APP_SECRET: 'a-real-secret-of-enough-length', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' };

  it('accepts a complete production configuration and uses the real WeChat', () => {
    const c = loadConfig(production);
    expect(c.wechat.fake).toBe(false);
    expect(c.wechat.apiBase).toBe('https://api.weixin.qq.com');
  });

  it('refuses the default secret, demo data and the fake WeChat in production', () => {
    expect(() => loadConfig({ ...production, APP_SECRET: undefined })).toThrow(/APP_SECRET/);
    expect(() => loadConfig({ ...production, DEMO_DATA: 'true' })).toThrow(/DEMO_DATA/);
    expect(() => loadConfig({ ...production, WECHAT_APPID: undefined })).toThrow(/WECHAT_APPID/);
    expect(() => loadConfig({ ...production, WECHAT_APPID: undefined, WECHAT_FAKE: 'true' })).toThrow(/WECHAT_APPID/);
  });
});
