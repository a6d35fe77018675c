// The outbox dispatcher against the fake WeChat (faults injected over HTTP): quota, retries, races, tokens.
import { loginDriver, startTestContext, type TestContext } from '../support/context';
import { backoffMs } from '../../src/modules/notifications/dispatcher';
import { fakeOpenId } from '../../src/wechat/fake';
import {
  SEND, TEMPLATE_SEND, accidentEvent, addFault, delivered, dispatchUntilIdle, dispatcherFor, fake, resetFake, subscribedDriver,
} from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  await resetFake(ctx);
});

const statuses = async () =>
  (await ctx.db.notificationOutbox.findMany({ orderBy: { id: 'asc' }, select: { status: true } })).map((r) => r.status);
const remaining = async (driverId: number) =>
  (await ctx.db.subscriptionQuota.findFirst({ where: { driverId, templateKey: 'accident_progress' } }))?.remaining;

describe('subscribe messages', () => {
  it('sends to a subscribed user once, spending one grant, with a valid page and data', async () => {
    const d = await subscribedDriver(ctx, 2);
    await accidentEvent(ctx, d.id, 1);
    const dispatcher = dispatcherFor(ctx);
    await dispatcher.drain();
    await dispatcher.drain();
    const sent = await delivered(ctx);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({
      touser: d.openid,
      template_id: 'tmpl-accident-progress',
      page: 'pages/accident/detail/index?id=1',
      data: { character_string1: { value: 'SG2026000001' }, phrase2: { value: '待审核' } },
    });
    expect(await statuses()).toEqual(['SENT']);
    expect(await remaining(d.id)).toBe(1);
  });

  it('skips a user with no grant, without calling WeChat, and keeps the message-centre entry', async () => {
    const d = await loginDriver(ctx);
    await accidentEvent(ctx, d.id, 1);
    await dispatcherFor(ctx).drain();
    expect(await statuses()).toEqual(['SKIPPED']);
    expect((await ctx.db.notificationOutbox.findFirstOrThrow()).lastError).toContain('订阅');
    expect(await fake(ctx, 'GET', `/__inspect/messages?path=${SEND}`)).toEqual({ items: [] });
    const centre = await ctx.http.get('/api/me/notifications').set('Authorization', `Bearer ${d.token}`);
    expect(centre.body.total).toBe(1);
  });

  it('spends one grant per message: a second message with one grant is skipped', async () => {
    const d = await subscribedDriver(ctx, 1);
    await accidentEvent(ctx, d.id, 1);
    await accidentEvent(ctx, d.id, 2);
    await dispatcherFor(ctx).drain();
    expect((await statuses()).sort()).toEqual(['SENT', 'SKIPPED']);
    expect(await delivered(ctx)).toHaveLength(1);
  });

  it('43101 from WeChat zeroes the quota and chooses again: no other channel, so skipped', async () => {
    const d = await subscribedDriver(ctx, 3);
    await fake(ctx, 'POST', '/__subscriptions', { openid: d.openid, templateId: 'tmpl-accident-progress', count: 0 });
    await accidentEvent(ctx, d.id, 1);
    const dispatcher = dispatcherFor(ctx);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    expect(await statuses()).toEqual(['SKIPPED']);
    expect(await remaining(d.id)).toBe(0);
  });

  it('47003 fails the message for good, naming the field, and gives the grant back', async () => {
    const d = await subscribedDriver(ctx, 1);
    await addFault(ctx, { path: SEND, errcode: 47003, errmsg: 'argument invalid! data.thing3.value invalid', times: 1 });
    await accidentEvent(ctx, d.id, 1);
    const dispatcher = dispatcherFor(ctx);
    await dispatcher.drain();
    await new Promise((r) => setTimeout(r, 150));
    await dispatcher.drain();
    const row = await ctx.db.notificationOutbox.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.lastError).toContain('thing3');
    expect(await remaining(d.id)).toBe(1);
  });

  it('a scheduled message waits for its time', async () => {
    const d = await subscribedDriver(ctx, 1);
    await accidentEvent(ctx, d.id, 1, new Date(Date.now() + 60 * 60_000));
    await dispatcherFor(ctx).drain();
    expect(await statuses()).toEqual(['PENDING']);
    expect(await ctx.db.messageCentreEntry.count()).toBe(1);
    await ctx.db.notificationOutbox.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    await dispatcherFor(ctx).drain();
    expect(await statuses()).toEqual(['SENT']);
  });
});

describe('WeChat failing for a while', () => {
  it.each([
    ['errcode -1', { errcode: -1 }],
    ['HTTP 503', { status: 503 }],
    // WeChat hangs past our timeout without taking the message (it answers 503 after we gave up).
    ['timeouts', { delayMs: 2000, status: 503 }],
  ])('%s: every message is delivered after recovery, none twice', async (_name, fault) => {
    const drivers = await Promise.all([1, 2, 3].map(() => subscribedDriver(ctx, 5)));
    for (const d of drivers) for (let n = 1; n <= 4; n++) await accidentEvent(ctx, d.id, n);
    await addFault(ctx, { path: SEND, ...fault, times: 20 });
    const dispatcher = dispatcherFor(ctx, {}, 300);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    const sent = await delivered(ctx);
    const keys = sent.map((m) => `${m.body.touser}/${m.body.data.character_string1.value}`);
    expect(keys).toHaveLength(12);
    expect(new Set(keys).size).toBe(12);
    expect(await statuses()).toEqual(Array(12).fill('SENT'));
    const rows = await ctx.db.notificationOutbox.findMany();
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
    for (const d of drivers) expect(await remaining(d.id)).toBe(1);
  });

  it('a timeout after which WeChat still delivered is sent again: at least once, never lost', async () => {
    const d = await subscribedDriver(ctx, 3);
    await accidentEvent(ctx, d.id, 1);
    await addFault(ctx, { path: SEND, delayMs: 1000, times: 1 });
    const dispatcher = dispatcherFor(ctx, {}, 300);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    const sent = await delivered(ctx);
    expect(sent.length).toBe(2);
    expect(await statuses()).toEqual(['SENT']);
  });

  it('gives up as FAILED after the maximum attempts, with the last error', async () => {
    const d = await subscribedDriver(ctx, 1);
    await accidentEvent(ctx, d.id, 1);
    await addFault(ctx, { path: SEND, errcode: -1 });
    const dispatcher = dispatcherFor(ctx, { maxAttempts: 3 });
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    const row = await ctx.db.notificationOutbox.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(row.lastError).toContain('-1');
    expect(await remaining(d.id)).toBe(1);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, 2000, 300_000, () => 0)).toBe(1000);
    expect(backoffMs(1, 2000, 300_000, () => 1)).toBe(2000);
    expect(backoffMs(4, 2000, 300_000, () => 1)).toBe(16_000);
    expect(backoffMs(30, 2000, 300_000, () => 1)).toBe(300_000);
    expect(backoffMs(30, 2000, 300_000, () => 0)).toBe(150_000);
  });
});

describe('two dispatchers racing over the same outbox', () => {
  it('send each message exactly once', async () => {
    const drivers = await Promise.all([1, 2, 3, 4].map(() => subscribedDriver(ctx, 30)));
    for (const d of drivers) for (let n = 1; n <= 25; n++) await accidentEvent(ctx, d.id, n);
    const a = dispatcherFor(ctx, { batchSize: 10 });
    const b = dispatcherFor(ctx, { batchSize: 10 });
    await Promise.all([dispatchUntilIdle(ctx, () => a.drain()), dispatchUntilIdle(ctx, () => b.drain())]);
    const sent = await delivered(ctx);
    const keys = new Set(sent.map((m) => `${m.body.touser}/${m.body.data.character_string1.value}`));
    expect(sent).toHaveLength(100);
    expect(keys.size).toBe(100);
    for (const d of drivers) expect(await remaining(d.id)).toBe(5);
  });
});

describe('access token', () => {
  it('an expired token (42001) is refreshed once and the message still goes out', async () => {
    const d = await subscribedDriver(ctx, 2);
    await accidentEvent(ctx, d.id, 1);
    const dispatcher = dispatcherFor(ctx);
    await dispatcher.drain();
    await fake(ctx, 'POST', '/__tokens/expire', {});
    await accidentEvent(ctx, d.id, 2);
    await dispatcher.drain();
    expect(await statuses()).toEqual(['SENT', 'SENT']);
    const { items } = await fake(ctx, 'GET', `/__inspect/messages?path=${SEND}`);
    expect(items.map((m: any) => m.errcode)).toEqual([0, 42001, 0]);
    expect(await ctx.db.wechatAccessToken.count()).toBe(1);
  });

  it('40001 drops the stored token, fetches once more and retries', async () => {
    const d = await subscribedDriver(ctx, 1);
    await accidentEvent(ctx, d.id, 1);
    await addFault(ctx, { path: SEND, errcode: 40001, times: 1 });
    const dispatcher = dispatcherFor(ctx);
    await dispatcher.drain();
    expect(await statuses()).toEqual(['SENT']);
    const { items } = await fake(ctx, 'GET', `/__inspect/messages?path=${SEND}`);
    expect(items.map((m: any) => m.errcode)).toEqual([40001, 0]);
  });

  it('is fetched once and shared through the database by every process', async () => {
    const { createWechatClients } = await import('../../src/wechat');
    const stores = [1, 2, 3].map(() => createWechatClients(ctx.deps.config, ctx.db).tokens);
    const appId = ctx.deps.config.wechat.appId;
    let fetches = 0;
    const fetcher = async () => {
      fetches += 1;
      await new Promise((r) => setTimeout(r, 50));
      return { accessToken: 'shared-token', expiresIn: 7200 };
    };
    const tokens = await Promise.all(stores.flatMap((s) => [s.get(appId, fetcher), s.get(appId, fetcher)]));
    expect(new Set(tokens)).toEqual(new Set(['shared-token']));
    expect(fetches).toBe(1);
    expect((await ctx.db.wechatAccessToken.findUniqueOrThrow({ where: { appId } })).token).toBe('shared-token');
  });

  it('is refreshed ahead of expiry', async () => {
    const { TokenStore } = await import('../../src/wechat/token-store');
    const appId = 'refresh-test';
    await ctx.db.wechatAccessToken.create({ data: { appId, token: 'old', expiresAt: new Date(Date.now() + 4 * 60_000) } });
    const store = new TokenStore(ctx.db);
    const token = await store.get(appId, async () => ({ accessToken: 'new', expiresIn: 7200 }));
    expect(token).toBe('new');
  });
});

describe('official-account template messages (wechat-api behind our adapter)', () => {
  async function follower(grants = 0, openid = 'oa-openid-1') {
    const d = grants > 0 ? await subscribedDriver(ctx, grants) : await loginDriver(ctx);
    const driver = await ctx.db.driver.update({ where: { id: d.id }, data: { followsOfficialAccount: true } });
    await ctx.db.officialAccountFollower.create({ data: { unionid: driver.unionid!, openid } });
    return d;
  }

  it('go to a follower without a subscribe grant, through our token store, opening the mini-program', async () => {
    const d = await follower();
    await accidentEvent(ctx, d.id, 1);
    await dispatcherFor(ctx).drain();
    expect(await statuses()).toEqual(['SENT']);
    expect((await ctx.db.notificationOutbox.findFirstOrThrow()).channel).toBe('OFFICIAL_TEMPLATE');
    const [msg] = await delivered(ctx, TEMPLATE_SEND);
    expect(msg.body).toMatchObject({
      touser: 'oa-openid-1',
      template_id: 'oa-tmpl-accident-progress',
      miniprogram: { appid: ctx.deps.config.wechat.appId, pagepath: 'pages/accident/detail/index?id=1' },
      data: { first: { value: '已提交民警审核' } },
    });
    expect(await ctx.db.wechatAccessToken.findUnique({ where: { appId: 'wx-fake-oa-appid' } })).not.toBeNull();
  });

  it('are not sent to a follower who holds a subscribe grant: one push per event, the subscribe message', async () => {
    const d = await follower(1);
    await accidentEvent(ctx, d.id, 1);
    await dispatcherFor(ctx).drain();
    expect(await statuses()).toEqual(['SENT']);
    expect(await delivered(ctx)).toHaveLength(1);
    expect(await delivered(ctx, TEMPLATE_SEND)).toHaveLength(0);
  });

  it('take over when the grant turns out spent (43101): the follower still hears, once', async () => {
    const d = await follower(1, 'oa-openid-3');
    await fake(ctx, 'POST', '/__subscriptions', { openid: fakeOpenId(d.name), templateId: 'tmpl-accident-progress', count: 0 });
    await accidentEvent(ctx, d.id, 1);
    const dispatcher = dispatcherFor(ctx);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    expect(await statuses()).toEqual(['SENT']);
    expect((await ctx.db.notificationOutbox.findFirstOrThrow()).channel).toBe('OFFICIAL_TEMPLATE');
    expect((await delivered(ctx, TEMPLATE_SEND)).map((m) => m.body.touser)).toEqual(['oa-openid-3']);
  });

  it('retries a 40001 once with a fresh token and survives a 503', async () => {
    const d = await loginDriver(ctx);
    const driver = await ctx.db.driver.update({ where: { id: d.id }, data: { followsOfficialAccount: true } });
    await ctx.db.officialAccountFollower.create({ data: { unionid: driver.unionid!, openid: 'oa-openid-2' } });
    await accidentEvent(ctx, d.id, 1);
    await addFault(ctx, { path: TEMPLATE_SEND, errcode: 40001, times: 1 });
    await addFault(ctx, { path: TEMPLATE_SEND, status: 503, times: 1 });
    const dispatcher = dispatcherFor(ctx);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    const row = await ctx.db.notificationOutbox.findFirstOrThrow({ where: { channel: 'OFFICIAL_TEMPLATE' } });
    expect(row.status).toBe('SENT');
    const { items } = await fake(ctx, 'GET', `/__inspect/messages?path=${TEMPLATE_SEND}`);
    expect(items.map((m: any) => m.errcode ?? m.status)).toEqual([40001, 503, 0]);
  });

  it('are not chosen for a driver whose flag says follower but who is not in the follower list', async () => {
    const d = await loginDriver(ctx);
    await ctx.db.driver.update({ where: { id: d.id }, data: { followsOfficialAccount: true } });
    await accidentEvent(ctx, d.id, 1);
    await dispatcherFor(ctx).drain();
    const row = await ctx.db.notificationOutbox.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'SKIPPED', channel: 'AUTO' });
    expect(row.lastError).toContain('订阅次数');
    expect(await delivered(ctx, TEMPLATE_SEND)).toHaveLength(0);
  });
});


describe('a notice notified again after it was sent', () => {
  it('is not pushed twice: one outbox row per dedupe key, whichever channel it went out on', async () => {
    const d = await subscribedDriver(ctx, 3);
    await accidentEvent(ctx, d.id, 1);
    const dispatcher = dispatcherFor(ctx);
    await dispatcher.drain();
    await accidentEvent(ctx, d.id, 1);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    expect(await delivered(ctx)).toHaveLength(1);
    expect(await statuses()).toEqual(['SENT']);
    expect(await remaining(d.id)).toBe(2);
  });
});
