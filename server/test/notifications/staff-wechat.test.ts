// Staff link their WeChat to be pushed new cases (POST/DELETE /api/me/wechat) and grant new_case.
import { createStaff, loginDriver, loginStaff, type TestContext } from '../support/context';
import { fakeOpenId } from '../../src/wechat/fake';
import { useFakeContext } from './helpers';

let ctx: TestContext;
useFakeContext((c) => (ctx = c));

const code = (name: string) => `fake:${name}:${Math.random()}`;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function officer(username: string) {
  await createStaff(ctx, { username, role: 'OFFICER', unit: 'tengzhou' });
  return loginStaff(ctx, username);
}

describe('staff WeChat link', () => {
  it('stores the openid on the staff account and answers the new_case template id', async () => {
    const token = await officer('link.a');
    const res = await ctx.http.post('/api/me/wechat').set(auth(token)).send({ code: code('officer-a') });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ linked: true, templates: { new_case: 'tmpl-new-case' } });
    const staff = await ctx.db.staff.findUniqueOrThrow({ where: { username: 'link.a' } });
    expect(staff.wechatOpenid).toBe(fakeOpenId('officer-a'));
    // Linking the same WeChat again to the same account is fine.
    expect((await ctx.http.post('/api/me/wechat').set(auth(token)).send({ code: code('officer-a') })).status).toBe(200);
  });

  it('refuses a WeChat user already linked to another staff account (409) and changes nothing', async () => {
    const a = await officer('link.b1');
    const b = await officer('link.b2');
    expect((await ctx.http.post('/api/me/wechat').set(auth(a)).send({ code: code('shared') })).status).toBe(200);
    const res = await ctx.http.post('/api/me/wechat').set(auth(b)).send({ code: code('shared') });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('WECHAT_ALREADY_LINKED');
    expect((await ctx.db.staff.findUniqueOrThrow({ where: { username: 'link.b2' } })).wechatOpenid).toBeNull();
  });

  it("answers 403 to a driver's call and 400 to a missing or invalid code", async () => {
    const driver = await loginDriver(ctx);
    expect((await ctx.http.post('/api/me/wechat').set(auth(driver.token)).send({ code: code('x') })).status).toBe(403);
    expect((await ctx.http.delete('/api/me/wechat').set(auth(driver.token))).status).toBe(403);
    const token = await officer('link.c');
    for (const body of [{}, { code: '' }, { code: 7 }]) {
      const res = await ctx.http.post('/api/me/wechat').set(auth(token)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await ctx.db.staff.findUniqueOrThrow({ where: { username: 'link.c' } })).wechatOpenid).toBeNull();
  });

  it('unlinks, dropping the grants, so another account may link that WeChat', async () => {
    const a = await officer('link.d1');
    await ctx.http.post('/api/me/wechat').set(auth(a)).send({ code: code('moving') });
    await ctx.http.post('/api/me/subscriptions').set(auth(a)).send({ templates: { new_case: 'accept' } });
    const res = await ctx.http.delete('/api/me/wechat').set(auth(a));
    expect(res.status).toBe(200);
    expect(res.body.linked).toBe(false);
    expect(await ctx.db.staffSubscriptionQuota.count()).toBe(0);
    const b = await officer('link.d2');
    expect((await ctx.http.post('/api/me/wechat').set(auth(b)).send({ code: code('moving') })).status).toBe(200);
  });
});

describe('staff subscriptions', () => {
  it('records new_case grants for staff; each accept allows one more message', async () => {
    const token = await officer('sub.a');
    await ctx.http.post('/api/me/subscriptions').set(auth(token)).send({ templates: { new_case: 'accept' } });
    const res = await ctx.http.post('/api/me/subscriptions').set(auth(token)).send({ templates: { new_case: 'accept' } });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ templateKey: 'new_case', remaining: 2, accepted: 2, rejected: 0 }]);
  });

  it('refuses a driver key from staff and new_case from a driver (422), recording nothing', async () => {
    const token = await officer('sub.b');
    const staffRes = await ctx.http.post('/api/me/subscriptions').set(auth(token)).send({ templates: { accident_progress: 'accept' } });
    expect(staffRes.status).toBe(422);
    expect(staffRes.body.error.code).toBe('TEMPLATE_NOT_FOR_ACCOUNT');
    const driver = await loginDriver(ctx);
    const driverRes = await ctx.http.post('/api/me/subscriptions').set(auth(driver.token)).send({ templates: { new_case: 'accept' } });
    expect(driverRes.status).toBe(422);
    expect(await ctx.db.staffSubscriptionQuota.count()).toBe(0);
    expect(await ctx.db.subscriptionQuota.count()).toBe(0);
    // Drivers keep answering their own keys.
    const ok = await ctx.http.post('/api/me/subscriptions').set(auth(driver.token)).send({ templates: { accident_progress: 'accept' } });
    expect(ok.status).toBe(200);
  });
});
