// The official account's message push: the URL check, signatures (wrong, stale, missing), follow and
// unfollow applied at once to the follower list and the driver's flag, and bad XML refused.
import { pushSignature } from '../../src/modules/notifications/official-account-push';
import { fakeOfficialAccountOpenId, fakeUnionId } from '../../src/wechat/fake';
import { loginDriver } from '../support/context';
import { fake, useFakeContext } from './helpers';
import type { TestContext } from '../support/context';

let ctx: TestContext;
useFakeContext((c) => (ctx = c));

const TOKEN = 'fake-oa-push-token';
const URL = '/api/wechat/official-account/events';

function signed(token = TOKEN, at = Math.floor(Date.now() / 1000)) {
  const timestamp = String(at);
  const nonce = String(Math.floor(Math.random() * 1e9));
  return { signature: pushSignature(token, timestamp, nonce), timestamp, nonce };
}

const eventXml = (openid: string, event: string) =>
  `<xml><ToUserName><![CDATA[gh_fake]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event></xml>`;

const pushEvent = (xml: string, query = signed()) => ctx.http.post(URL).query(query).set('Content-Type', 'text/xml').send(xml);

describe('the official account message push', () => {
  it('answers the URL check with echostr when signed with our token, and refuses another token or an old timestamp', async () => {
    const ok = await ctx.http.get(URL).query({ ...signed(), echostr: 'abc123' });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('abc123');
    expect((await ctx.http.get(URL).query({ ...signed('another-token'), echostr: 'x' })).status).toBe(401);
    expect((await ctx.http.get(URL).query({ ...signed(TOKEN, Math.floor(Date.now() / 1000) - 3600), echostr: 'x' })).status).toBe(401);
    expect((await ctx.http.get(URL).query({ echostr: 'x' })).status).toBe(400);
  });

  it('a follow marks the driver a follower at once; an unfollow clears it', async () => {
    const d = await loginDriver(ctx, 'pushfan');
    const oaOpenid = fakeOfficialAccountOpenId('pushfan');
    await fake(ctx, 'POST', '/__followers', { followers: [{ openid: oaOpenid, unionid: fakeUnionId('pushfan') }] });
    const res = await pushEvent(eventXml(oaOpenid, 'subscribe'));
    expect(res.status).toBe(200);
    expect(res.text).toBe('success');
    expect(await ctx.db.officialAccountFollower.findUnique({ where: { unionid: fakeUnionId('pushfan') } })).toMatchObject({ openid: oaOpenid });
    expect((await ctx.db.driver.findUniqueOrThrow({ where: { id: d.id } })).followsOfficialAccount).toBe(true);

    await fake(ctx, 'POST', '/__followers', { followers: [] });
    expect((await pushEvent(eventXml(oaOpenid, 'unsubscribe'))).status).toBe(200);
    expect(await ctx.db.officialAccountFollower.count()).toBe(0);
    expect((await ctx.db.driver.findUniqueOrThrow({ where: { id: d.id } })).followsOfficialAccount).toBe(false);
  });

  it('changes nothing for an unsigned or forged push, and refuses XML that is not a message', async () => {
    const oaOpenid = fakeOfficialAccountOpenId('forged');
    await fake(ctx, 'POST', '/__followers', { followers: [{ openid: oaOpenid, unionid: fakeUnionId('forged') }] });
    expect((await pushEvent(eventXml(oaOpenid, 'subscribe'), signed('guessed-token'))).status).toBe(401);
    expect(await ctx.db.officialAccountFollower.count()).toBe(0);
    expect((await pushEvent('<html>not xml</html>')).status).toBe(400);
    expect((await pushEvent('<xml><MsgType>event</MsgType></xml>')).status).toBe(400);
    // A JSON body is not what WeChat sends.
    expect((await ctx.http.post(URL).query(signed()).send({ FromUserName: oaOpenid })).status).toBe(400);
    expect(await ctx.db.officialAccountFollower.count()).toBe(0);
  });

  it('acknowledges other messages (a text a follower typed) without changing anything', async () => {
    const xml = `<xml><FromUserName>${fakeOfficialAccountOpenId('talker')}</FromUserName><MsgType>text</MsgType><Content>你好</Content></xml>`;
    const res = await pushEvent(xml);
    expect(res.status).toBe(200);
    expect(await ctx.db.officialAccountFollower.count()).toBe(0);
  });
});
