// The fake WeChat's follower list on the wire: cgi-bin/user/get pages, user/info/batchget, /__followers.
import { fakeOfficialAccountOpenId, fakeUnionId } from '../../src/wechat/fake';
import { startFake, type FakeHarness } from './helpers';

const OA = { appid: 'wx-fake-oa-appid', secret: 'fake-oa-secret' };
const follower = (name: string) => ({ openid: fakeOfficialAccountOpenId(name), unionid: fakeUnionId(name) });

describe('fake WeChat followers', () => {
  let h: FakeHarness;
  let token: string;
  beforeAll(async () => {
    h = await startFake({ followers: [follower('amy')] });
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.fake.reset();
    token = (await h.call('POST', '/cgi-bin/stable_token', { grant_type: 'client_credential', ...OA })).body.access_token;
  });

  const userGet = (next = '') => h.call('GET', `/cgi-bin/user/get?access_token=${token}&next_openid=${next}`);
  const batchget = (openids: string[]) =>
    h.call('POST', `/cgi-bin/user/info/batchget?access_token=${token}`, {
      user_list: openids.map((openid) => ({ openid, lang: 'zh_CN' })),
    });

  it('starts with the followers of its options and returns to them on reset', async () => {
    expect((await userGet()).body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      total: 1,
      count: 1,
      data: { openid: [follower('amy').openid] },
      next_openid: follower('amy').openid,
    });
    await h.call('POST', '/__followers', { followers: [] });
    expect((await userGet()).body).toMatchObject({ total: 0, count: 0, next_openid: '' });
    h.fake.reset();
    expect((await h.call('GET', '/__followers')).body).toEqual({ followers: [follower('amy')], pageSize: 10_000 });
  });

  it('pages like WeChat: next_openid is the last of the page, the page after the last is empty', async () => {
    const list = ['a', 'b', 'c'].map(follower);
    expect((await h.call('POST', '/__followers', { followers: list, pageSize: 2 })).status).toBe(200);
    const first = (await userGet()).body;
    expect(first).toMatchObject({ total: 3, count: 2, data: { openid: [list[0]!.openid, list[1]!.openid] } });
    const second = (await userGet(first.next_openid)).body;
    expect(second).toMatchObject({ total: 3, count: 1, data: { openid: [list[2]!.openid] }, next_openid: list[2]!.openid });
    const third = (await userGet(second.next_openid)).body;
    expect(third).toEqual({ errcode: 0, errmsg: 'ok', total: 3, count: 0, next_openid: '' });
    expect((await userGet('oa-unknown')).body.errcode).toBe(40003);
  });

  it('batchget answers subscribe, openid and unionid (none for a follower not bound, subscribe 0 for others)', async () => {
    await h.call('POST', '/__followers', { followers: [follower('bo'), { openid: 'oa-unbound' }] });
    const { body } = await batchget([follower('bo').openid, 'oa-unbound', 'oa-gone']);
    expect(body.user_info_list).toEqual([
      { subscribe: 1, openid: follower('bo').openid, unionid: follower('bo').unionid, language: 'zh_CN' },
      { subscribe: 1, openid: 'oa-unbound', language: 'zh_CN' },
      { subscribe: 0, openid: 'oa-gone' },
    ]);
    expect((await batchget(Array.from({ length: 101 }, (_, i) => `oa-${i}`))).body.errcode).toBe(45158);
  });

  it('answers only to the official account, and its faults apply', async () => {
    const mp = (await h.call('POST', '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx-fake-appid', secret: 'fake-secret' }))
      .body.access_token;
    expect((await h.call('GET', `/cgi-bin/user/get?access_token=${mp}`)).body.errcode).toBe(48001);
    await h.call('POST', '/__faults', { path: '/cgi-bin/user/get', errcode: 45009, times: 1 });
    expect((await userGet()).body.errcode).toBe(45009);
    expect((await userGet()).body.errcode).toBe(0);
  });

  it('refuses a malformed follower list', async () => {
    expect((await h.call('POST', '/__followers', { followers: [{ openid: 'bad id' }] })).status).toBe(400);
    expect((await h.call('POST', '/__followers', { followers: [{ openid: 'x' }, { openid: 'x' }] })).status).toBe(400);
    expect((await h.call('POST', '/__followers', { followers: [], pageSize: 0 })).status).toBe(400);
  });
});
