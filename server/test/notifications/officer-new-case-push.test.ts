// Officer alerts (staff-alerts.ts): a case entering review pushes the officers of its unit who linked
// WeChat and granted new_case, one subscribe message each, spending one grant; nobody of another
// unit, nobody deactivated, nobody without a grant; resubmission and handover push again; the
// overdue job alerts once more, once.
import { fakeOpenId } from '../../src/wechat/fake';
import { markOverdueReviews, runReviewOverdueJob } from '../../src/modules/accidents/use-cases/mark-overdue-reviews';
import { STAFF_TEMPLATE_KEYWORDS } from '../../src/modules/notifications/staff-alerts';
import { createStaff, loginStaff, type TestContext } from '../support/context';
import { expectStatus, startAccidentContext, steps } from '../accidents/flow';
import { delivered, dispatchUntilIdle, dispatcherFor, fake, resetFake, SEND } from './helpers';

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
  await ctx.db.unit.updateMany({ data: { serviceHours: null, reviewLimitMinutes: null } });
});

let seq = 0;
/** An officer of `unit` who linked WeChat (as `name`) and accepted `grants` new_case messages. */
async function linkedOfficer(unit: string, grants = 1) {
  const name = `officer-${unit}-${++seq}`;
  const token = await s.officer(unit);
  expectStatus(await ctx.http.post('/api/me/wechat').set(s.auth(token)).send({ code: `fake:${name}` }), 200);
  for (let i = 0; i < grants; i++) {
    expectStatus(await ctx.http.post('/api/me/subscriptions').set(s.auth(token)).send({ templates: { new_case: 'accept' } }), 200);
  }
  const me = await ctx.http.get('/api/me').set(s.auth(token));
  return { token, id: me.body.id as number, openid: fakeOpenId(name) };
}

const grantsOf = async (staffId: number) =>
  (await ctx.db.staffSubscriptionQuota.findFirst({ where: { staffId, templateKey: 'new_case' } }))?.remaining ?? 0;
const staffRows = () => ctx.db.notificationOutbox.findMany({ where: { staffId: { not: null } }, orderBy: { id: 'asc' } });
/** The new_case messages WeChat accepted, per openid. */
async function pushedTo(openid: string) {
  return (await delivered(ctx, SEND)).filter((m) => m.body.touser === openid && m.body.template_id === 'tmpl-new-case');
}
async function dispatch() {
  const d = dispatcherFor(ctx);
  await dispatchUntilIdle(ctx, () => d.drain());
}

describe('the push when a case enters review', () => {
  it('pushes each linked officer of the case unit once, spending a grant, and none of another unit', async () => {
    const mine = await linkedOfficer('tengzhou', 2);
    const colleague = await linkedOfficer('tengzhou', 1);
    const other = await linkedOfficer('shizhong', 3);
    const c = await s.pendingReview();
    await dispatch();
    await dispatch();

    const [m] = await pushedTo(mine.openid);
    expect(await pushedTo(mine.openid)).toHaveLength(1);
    expect(await pushedTo(colleague.openid)).toHaveLength(1);
    expect(await pushedTo(other.openid)).toHaveLength(0);
    expect(m.body.page).toBe(`packages/officer/case/index?id=${c.id}`);
    expect(Object.keys(m.body.data).sort()).toEqual(Object.keys(STAFF_TEMPLATE_KEYWORDS.new_case).sort());
    expect(m.body.data.character_string1.value).toBe(c.caseNumber);
    expect(m.body.data.thing4.value).toBe('新案件待审核，请及时处理');
    for (const v of Object.values(m.body.data) as { value: string }[]) expect(v.value.length).toBeLessThanOrEqual(20);
    // One grant spent each; the other unit's officer keeps all of theirs.
    expect(await grantsOf(mine.id)).toBe(1);
    expect(await grantsOf(colleague.id)).toBe(0);
    expect(await grantsOf(other.id)).toBe(3);
    // Staff rows are outbox rows of their own: no driver, no message-centre entry.
    const rows = await staffRows();
    expect(rows.map((r) => [r.staffId, r.driverId, r.status, r.channel])).toEqual([
      [mine.id, null, 'SENT', 'SUBSCRIBE'],
      [colleague.id, null, 'SENT', 'SUBSCRIBE'],
    ]);
    expect(await ctx.db.messageCentreEntry.count({ where: { dedupeKey: { contains: ':staff:' } } })).toBe(0);
  });

  it('pushes no deactivated, unlinked or grantless officer', async () => {
    const gone = await linkedOfficer('tengzhou', 2);
    const unlinked = await linkedOfficer('tengzhou', 2);
    const spent = await linkedOfficer('tengzhou', 0);
    await ctx.db.staff.update({ where: { id: gone.id }, data: { active: false } });
    expectStatus(await ctx.http.delete('/api/me/wechat').set(s.auth(unlinked.token)), 200);
    await s.pendingReview();
    await dispatch();
    expect(await delivered(ctx, SEND)).toHaveLength(0);
    expect(await staffRows()).toHaveLength(0);
    expect(await grantsOf(gone.id)).toBe(2);
    expect(await grantsOf(spent.id)).toBe(0);
  });

  it('skips an officer deactivated between the case and the send, giving the grant back', async () => {
    const o = await linkedOfficer('tengzhou', 1);
    await s.pendingReview();
    await ctx.db.staff.update({ where: { id: o.id }, data: { active: false } });
    await dispatch();
    expect(await pushedTo(o.openid)).toHaveLength(0);
    const [row] = await staffRows();
    expect(row.status).toBe('SKIPPED');
    expect(await grantsOf(o.id)).toBe(1);
  });

  it('skips, without calling WeChat, an officer whose grant was spent before the send', async () => {
    const o = await linkedOfficer('tengzhou', 1);
    await s.pendingReview();
    await ctx.db.staffSubscriptionQuota.updateMany({ where: { staffId: o.id }, data: { remaining: 0 } });
    await dispatch();
    expect(await pushedTo(o.openid)).toHaveLength(0);
    const [row] = await staffRows();
    expect(row.status).toBe('SKIPPED');
    expect(row.lastError).toContain('新案件提醒');
  });

  it('retries a WeChat outage and sends once; 43101 zeroes the officer grant', async () => {
    const o = await linkedOfficer('tengzhou', 2);
    await fake(ctx, 'POST', '/__faults', { path: SEND, errcode: -1, errmsg: 'system error', times: 2 });
    await s.pendingReview();
    await dispatch();
    expect(await pushedTo(o.openid)).toHaveLength(1);
    expect((await staffRows())[0]).toMatchObject({ status: 'SENT' });
    expect(await grantsOf(o.id)).toBe(1);

    await fake(ctx, 'POST', '/__subscriptions', { openid: o.openid, templateId: 'tmpl-new-case', count: 0 });
    await s.pendingReview();
    await dispatch();
    expect(await pushedTo(o.openid)).toHaveLength(1);
    expect((await staffRows())[1]).toMatchObject({ status: 'SKIPPED' });
    expect(await grantsOf(o.id)).toBe(0);
  });

  it('fails for good on a refused value, gives the grant back, and lists the row for admins with its staffId', async () => {
    const o = await linkedOfficer('tengzhou', 1);
    await fake(ctx, 'POST', '/__faults', { path: SEND, errcode: 47003, errmsg: 'argument invalid! data.thing2.value invalid', times: 1 });
    await s.pendingReview();
    await dispatch();
    const [row] = await staffRows();
    expect(row).toMatchObject({ status: 'FAILED', staffId: o.id, driverId: null });
    expect(row.lastError).toContain('thing2');
    expect(await grantsOf(o.id)).toBe(1);
    await createStaff(ctx, { username: 'admin.alerts', role: 'ADMIN' });
    const admin = await loginStaff(ctx, 'admin.alerts');
    const res = await ctx.http.get('/api/admin/notifications/failures?status=FAILED').set(s.auth(admin));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ id: row.id, staffId: o.id, driverId: null, event: 'officer.new_case' })]);
  });

  it('pushes again for a resubmission after a return', async () => {
    const o = await linkedOfficer('tengzhou', 3);
    const c = await s.pendingReview();
    expectStatus(await s.decide(o.token, c.id, { decision: 'RETURN', note: '照片不清楚，请重新拍摄' }), 200);
    expectStatus(await s.confirm(c.a.token, c.id, true, await s.sign(c.a.token, c.id)), 200);
    expectStatus(await s.confirm(c.b.token, c.id, true, await s.sign(c.b.token, c.id)), 200);
    await dispatch();
    const sent = await pushedTo(o.openid);
    expect(sent.map((m) => m.body.data.thing4.value).sort()).toEqual(['当事人补充后重新提交，待审核', '新案件待审核，请及时处理'].sort());
    expect(await grantsOf(o.id)).toBe(1);
  });

  it('pushes the officers of the unit a case is handed over to, not those of the unit it left', async () => {
    const here = await linkedOfficer('tengzhou', 2);
    const there = await linkedOfficer('shizhong', 1);
    const c = await s.pendingReview();
    await dispatch();
    expect(await pushedTo(here.openid)).toHaveLength(1);
    expectStatus(await ctx.http.post(`/api/officer/accidents/${c.id}/handover`).set(s.auth(here.token)).send({ unit: 'shizhong', reason: '属市中大队辖区' }), 200);
    await dispatch();
    expect(await pushedTo(here.openid)).toHaveLength(1);
    const [m] = await pushedTo(there.openid);
    expect(m.body.data.thing4.value).toBe('其他大队移交的案件，待审核');
  });
});

describe('the overdue alert', () => {
  it('alerts the unit officers once more when the case passes the unit review limit, once however often the job runs', async () => {
    const o = await linkedOfficer('tengzhou', 3);
    const other = await linkedOfficer('shizhong', 3);
    await ctx.db.unit.update({ where: { code: 'tengzhou' }, data: { reviewLimitMinutes: 10 } });
    const c = await s.pendingReview();
    await dispatch();
    expect(await pushedTo(o.openid)).toHaveLength(1);
    // 11 minutes waited: past this unit's 10 (the default 30 would not be).
    await ctx.db.$executeRawUnsafe(`UPDATE AccidentCase SET updatedAt = ? WHERE id = ?`, new Date(Date.now() - 11 * 60_000), c.id);
    const counts = await Promise.all([runReviewOverdueJob(ctx.deps), runReviewOverdueJob(ctx.deps), markOverdueReviews(ctx.deps)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await markOverdueReviews(ctx.deps)).toBe(0);
    await dispatch();
    const sent = await pushedTo(o.openid);
    expect(sent).toHaveLength(2);
    expect(sent[1].body.data.thing4.value).toBe('已超过审核时限，请尽快处理');
    expect(await pushedTo(other.openid)).toHaveLength(0);
    expect(await grantsOf(o.id)).toBe(1);
    expect(await ctx.db.notificationOutbox.count({ where: { event: 'officer.case_overdue' } })).toBe(1);
  });
});

describe('GET /api/me for staff', () => {
  it('answers the WeChat link state and the new_case grants left', async () => {
    const token = await s.officer('tengzhou');
    let me = await ctx.http.get('/api/me').set(s.auth(token));
    expect(me.body.wechat).toEqual({ linked: false, newCaseGrants: 0 });
    await ctx.http.post('/api/me/wechat').set(s.auth(token)).send({ code: 'fake:me-state' });
    await ctx.http.post('/api/me/subscriptions').set(s.auth(token)).send({ templates: { new_case: 'accept' } });
    await ctx.http.post('/api/me/subscriptions').set(s.auth(token)).send({ templates: { new_case: 'accept' } });
    me = await ctx.http.get('/api/me').set(s.auth(token));
    expect(me.status).toBe(200);
    expect(me.body.wechat).toEqual({ linked: true, newCaseGrants: 2 });
    await ctx.http.delete('/api/me/wechat').set(s.auth(token));
    me = await ctx.http.get('/api/me').set(s.auth(token));
    expect(me.body.wechat).toEqual({ linked: false, newCaseGrants: 0 });
  });
});
