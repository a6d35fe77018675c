// GET /api/me/subscriptions: the driver's grants left per template, the follower flag and the SMS
// phone (masked), from the real database after the answers were recorded.
import { createStaff, idNumberCheckChar, loginDriver, loginStaff, type TestContext } from '../support/context';
import { fakeOfficialAccountOpenId, fakeUnionId } from '../../src/wechat/fake';
import { useFakeContext } from './helpers';
import { TEMPLATE_KEYS } from '@jiaoguan/contracts/labels';

let ctx: TestContext;
useFakeContext((c) => (ctx = c));

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const ID = '37040219900101123' + idNumberCheckChar('37040219900101123');

describe('GET /api/me/subscriptions', () => {
  it('lists every driver key with zeros before any answer, no follower, no phone', async () => {
    const d = await loginDriver(ctx);
    const res = await ctx.http.get('/api/me/subscriptions').set(auth(d.token));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: TEMPLATE_KEYS.map((templateKey) => ({
        templateKey,
        remaining: 0,
        accepted: 0,
        rejected: 0,
        updatedAt: null,
      })),
      officialAccount: { configured: true, following: false },
      sms: { configured: true, phone: null },
    });
  });

  it('counts what was granted and refused, and a grant used by a send is gone from remaining', async () => {
    const d = await loginDriver(ctx);
    const post = (templates: Record<string, string>) => ctx.http.post('/api/me/subscriptions').set(auth(d.token)).send({ templates });
    expect((await post({ accident_progress: 'accept', exam_booking: 'reject' })).status).toBe(200);
    expect((await post({ accident_progress: 'accept' })).status).toBe(200);
    // A message sent under one grant (what the dispatcher does when it delivers).
    await ctx.db.subscriptionQuota.update({
      where: { driverId_templateKey: { driverId: d.id, templateKey: 'accident_progress' } },
      data: { remaining: { decrement: 1 } },
    });
    const res = await ctx.http.get('/api/me/subscriptions').set(auth(d.token));
    expect(res.status).toBe(200);
    const byKey = Object.fromEntries(res.body.items.map((i: { templateKey: string }) => [i.templateKey, i]));
    expect(byKey.accident_progress).toMatchObject({ remaining: 1, accepted: 2, rejected: 0 });
    expect(new Date(byKey.accident_progress.updatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(byKey.exam_booking).toMatchObject({ remaining: 0, accepted: 0, rejected: 1 });
    expect(byKey.consultation_reply).toMatchObject({ remaining: 0, accepted: 0, rejected: 0, updatedAt: null });
  });

  it("shows only the caller's own grants", async () => {
    const a = await loginDriver(ctx);
    const b = await loginDriver(ctx);
    await ctx.http.post('/api/me/subscriptions').set(auth(a.token)).send({ templates: { consultation_reply: 'accept' } });
    const res = await ctx.http.get('/api/me/subscriptions').set(auth(b.token));
    expect(res.body.items.every((i: { remaining: number; accepted: number }) => i.remaining === 0 && i.accepted === 0)).toBe(true);
  });

  it('says when the driver follows the official account, and masks the phone on their licence', async () => {
    const d = await loginDriver(ctx, 'subfan');
    await ctx.db.officialAccountFollower.create({ data: { unionid: fakeUnionId('subfan'), openid: fakeOfficialAccountOpenId('subfan') } });
    await ctx.db.licence.create({
      data: { idNumber: ID, name: '张伟', licenceClass: 'C1', firstIssuedAt: new Date('2010-01-01'), validUntil: new Date('2030-01-01'), status: 'A', phone: '13812345678' },
    });
    await ctx.db.driver.update({ where: { id: d.id }, data: { idNumber: ID, realName: '张伟', identityBoundAt: new Date() } });
    const res = await ctx.http.get('/api/me/subscriptions').set(auth(d.token));
    expect(res.status).toBe(200);
    expect(res.body.officialAccount).toEqual({ configured: true, following: true });
    expect(res.body.sms).toEqual({ configured: true, phone: '138****5678' });
    expect(JSON.stringify(res.body)).not.toContain('13812345678');
  });

  it('takes the learner record phone when there is no licence', async () => {
    const d = await loginDriver(ctx);
    await ctx.db.learner.create({ data: { idNumber: ID, name: '王芳', licenceClass: 'C1', appliedAt: new Date(), phone: '13900139000' } });
    await ctx.db.driver.update({ where: { id: d.id }, data: { idNumber: ID, realName: '王芳', identityBoundAt: new Date() } });
    const res = await ctx.http.get('/api/me/subscriptions').set(auth(d.token));
    expect(res.body.sms.phone).toBe('139****9000');
  });

  it('answers 401 without a token and 403 to staff', async () => {
    expect((await ctx.http.get('/api/me/subscriptions')).status).toBe(401);
    await createStaff(ctx, { username: 'subs.officer', role: 'OFFICER', unit: 'tengzhou' });
    const token = await loginStaff(ctx, 'subs.officer');
    expect((await ctx.http.get('/api/me/subscriptions').set(auth(token))).status).toBe(403);
  });
});
