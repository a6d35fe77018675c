// Fault injection of the fake WeChat (/__faults) and how the client classifies the failures it causes.
import { fakeOpenId } from '../../src/wechat/fake';
import { MiniProgramClient, WechatError } from '../../src/wechat/mini-program-client';
import { APP_ID, SECRET, rejection, startFake, type FakeHarness } from './helpers';

const alice = fakeOpenId('alice');
const SEND = '/cgi-bin/message/subscribe/send';
const data = { thing1: '事故快处进度', phrase2: '已受理' };

describe('fake WeChat faults', () => {
  let h: FakeHarness;
  beforeAll(async () => {
    h = await startFake();
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  const send = () => h.client.sendSubscribeMessage({ openid: alice, templateId: 't', data });

  it('errcode -1 for 2 times, then OK; the refused ones are inspected with their errcode', async () => {
    await h.client.getStableToken();
    const { status, body } = await h.call('POST', '/__faults', { path: SEND, errcode: -1, times: 2 });
    expect(status).toBe(200);
    expect(body.faults).toEqual([{ path: SEND, errcode: -1, errmsg: 'system error', times: 2 }]);
    for (let i = 0; i < 2; i++) {
      const error = await rejection(send());
      expect(error).toBeInstanceOf(WechatError);
      expect(error).toMatchObject({ errcode: -1, errmsg: 'system error', kind: 'retryable', path: SEND });
      expect(error.status).toBeUndefined();
    }
    await expect(send()).resolves.toMatchObject({ msgid: expect.any(Number) });
    expect((await h.call('GET', '/__faults')).body.faults).toEqual([]);
    const items = (await h.call('GET', '/__inspect/messages')).body.items;
    expect(items.map((m: { errcode: number }) => m.errcode)).toEqual([-1, -1, 0]);
    expect(items[0].body.touser).toBe(alice);
  });

  it('status 503 answers that HTTP status: retryable, status kept', async () => {
    await h.call('POST', '/__faults', { path: SEND, status: 503 });
    const error = await rejection(send());
    expect(error).toMatchObject({ kind: 'retryable', status: 503, errcode: -2, path: SEND });
    // Without times the fault stays until cleared.
    expect(await rejection(send())).toMatchObject({ status: 503 });
    expect(h.fake.messages().map((m) => [m.errcode, m.status])).toEqual([
      [null, 503],
      [null, 503],
    ]);
    expect((await h.call('DELETE', '/__faults')).body).toEqual({ cleared: 1 });
    await send();
  });

  it('delayMs with a client timeout → WechatError kind retryable (errcode -2)', async () => {
    const impatient = h.newClient({ timeoutMs: 150 });
    await impatient.getStableToken();
    await h.call('POST', '/__faults', { path: SEND, delayMs: 20_000, times: 1 });
    const started = Date.now();
    const error = await rejection(impatient.sendSubscribeMessage({ openid: alice, templateId: 't', data }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ errcode: -2, kind: 'retryable', path: SEND });
    expect(error.errmsg).toMatch(/timed out after 150ms/);
    expect(error.status).toBeUndefined();
  });

  it('delayMs shorter than the timeout answers normally after the delay', async () => {
    await h.call('POST', '/__faults', { path: '/wxa/msg_sec_check', delayMs: 200, times: 1 });
    const started = Date.now();
    await expect(h.client.msgSecCheck({ openid: alice, content: 'hi' })).resolves.toMatchObject({ suggest: 'pass' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('applies to jscode2session and the token endpoints too', async () => {
    await h.call('POST', '/__faults', { path: '/sns/jscode2session', errcode: 45011, times: 1 });
    await h.call('POST', '/__faults', { path: '/cgi-bin/stable_token', status: 502, times: 1 });
    await h.call('POST', '/__faults', { path: '/cgi-bin/token', errcode: -1, times: 1 });
    expect(await rejection(h.client.code2Session('fake:alice'))).toMatchObject({ errcode: 45011, kind: 'retryable' });
    // The faulted call did not use the code up.
    await expect(h.client.code2Session('fake:alice')).resolves.toMatchObject({ openid: alice });
    expect(await rejection(h.client.getStableToken())).toMatchObject({ status: 502, kind: 'retryable' });
    await expect(h.client.getStableToken()).resolves.toMatchObject({ expiresIn: 7200 });
    const token = await h.call('GET', `/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${SECRET}`);
    expect(token.body).toEqual({ errcode: -1, errmsg: 'system error' });
  });

  it('queues faults for a path in the order they were set', async () => {
    await h.call('POST', '/__faults', { path: SEND, errcode: 45009, times: 1 });
    await h.call('POST', '/__faults', { path: SEND, errcode: 43101, times: 1 });
    expect(await rejection(send())).toMatchObject({ errcode: 45009, kind: 'retryable' });
    expect(await rejection(send())).toMatchObject({ errcode: 43101, kind: 'quota' });
    await send();
  });

  it.each([
    [{ errcode: -1 }],
    [{ path: SEND }],
    [{ path: SEND, errcode: 0 }],
    [{ path: SEND, status: 200 }],
    [{ path: SEND, delayMs: -5 }],
    [{ path: SEND, errcode: -1, times: 0 }],
    [{ path: '/__faults', errcode: -1 }],
  ])('refuses the fault %j with 400', async (fault) => {
    const { status, body } = await h.call('POST', '/__faults', fault);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
  });
});

describe('client transport failures', () => {
  it('reports a refused connection as retryable with errcode -2', async () => {
    const h = await startFake();
    const url = h.url;
    await h.close();
    const client = new MiniProgramClient({ baseUrl: url, appId: APP_ID, secret: SECRET, getAccessToken: async () => 't' });
    const error = await rejection(client.code2Session('fake:x'));
    expect(error).toMatchObject({ errcode: -2, kind: 'retryable', path: '/sns/jscode2session' });
    expect(error.errmsg).toMatch(/^network error/);
  });

  it('closes promptly while a delayed request is pending', async () => {
    const h = await startFake();
    await h.call('POST', '/__faults', { path: '/sns/jscode2session', delayMs: 60_000 });
    const pending = rejection(h.client.code2Session('fake:slow'));
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await h.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pending).toMatchObject({ kind: 'retryable' });
  });
});
