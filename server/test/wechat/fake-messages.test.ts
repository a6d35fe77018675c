// The fake WeChat's subscribe messages, template messages, msg_sec_check and request inspection, over loopback HTTP.
import { fakeOpenId } from '../../src/wechat/fake';
import { OfficialAccountClient } from '../../src/wechat/official-account-client';
import { WechatError } from '../../src/wechat/mini-program-client';
import { rejection, startFake, type FakeHarness } from './helpers';

const alice = fakeOpenId('alice');
const bob = fakeOpenId('bob');
const validData = { thing1: '事故快处进度', phrase2: '待审核', time3: '2026-01-05 10:00', car_number4: '鲁DD12345' };

describe('fake WeChat subscribe messages', () => {
  let h: FakeHarness;
  beforeAll(async () => {
    h = await startFake();
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  it('sends a valid message and returns a msgid', async () => {
    const result = await h.client.sendSubscribeMessage({
      openid: alice,
      templateId: 'tmpl-accident-progress',
      page: 'pages/accident/detail?id=1',
      data: validData,
      state: 'trial',
      lang: 'zh_CN',
    });
    expect(result.msgid).toEqual(expect.any(Number));
    const [item] = h.fake.messages();
    expect(item).toMatchObject({
      path: '/cgi-bin/message/subscribe/send',
      errcode: 0,
      body: {
        touser: alice,
        template_id: 'tmpl-accident-progress',
        page: 'pages/accident/detail?id=1',
        miniprogram_state: 'trial',
        data: { thing1: { value: '事故快处进度' }, car_number4: { value: '鲁DD12345' } },
      },
    });
  });

  it.each([
    ['thing3', '一二三四五六七八九十一二三四五六七八九十一'],
    ['phrase2', '审核未通过了'],
    ['time5', '明天上午'],
    ['car_number1', '鲁D123456789'],
    ['number4', '12a'],
    ['remark5', 'x'],
  ])('answers 47003 naming %s', async (key, value) => {
    const error = await rejection(
      h.client.sendSubscribeMessage({ openid: alice, templateId: 't', data: { thing1: 'ok', [key]: value } }),
    );
    expect(error).toBeInstanceOf(WechatError);
    expect(error).toMatchObject({ errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid`, kind: 'invalid' });
  });

  it('answers 40003 for an empty or invalid touser and 40037 for an empty template_id', async () => {
    expect(await rejection(h.client.sendSubscribeMessage({ openid: '', templateId: 't', data: validData }))).toMatchObject({
      errcode: 40003,
    });
    expect(await rejection(h.client.sendSubscribeMessage({ openid: 'not an openid!', templateId: 't', data: validData }))).toMatchObject({
      errcode: 40003,
    });
    expect(await rejection(h.client.sendSubscribeMessage({ openid: alice, templateId: '', data: validData }))).toMatchObject({
      errcode: 40037,
    });
  });

  it('counts one-time grants set through /__subscriptions; none left → 43101 (kind quota)', async () => {
    expect((await h.call('POST', '/__subscriptions', { openid: alice, templateId: 'tmpl-a', count: 2 })).status).toBe(200);
    const send = (templateId: string) => h.client.sendSubscribeMessage({ openid: alice, templateId, data: validData });
    await send('tmpl-a');
    await send('tmpl-a');
    const error = await rejection(send('tmpl-a'));
    expect(error).toMatchObject({ errcode: 43101, errmsg: 'user refuse to accept the msg', kind: 'quota' });
    // Grants are per template: none was set for tmpl-b.
    expect(await rejection(send('tmpl-b'))).toMatchObject({ errcode: 43101 });
    // Users without grants set are unlimited by default.
    await h.client.sendSubscribeMessage({ openid: bob, templateId: 'tmpl-a', data: validData });
    expect((await h.call('GET', '/__subscriptions')).body.items).toEqual([{ openid: alice, templateId: 'tmpl-a', count: 0 }]);
  });

  it('does not use up a grant on a refused message', async () => {
    await h.call('POST', '/__subscriptions', { openid: alice, templateId: 'tmpl-a', count: 1 });
    await rejection(h.client.sendSubscribeMessage({ openid: alice, templateId: 'tmpl-a', data: { thing1: '' } }));
    await h.client.sendSubscribeMessage({ openid: alice, templateId: 'tmpl-a', data: validData });
  });

  it('refuses bad /__subscriptions bodies with 400', async () => {
    const { status, body } = await h.call('POST', '/__subscriptions', { openid: alice, count: -1 });
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('fake WeChat with strictSubscriptions and known templates', () => {
  let h: FakeHarness;
  beforeAll(async () => {
    h = await startFake({
      strictSubscriptions: true,
      templates: { 'tmpl-exam': { thing1: '考试科目', time2: '考试时间', phrase3: '结果' } },
    });
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  const examData = { thing1: '科目一', time2: '2026-03-02 09:00', phrase3: '已确认' };

  it('refuses users with no grant (43101) until one is granted', async () => {
    const send = () => h.client.sendSubscribeMessage({ openid: alice, templateId: 'tmpl-exam', data: examData });
    expect(await rejection(send())).toMatchObject({ errcode: 43101, kind: 'quota' });
    await h.call('POST', '/__subscriptions', { openid: alice, templateId: 'tmpl-exam', count: 1 });
    await send();
    expect(await rejection(send())).toMatchObject({ errcode: 43101 });
  });

  it('refuses unknown template ids (40037) and missing or extra keys (47003)', async () => {
    await h.call('POST', '/__subscriptions', { openid: alice, templateId: 'tmpl-exam', count: 5 });
    const send = (templateId: string, data: Record<string, string>) =>
      rejection(h.client.sendSubscribeMessage({ openid: alice, templateId, data }));
    expect(await send('tmpl-other', examData)).toMatchObject({ errcode: 40037 });
    expect(await send('tmpl-exam', { thing1: '科目一', time2: '2026-03-02 09:00' })).toMatchObject({
      errcode: 47003,
      errmsg: 'argument invalid! data.phrase3.value invalid',
    });
    expect(await send('tmpl-exam', { ...examData, thing4: '多余' })).toMatchObject({
      errcode: 47003,
      errmsg: 'argument invalid! data.thing4.value invalid',
    });
  });
});

describe('fake WeChat msg_sec_check', () => {
  let h: FakeHarness;
  beforeAll(async () => {
    h = await startFake();
  });
  afterAll(() => h.close());

  it.each([
    ['今天在薛城追尾了', 'pass', 100],
    ['有事加微信聊', 'review', 10001],
    ['带你赌博赚钱', 'risky', 20006],
    ['专业代开发票', 'risky', 20008],
  ] as const)('%s → %s', async (content, suggest, label) => {
    const result = await h.client.msgSecCheck({ openid: alice, content });
    expect(result).toEqual({ suggest, label, traceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/) });
  });

  it('answers the v2 shape with detail', async () => {
    const { accessToken } = await h.client.getStableToken();
    const { body } = await h.call('POST', `/wxa/msg_sec_check?access_token=${accessToken}`, {
      version: 2,
      openid: alice,
      scene: 3,
      content: '赌博',
    });
    expect(body).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      trace_id: expect.any(String),
      result: { suggest: 'risky', label: 20006 },
      detail: expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: '赌博' })]),
    });
  });

  it('uses configured words', async () => {
    const custom = await startFake({ riskyWords: ['违禁'], reviewWords: ['二维码'] });
    try {
      expect((await custom.client.msgSecCheck({ openid: alice, content: '违禁品' })).suggest).toBe('risky');
      expect((await custom.client.msgSecCheck({ openid: alice, content: '扫二维码' })).suggest).toBe('review');
      expect((await custom.client.msgSecCheck({ openid: alice, content: '赌博' })).suggest).toBe('pass');
    } finally {
      await custom.close();
    }
  });

  it('answers 44002 for missing content and 40129 for a bad scene', async () => {
    expect(await rejection(h.client.msgSecCheck({ openid: alice, content: '' }))).toMatchObject({ errcode: 44002 });
    expect(await rejection(h.client.msgSecCheck({ openid: alice, content: 'hi', scene: 9 as 1 }))).toMatchObject({
      errcode: 40129,
      errmsg: 'invalid scene',
    });
  });
});

describe('fake WeChat official-account template messages', () => {
  let h: FakeHarness;
  let oa: OfficialAccountClient;
  beforeAll(async () => {
    h = await startFake();
    let token: string | undefined;
    oa = new OfficialAccountClient({
      baseUrl: h.url,
      appId: 'wx-fake-oa-appid',
      secret: 'fake-oa-secret',
      getAccessToken: async () => (token ??= (await oa.getStableToken()).accessToken),
      invalidateAccessToken: () => {
        token = undefined;
      },
    });
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  it('sends with a mini-program jump and returns a msgid', async () => {
    const result = await oa.sendTemplateMessage({
      openid: 'oa-openid-1',
      templateId: 'oa-tmpl',
      miniprogram: { appid: 'wx-fake-appid', pagepath: 'pages/exam/index' },
      data: { thing1: '约考结果', time2: '2026-03-02 09:00' },
    });
    expect(result.msgid).toEqual(expect.any(Number));
    expect(h.fake.messages()[0]).toMatchObject({
      path: '/cgi-bin/message/template/send',
      errcode: 0,
      body: { touser: 'oa-openid-1', miniprogram: { appid: 'wx-fake-appid' } },
    });
  });

  it('answers 40003 for an empty touser', async () => {
    expect(await rejection(oa.sendTemplateMessage({ openid: '', templateId: 'oa-tmpl', data: {} }))).toMatchObject({
      errcode: 40003,
    });
  });
});

describe('fake WeChat inspection', () => {
  let h: FakeHarness;
  beforeAll(async () => {
    h = await startFake();
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  it('lists every inspected request in order, refused ones included, and DELETE clears them', async () => {
    await h.client.sendSubscribeMessage({ openid: alice, templateId: 't', data: validData });
    await rejection(h.client.sendSubscribeMessage({ openid: alice, templateId: 't', data: { thing3: 'x'.repeat(21) } }));
    await h.client.msgSecCheck({ openid: alice, content: '赌博' });
    await h.call('POST', '/cgi-bin/message/subscribe/send?access_token=bogus', { touser: alice });
    await h.client.code2Session('fake:not-inspected');

    const { status, body } = await h.call('GET', '/__inspect/messages');
    expect(status).toBe(200);
    expect(body.items.map((m: { path: string; errcode: number }) => [m.path, m.errcode])).toEqual([
      ['/cgi-bin/message/subscribe/send', 0],
      ['/cgi-bin/message/subscribe/send', 47003],
      ['/wxa/msg_sec_check', 0],
      ['/cgi-bin/message/subscribe/send', 40001],
    ]);
    for (const item of body.items) {
      expect(new Date(item.at).toISOString()).toBe(item.at);
      expect(item.body).toEqual(expect.any(Object));
    }
    expect(body.items[1].body.data.thing3.value).toBe('x'.repeat(21));
    expect(JSON.stringify(body)).not.toContain('access_token');

    const filtered = await h.call('GET', '/__inspect/messages?path=/wxa/msg_sec_check');
    expect(filtered.body.items).toHaveLength(1);

    expect((await h.call('DELETE', '/__inspect/messages')).status).toBe(200);
    expect((await h.call('GET', '/__inspect/messages')).body).toEqual({ items: [] });
  });

  it('records a malformed body as its raw text', async () => {
    const { accessToken } = await h.client.getStableToken();
    const { body } = await h.call('POST', `/cgi-bin/message/subscribe/send?access_token=${accessToken}`, '{not json');
    expect(body.errcode).toBe(47001);
    expect(h.fake.messages()).toEqual([expect.objectContaining({ body: '{not json', errcode: 47001 })]);
  });

  it('answers WeChat-style for wrong methods and unknown paths', async () => {
    expect((await h.call('GET', '/cgi-bin/message/subscribe/send')).body.errcode).toBe(43002);
    expect((await h.call('POST', '/sns/jscode2session', {})).body.errcode).toBe(43001);
    expect((await h.call('GET', '/cgi-bin/nothing')).status).toBe(404);
    expect((await h.call('GET', '/__nothing')).status).toBe(404);
  });
});
