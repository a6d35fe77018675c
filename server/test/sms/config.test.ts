// SMS settings: the fake gateway with WECHAT_FAKE, Tencent with credentials, off otherwise.
import { ConfigError, FAKE_SMS, loadConfig } from '../../src/config';

const base = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/x', LOG_LEVEL: 'silent' };
const production = { ...base, NODE_ENV: 'production', APP_SECRET: 'a-production-secret-0123456789', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' };
const tencent = { SMS_SECRET_ID: 'AKIDreal', SMS_SECRET_KEY: 'key', SMS_SDK_APP_ID: '1400123456', SMS_SIGN_NAME: '枣庄交警' };

describe('SMS configuration', () => {
  it('with WECHAT_FAKE: the fake gateway on FAKE_SMS_PORT, its secrets and template ids', () => {
    const { sms } = loadConfig({ ...base, WECHAT_FAKE: 'true', FAKE_SMS_PORT: '3902' });
    expect(sms).toMatchObject({
      provider: 'tencent',
      fake: true,
      fakePort: 3902,
      endpoint: 'http://127.0.0.1:3902',
      secretId: FAKE_SMS.secretId,
      secretKey: FAKE_SMS.secretKey,
      sdkAppId: FAKE_SMS.sdkAppId,
      signName: FAKE_SMS.signName,
      templates: FAKE_SMS.templates,
      region: 'ap-guangzhou',
    });
  });

  it('with WECHAT_FAKE and SMS_PROVIDER=off: off', () => {
    expect(loadConfig({ ...base, WECHAT_FAKE: 'true', SMS_PROVIDER: 'off' }).sms).toMatchObject({ provider: 'off', fake: false, offReason: 'SMS_PROVIDER=off' });
  });

  it('in production without SMS settings: off, saying why', () => {
    const { sms } = loadConfig(production);
    expect(sms.provider).toBe('off');
    expect(sms.offReason).toMatch(/no SMS settings/);
  });

  it('with credentials: Tencent at its endpoint with the configured template ids', () => {
    const { sms } = loadConfig({ ...production, ...tencent, SMS_TEMPLATE_EXAM_RESULT: '1234567', SMS_REGION: 'ap-beijing' });
    expect(sms).toMatchObject({
      provider: 'tencent',
      fake: false,
      endpoint: 'https://sms.tencentcloudapi.com',
      region: 'ap-beijing',
      secretId: 'AKIDreal',
      templates: { exam_result: '1234567' },
    });
    expect(Object.keys(sms.templates)).toEqual(['exam_result']);
  });

  it('refuses half a configuration and plain http in production', () => {
    expect(() => loadConfig({ ...production, SMS_SECRET_ID: 'AKIDreal' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, SMS_PROVIDER: 'tencent' })).toThrow(/SMS_PROVIDER=tencent needs/);
    expect(() => loadConfig({ ...production, ...tencent, SMS_ENDPOINT: 'http://10.0.0.1:8080' })).toThrow(/https/);
    expect(() => loadConfig({ ...production, ...tencent, SMS_ENDPOINT: 'https://sms.example.com/path' })).toThrow(/SMS_ENDPOINT/);
    expect(() => loadConfig({ ...production, ...tencent, SMS_SDK_APP_ID: 'abc' })).toThrow(/SMS_SDK_APP_ID/);
  });
});
