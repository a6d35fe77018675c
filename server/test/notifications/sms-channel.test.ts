// The SMS branch of the one-push rule, end to end: the dispatcher, the real Tencent SDK adapter and
// the fake SMS gateway (listed at the fake WeChat's /__inspect/sms). The phone comes from the
// driver's proven identity's records, or from what they gave as a party of the case.
import { loginDriver, idNumberCheckChar, type TestContext } from '../support/context';
import { notify } from '../../src/modules/notifications/notify';
import { startAccidentContext, steps } from '../accidents/flow';
import { addFault, dispatchUntilIdle, dispatcherFor, fake, resetFake } from './helpers';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  await resetFake(ctx);
  await fake(ctx, 'DELETE', '/__inspect/sms');
});

const smsSent = async () => ((await fake(ctx, 'GET', '/__inspect/sms')).items as { phone: string; template: string; params: string[]; code: string | null }[]).filter((m) => m.code === 'Ok');
const ID = '37040219850312101' + idNumberCheckChar('37040219850312101');

/** A driver bound to an identity whose licence holds `phone`; no grants, not a follower. */
async function driverWithPhone(phone = '13800000001', idNumber = ID) {
  await ctx.db.licence.create({
    data: { idNumber, name: '张伟', licenceClass: 'C1', firstIssuedAt: new Date('2010-01-01'), validUntil: new Date('2030-01-01'), status: 'A', phone },
  });
  const d = await loginDriver(ctx);
  await ctx.db.driver.update({ where: { id: d.id }, data: { idNumber, realName: '张伟', identityBoundAt: new Date() } });
  return d;
}

const examResult = (driverId: number, n: number) =>
  notify(ctx.db, {
    driverId,
    event: 'exam.result',
    data: { bookingId: n, subject: 1, startsAt: new Date('2026-12-09T01:00:00Z'), venue: '枣庄市车管所科目一考场', result: 'PASS' },
    dedupeKey: `test:result:${driverId}:${n}`,
  });

describe('SMS where WeChat cannot reach', () => {
  it('an exam result goes by SMS to the phone on the licence, once, in the template with its parameters', async () => {
    const d = await driverWithPhone();
    await examResult(d.id, 1);
    const dispatcher = dispatcherFor(ctx);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    const sent = await smsSent();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ phone: '13800000001', template: 'exam_result' });
    expect(sent[0]!.params.join('|')).toContain('合格');
    expect(await ctx.db.notificationOutbox.findFirstOrThrow()).toMatchObject({ status: 'SENT', channel: 'SMS', phone: '13800000001' });
    // Drained again: nothing twice.
    await dispatcher.drain();
    expect(await smsSent()).toHaveLength(1);
  });

  it('an event that need not reach them sends no SMS, though a phone is known', async () => {
    const d = await driverWithPhone();
    await notify(ctx.db, { driverId: d.id, event: 'exam.reminder', data: { bookingId: 1, subject: 1, startsAt: new Date(), venue: '考场' }, dedupeKey: 'r1' });
    await dispatcherFor(ctx).drain();
    expect(await smsSent()).toEqual([]);
    expect(await ctx.db.notificationOutbox.findFirstOrThrow()).toMatchObject({ status: 'SKIPPED', channel: 'AUTO' });
  });

  it('caps each phone per Shanghai day: the sixth must-reach event that day is not sent by SMS', async () => {
    const d = await driverWithPhone();
    for (let n = 1; n <= 6; n++) await examResult(d.id, n);
    const dispatcher = dispatcherFor(ctx);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    expect(await smsSent()).toHaveLength(5);
    const capped = await ctx.db.notificationOutbox.findMany({ where: { status: 'SKIPPED' } });
    expect(capped).toHaveLength(1);
    expect(capped[0]!.lastError).toContain('上限');
    // The message centre has all six.
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: d.id } })).toBe(6);
  });

  it('a gateway failing for a while (503 twice) delivers once after it recovers', async () => {
    const d = await driverWithPhone();
    await addFault(ctx, { path: '/sms/SendSms', status: 503, times: 2 });
    await examResult(d.id, 1);
    const dispatcher = dispatcherFor(ctx);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    expect(await smsSent()).toHaveLength(1);
    const all = (await fake(ctx, 'GET', '/__inspect/sms')).items as { status?: number }[];
    expect(all.filter((m) => m.status === 503)).toHaveLength(2);
    expect(await ctx.db.notificationOutbox.findFirstOrThrow()).toMatchObject({ status: 'SENT', attempts: 3 });
  });

  it('an accident confirmed reaches each party by SMS at the phone they gave in the case', async () => {
    const c = await s.pendingReview();
    const officer = await s.officer('tengzhou');
    expect((await s.decide(officer, c.id, { decision: 'CONFIRM', note: '事实清楚' })).status).toBe(200);
    const dispatcher = dispatcherFor(ctx);
    await dispatchUntilIdle(ctx, () => dispatcher.drain());
    const sent = await smsSent();
    expect(sent.filter((m) => m.template === 'accident_confirmed').map((m) => m.phone).sort()).toEqual(['13800000001', '13900000002']);
    expect(sent.every((m) => m.params.some((p) => p.includes(c.caseNumber)))).toBe(true);
  });
});
