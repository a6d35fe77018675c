// The one-push rule for proactive notices: a new violation must reach the driver (the law's notice
// within 5 days), so without WeChat it goes by SMS to the phone on their licence; the reminders
// (inspection due, licence expiring, points) stay in the message centre. Followers get the
// official-account template, drivers who allowed traffic_reminder a subscribe message, each opening
// the page the notice is about.
import { startTestContext, type TestContext } from '../support/context';
import { scanOnce } from '../../src/modules/inquiries/proactive-notices';
import { fakeOpenId } from '../../src/wechat/fake';
import { SEND, TEMPLATE_SEND, delivered, dispatchUntilIdle, dispatcherFor, fake, resetFake } from './helpers';
import { boundDriver, dayFrom, licenceOf, todayAtTen, vehicleOf } from './proactive-helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  await resetFake(ctx);
  await fake(ctx, 'DELETE', '/__inspect/sms');
});

const now = todayAtTen();
const smsSent = async () =>
  ((await fake(ctx, 'GET', '/__inspect/sms')).items as { phone: string; template: string; params: string[]; text: string; code: string | null }[]).filter(
    (m) => m.code === 'Ok',
  );

/** A driver with a phone on their licence, a vehicle due for inspection and a new violation of it. */
async function driverWithRecords() {
  const d = await boundDriver(ctx);
  await licenceOf(ctx, d.idNumber, { phone: '13800000001' });
  const v = await vehicleOf(ctx, d.idNumber, { plate: '鲁D12345', inspectionDueAt: dayFrom(now, 20) }, d.id);
  const violation = await ctx.db.violation.create({
    data: {
      plate: v.plate,
      plateType: v.plateType,
      occurredAt: new Date('2026-11-28T00:30:00Z'),
      place: '枣庄市市中区光明大道与青檀路交叉口',
      code: '1625',
      description: '闯红灯',
      fineFen: 20000,
      points: 6,
      status: 'UNPROCESSED',
    },
  });
  await scanOnce(ctx.db, now);
  return { d, v, violation };
}

// WeChat calls may take seconds on a loaded machine: a timed-out send is sent again (at least once), which is not what these tests are about.
const outbox = (event: string) => ctx.db.notificationOutbox.findFirstOrThrow({ where: { event } });

it('without WeChat: the new violation goes by SMS to the licence phone, once; the inspection reminder stays in the message centre', async () => {
  await driverWithRecords();
  const dispatcher = dispatcherFor(ctx, {}, 10_000);
  await dispatchUntilIdle(ctx, () => dispatcher.drain());
  const sent = await smsSent();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ phone: '13800000001', template: 'violation_new', params: ['鲁D12345', '11月28日 08:30', '枣庄市市中区光明大道与…', '罚款200元，记6分'] });
  expect(sent[0]!.text).toContain('机动车鲁D12345于11月28日 08:30在');
  expect(await outbox('violation.new')).toMatchObject({ status: 'SENT', channel: 'SMS', templateKey: 'traffic_reminder' });
  const reminder = await outbox('vehicle.inspection_due');
  expect(reminder.status).toBe('SKIPPED');
  expect(reminder.lastError).toContain('已存入消息中心');
  // Both are in the message centre whatever the channel.
  expect(await ctx.db.messageCentreEntry.count()).toBe(2);
  await dispatcher.drain();
  expect(await smsSent()).toHaveLength(1);
});

it('a follower of the official account gets template messages instead, opening the violation and the vehicle', async () => {
  const { d, v, violation } = await driverWithRecords();
  const driver = await ctx.db.driver.update({ where: { id: d.id }, data: { followsOfficialAccount: true } });
  await ctx.db.officialAccountFollower.create({ data: { unionid: driver.unionid!, openid: 'oa-openid-1' } });
  await dispatchUntilIdle(ctx, () => dispatcherFor(ctx, {}, 10_000).drain());
  expect(await smsSent()).toHaveLength(0);
  const sent = await delivered(ctx, TEMPLATE_SEND);
  expect(sent).toHaveLength(2);
  const pages = sent.map((m) => m.body.miniprogram.pagepath).sort();
  expect(pages).toEqual([`pages/inquiry/index?tab=vehicles&id=${v.id}`, `pages/inquiry/index?tab=violations&id=${violation.id}`].sort());
  for (const m of sent) expect(m.body.template_id).toBe('oa-tmpl-traffic-reminder');
  const vio = sent.find((m) => m.body.miniprogram.pagepath.includes('violations'))!;
  expect(vio.body.data).toMatchObject({ first: { value: '新的交通违法记录' }, keyword1: { value: '新增交通违法 鲁D12345' }, keyword2: { value: '罚款200元，记6分' } });
});

it('a driver who allowed traffic_reminder gets a subscribe message, one grant spent, opening the vehicle', async () => {
  const d = await boundDriver(ctx);
  const v = await vehicleOf(ctx, d.idNumber, { plate: '鲁D12345', inspectionDueAt: dayFrom(now, 20) }, d.id);
  const res = await ctx.http.post('/api/me/subscriptions').set('Authorization', `Bearer ${d.token}`).send({ templates: { traffic_reminder: 'accept' } });
  expect(res.status).toBe(200);
  await scanOnce(ctx.db, now);
  await dispatchUntilIdle(ctx, () => dispatcherFor(ctx, {}, 10_000).drain());
  const sent = await delivered(ctx, SEND);
  expect(sent).toHaveLength(1);
  expect(sent[0].body).toMatchObject({
    touser: fakeOpenId(d.name),
    template_id: 'tmpl-traffic-reminder',
    page: `pages/inquiry/index?tab=vehicles&id=${v.id}`,
    data: { thing1: { value: '鲁D12345年检即将到期' }, thing2: { value: '还有20天，请及时年检' } },
  });
  expect(await outbox('vehicle.inspection_due')).toMatchObject({ status: 'SENT', channel: 'SUBSCRIBE' });
  expect(await ctx.db.subscriptionQuota.findFirstOrThrow({ where: { driverId: d.id, templateKey: 'traffic_reminder' } })).toMatchObject({ remaining: 0 });
});
