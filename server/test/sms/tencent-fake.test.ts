// The real Tencent Cloud SDK adapter against the fake SMS gateway over loopback HTTP: what is sent,
// what is refused and how it is classified, faults through the fake WeChat, receipts.
import { FAKE_SMS } from '../../src/config';
import { SmsError } from '../../src/sms/provider';
import { buildSms } from '../../src/sms/templates';
import { rejection, startSmsHarness, type SmsHarness } from './helpers';

const PHONE = '13800138000';
const SEND = '/sms/SendSms';

describe('Tencent SMS adapter against the fake gateway', () => {
  let h: SmsHarness;
  beforeAll(async () => {
    h = await startSmsHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.reset());

  const confirmed = () =>
    buildSms('accident_confirmed', { caseId: 1, caseNumber: 'SG20261209123456' });

  it('a send is recorded with phone, template and params, listed at /__inspect/sms on the fake WeChat', async () => {
    const result = await h.provider.send({ phone: PHONE, ...confirmed(), sessionContext: 'outbox:42' });
    expect(result).toEqual({ messageId: expect.stringMatching(/^2433:\d+$/), fee: 1 });

    const { status, body } = await h.wechatCall('GET', '/__inspect/sms');
    expect(status).toBe(200);
    expect(body.items).toEqual([
      {
        phone: PHONE,
        template: 'accident_confirmed',
        templateId: FAKE_SMS.templates.accident_confirmed,
        params: ['SG20261209123456'],
        text: '【交管服务】您的事故快处案件SG20261209123456已由民警确认，请在交管服务小程序下载协议书并联系保险公司理赔。',
        at: expect.any(String),
        code: 'Ok',
        messageId: result.messageId,
      },
    ]);
    expect(Date.parse(body.items[0].at)).toBeGreaterThan(Date.now() - 10_000);
    // The gateway's own port answers the same list.
    const own = await fetch(`${h.gatewayServer.url}/__inspect/sms`).then((r) => r.json());
    expect(own.items).toHaveLength(1);
    expect((await h.wechatCall('DELETE', '/__inspect/sms')).body).toEqual({ cleared: 1 });
    expect(h.gateway.messages()).toEqual([]);
  });

  it('accepts the phone as +86…, 86… or 11 digits; the list shows 11 digits', async () => {
    await h.provider.send({ phone: '+8613900139000', ...confirmed() });
    await h.provider.send({ phone: '139 0013 9001', ...confirmed() });
    expect(h.gateway.messages().map((m) => [m.phone, m.code])).toEqual([
      ['13900139000', 'Ok'],
      ['13900139001', 'Ok'],
    ]);
  });

  it('a wrong secret key is refused (AuthFailure.SignatureFailure, invalid) and the refusal listed', async () => {
    const wrong = h.newProvider({ secretKey: 'not-the-secret' });
    const error = await rejection(wrong.send({ phone: PHONE, ...confirmed() }));
    expect(error).toBeInstanceOf(SmsError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'AuthFailure.SignatureFailure', provider: 'tencent' });
    expect(error.requestId).toEqual(expect.any(String));
    expect(h.gateway.messages()).toEqual([expect.objectContaining({ phone: PHONE, template: 'accident_confirmed', code: 'AuthFailure.SignatureFailure' })]);
    expect(h.gateway.messages()[0]!.messageId).toBeUndefined();
  });

  it('an unknown SecretId is refused (AuthFailure.SecretIdNotFound)', async () => {
    const error = await rejection(h.newProvider({ secretId: 'AKIDunknown' }).send({ phone: PHONE, ...confirmed() }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'AuthFailure.SecretIdNotFound' });
  });

  it('an invalid phone → invalid (InvalidParameterValue.IncorrectPhoneNumber), listed as given', async () => {
    const error = await rejection(h.provider.send({ phone: '12345', ...confirmed() }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'InvalidParameterValue.IncorrectPhoneNumber' });
    expect(h.gateway.messages()).toEqual([expect.objectContaining({ phone: '12345', code: 'InvalidParameterValue.IncorrectPhoneNumber' })]);
  });

  it('a template id the provider does not know, or params that do not match it → invalid', async () => {
    const unknown = h.newProvider({ templates: { accident_confirmed: '9999999' } });
    expect(await rejection(unknown.send({ phone: PHONE, ...confirmed() }))).toMatchObject({
      kind: 'invalid',
      code: 'FailedOperation.TemplateIncorrectOrUnapproved',
    });
    // accident_confirmed's one param sent under exam_result's id (three params).
    const mismatched = h.newProvider({ templates: { accident_confirmed: FAKE_SMS.templates.exam_result } });
    expect(await rejection(mismatched.send({ phone: PHONE, ...confirmed() }))).toMatchObject({
      kind: 'invalid',
      code: 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
    });
  });

  it('a key without a configured template id is refused before any request (TemplateNotConfigured)', async () => {
    const partial = h.newProvider({ templates: {} });
    expect(await rejection(partial.send({ phone: PHONE, ...confirmed() }))).toMatchObject({ kind: 'invalid', code: 'TemplateNotConfigured' });
    expect(h.gateway.messages()).toEqual([]);
  });

  it('a wrong SmsSdkAppId or SignName → invalid', async () => {
    expect(await rejection(h.newProvider({ sdkAppId: '1400999999' }).send({ phone: PHONE, ...confirmed() }))).toMatchObject({
      kind: 'invalid',
      code: 'InvalidParameterValue.SdkAppIdNotExist',
    });
    expect(await rejection(h.newProvider({ signName: '别的签名' }).send({ phone: PHONE, ...confirmed() }))).toMatchObject({
      kind: 'invalid',
      code: 'FailedOperation.SignatureIncorrectOrUnapproved',
    });
  });

  it('status 503 twice (a fault set on the fake WeChat) → retryable twice, then sent', async () => {
    const set = await h.wechatCall('POST', '/__faults', { path: SEND, status: 503, times: 2 });
    expect(set.status).toBe(200);
    expect(set.body.faults).toEqual([{ path: SEND, status: 503, times: 2 }]);
    for (let i = 0; i < 2; i++) {
      const error = await rejection(h.provider.send({ phone: PHONE, ...confirmed() }));
      expect(error).toBeInstanceOf(SmsError);
      expect(error).toMatchObject({ kind: 'retryable', status: 503, code: 'HTTP503' });
    }
    await expect(h.provider.send({ phone: PHONE, ...confirmed() })).resolves.toMatchObject({ messageId: expect.any(String) });
    expect((await h.wechatCall('GET', '/__faults')).body.faults).toEqual([]);
    expect(h.gateway.messages().map((m) => [m.code, m.status])).toEqual([
      [null, 503],
      [null, 503],
      ['Ok', undefined],
    ]);
  });

  it('provider errors by code: InternalError.Timeout → retryable; RequestLimitExceeded → retryable', async () => {
    await h.wechatCall('POST', '/__faults', { path: SEND, code: 'InternalError.Timeout', times: 1 });
    await h.wechatCall('POST', '/__faults', { path: SEND, code: 'RequestLimitExceeded', times: 1 });
    expect(await rejection(h.provider.send({ phone: PHONE, ...confirmed() }))).toMatchObject({ kind: 'retryable', code: 'InternalError.Timeout' });
    expect(await rejection(h.provider.send({ phone: PHONE, ...confirmed() }))).toMatchObject({ kind: 'retryable', code: 'RequestLimitExceeded' });
    await h.provider.send({ phone: PHONE, ...confirmed() });
  });

  it("the provider's per-phone frequency limit → quota, with when it lifts", async () => {
    await h.wechatCall('POST', '/__faults', { path: SEND, code: 'LimitExceeded.PhoneNumberDailyLimit', times: 1 });
    const daily = await rejection(h.provider.send({ phone: PHONE, ...confirmed() }));
    expect(daily).toMatchObject({ kind: 'quota', code: 'LimitExceeded.PhoneNumberDailyLimit' });
    expect(daily.retryAfterMs).toBeGreaterThan(0);
    expect(daily.retryAfterMs).toBeLessThanOrEqual(86_400_000);
    await h.wechatCall('POST', '/__faults', { path: SEND, code: 'LimitExceeded.PhoneNumberThirtySecondLimit', times: 1 });
    expect(await rejection(h.provider.send({ phone: PHONE, ...confirmed() }))).toMatchObject({ kind: 'quota', retryAfterMs: 30_000 });
    expect(h.gateway.messages().map((m) => m.code)).toEqual(['LimitExceeded.PhoneNumberDailyLimit', 'LimitExceeded.PhoneNumberThirtySecondLimit']);
  });

  it('a delay past the client timeout → retryable (NetworkError)', async () => {
    const impatient = h.newProvider({ timeoutMs: 200 });
    await h.wechatCall('POST', '/__faults', { path: SEND, delayMs: 20_000, times: 1 });
    const started = Date.now();
    const error = await rejection(impatient.send({ phone: PHONE, ...confirmed() }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ kind: 'retryable', code: 'NetworkError' });
  });

  it('a refused fault is answered 400; DELETE /__faults clears the SMS faults too', async () => {
    expect((await h.wechatCall('POST', '/__faults', { path: '/sms/Nope', status: 503 })).status).toBe(400);
    expect((await h.wechatCall('POST', '/__faults', { path: SEND, code: 7 })).status).toBe(400);
    await h.wechatCall('POST', '/__faults', { path: SEND, status: 500 });
    await h.wechatCall('POST', '/__faults', { path: '/cgi-bin/message/subscribe/send', errcode: -1 });
    expect((await h.wechatCall('GET', '/__faults')).body.faults).toHaveLength(2);
    expect((await h.wechatCall('DELETE', '/__faults')).body).toEqual({ cleared: 2 });
    await h.provider.send({ phone: PHONE, ...confirmed() });
  });

  it('params are cut to the limits at a character boundary, and the fake accepts them', async () => {
    const long = buildSms('accident_returned', {
      caseId: 1,
      caseNumber: 'SG20261209123456',
      reason: '照片模糊看不清车牌号码😀请在白天重新拍摄车辆全景',
    });
    expect(long.params[0]).toBe('SG20261209123456');
    expect(long.params[1]!.length).toBeLessThanOrEqual(12);
    expect(long.params[1]!.endsWith('…')).toBe(true);
    expect(long.params[1]).not.toMatch(/[\uD800-\uDBFF]$|[\uD800-\uDBFF]…$/);
    await h.provider.send({ phone: PHONE, ...long });

    // Raw, overlong params are cut by send() as well.
    await h.provider.send({ phone: PHONE, template: 'claim_settled', params: ['SG20261209123456', '中国人民财产保险股份有限公司枣庄市分公司'] });
    const [, second] = h.gateway.messages();
    expect(second).toMatchObject({ code: 'Ok', params: ['SG20261209123456', '中国人民财产保险股份有…'] });
    expect(second!.params[1]).toHaveLength(12);
  });

  it('receipts are pulled after a send (SUCCESS → DELIVERED), each once', async () => {
    const a = await h.provider.send({ phone: PHONE, ...confirmed(), sessionContext: 'outbox:1' });
    const b = await h.provider.send({ phone: '13900139000', ...confirmed() });
    const receipts = await h.provider.pullReceipts();
    expect(receipts).toEqual([
      { messageId: a.messageId, phone: PHONE, status: 'DELIVERED', deliveredAt: expect.any(Date), description: '用户短信接收成功', sessionContext: 'outbox:1' },
      { messageId: b.messageId, phone: '13900139000', status: 'DELIVERED', deliveredAt: expect.any(Date), description: '用户短信接收成功' },
    ]);
    expect(await h.provider.pullReceipts()).toEqual([]);
  });

  it('a pull that fails is classified like a send', async () => {
    await h.wechatCall('POST', '/__faults', { path: '/sms/PullSmsSendStatus', status: 502, times: 1 });
    expect(await rejection(h.provider.pullReceipts())).toMatchObject({ kind: 'retryable', status: 502 });
    expect(await h.provider.pullReceipts()).toEqual([]);
  });
});

describe('fake gateway options', () => {
  it('perPhoneDailyLimit → LimitExceeded.PhoneNumberDailyLimit (quota) for that phone only', async () => {
    const h = await startSmsHarness({ perPhoneDailyLimit: 2 });
    try {
      const msg = buildSms('exam_booking_rejected', { bookingId: 1, subject: 1, startsAt: new Date('2026-12-09T01:00:00Z'), venue: '枣庄考场' });
      await h.provider.send({ phone: PHONE, ...msg });
      await h.provider.send({ phone: PHONE, ...msg });
      expect(await rejection(h.provider.send({ phone: PHONE, ...msg }))).toMatchObject({ kind: 'quota', code: 'LimitExceeded.PhoneNumberDailyLimit' });
      await h.provider.send({ phone: '13900139000', ...msg });
      expect(h.gateway.messages().map((m) => m.code)).toEqual(['Ok', 'Ok', 'LimitExceeded.PhoneNumberDailyLimit', 'Ok']);
      expect(h.gateway.messages()[0]!.text).toBe('【交管服务】您申请的科目一考试（12月9日 09:00）名额已满，本次未获安排，请在交管服务小程序预约其他场次。');
    } finally {
      await h.close();
    }
  });

  it('undeliverablePhones → receipts with FAILED', async () => {
    const h = await startSmsHarness({ undeliverablePhones: [PHONE] });
    try {
      const sent = await h.provider.send({ phone: PHONE, ...buildSms('accident_transferred', { caseId: 1, caseNumber: 'SG20261209000001' }) });
      expect(await h.provider.pullReceipts()).toEqual([expect.objectContaining({ messageId: sent.messageId, status: 'FAILED' })]);
    } finally {
      await h.close();
    }
  });

  it('a fake WeChat without a gateway says so at /__inspect/sms', async () => {
    const { createFakeWechat } = await import('../../src/wechat/fake');
    const server = await createFakeWechat().listen(0);
    try {
      const response = await fetch(`${server.url}/__inspect/sms`);
      expect(response.status).toBe(400);
      expect((await fetch(`${server.url}/__faults`, { method: 'POST', body: JSON.stringify({ path: SEND, status: 503 }) })).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
