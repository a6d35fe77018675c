// GET /api/officer/stats: the officer's decisions of today (Asia/Shanghai) by decision, from the case
// events, and the unit's review queue; other units, other officers and yesterday are not counted.
import { createStaff, loginDriver, loginStaff } from '../support/context';
import { accidentSuite, expectStatus } from './flow';

const t = accidentSuite();

const stats = (token: string) => t.ctx.http.get('/api/officer/stats').set(t.s.auth(token));

/** The instant Shanghai's current day began. */
function shanghaiMidnightToday(): Date {
  const shifted = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - 8 * 3_600_000);
}

describe('GET /api/officer/stats', () => {
  it("counts the officer's decisions of today by decision and the unit's waiting cases", async () => {
    const officer = await t.s.officer('tengzhou');
    const confirmed = await t.s.pendingReview();
    const returned = await t.s.pendingReview();
    const transferred = await t.s.pendingReview();
    await t.s.pendingReview();
    await t.s.pendingReview({ disputed: true });
    expectStatus(await t.s.decide(officer, confirmed.id, { decision: 'CONFIRM' }), 200);
    expectStatus(await t.s.decide(officer, returned.id, { decision: 'RETURN', note: '照片不清晰' }), 200);
    expectStatus(await t.s.decide(officer, transferred.id, { decision: 'TRANSFER' }), 200);

    const res = await stats(officer);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      day: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      decided: { CONFIRM: 1, RETURN: 1, TRANSFER: 1, total: 3 },
      waiting: { total: 2, disputed: 1 },
    });
  });

  it('counts a case returned and confirmed again today once under each decision', async () => {
    const officer = await t.s.officer('tengzhou');
    const c = await t.s.pendingReview();
    expectStatus(await t.s.decide(officer, c.id, { decision: 'RETURN', note: '请补拍碰撞部位' }), 200);
    expectStatus(await t.s.confirm(c.a.token, c.id, true, await t.s.sign(c.a.token, c.id)), 200);
    expectStatus(await t.s.confirm(c.b.token, c.id, true, await t.s.sign(c.b.token, c.id)), 200);
    expectStatus(await t.s.decide(officer, c.id, { decision: 'CONFIRM' }), 200);
    expect((await stats(officer)).body.decided).toEqual({ CONFIRM: 1, RETURN: 1, TRANSFER: 0, total: 2 });
  });

  it("leaves out yesterday's decisions (Shanghai day), other officers' and other units'", async () => {
    const officer = await t.s.officer('tengzhou');
    const colleague = await t.s.officer('tengzhou');
    const yesterday = await t.s.pendingReview();
    const byColleague = await t.s.pendingReview();
    expectStatus(await t.s.decide(officer, yesterday.id, { decision: 'CONFIRM' }), 200);
    expectStatus(await t.s.decide(colleague, byColleague.id, { decision: 'CONFIRM' }), 200);
    // The decision happened one second before Shanghai midnight.
    await t.ctx.db.caseEvent.updateMany({
      where: { caseId: yesterday.id, type: 'CONFIRMED' },
      data: { at: new Date(shanghaiMidnightToday().getTime() - 1000) },
    });

    // Two 市中 cases waiting for review; the 市中 officer transfers one today.
    const a = await loginDriver(t.ctx);
    const other = await t.s.officer('shizhong');
    const ids: number[] = [];
    for (const address of ['市中区光明大道', '市中区君山路']) {
      const created = await t.s.report(a.token, { location: { latitude: 34.86, longitude: 117.55, address } });
      expectStatus(created, 201);
      ids.push(created.body.id);
    }
    await t.ctx.db.accidentCase.updateMany({ where: { id: { in: ids } }, data: { status: 'PENDING_REVIEW' } });
    expectStatus(await t.s.decide(other, ids[0], { decision: 'TRANSFER' }), 200);

    expect((await stats(officer)).body).toMatchObject({ decided: { CONFIRM: 0, RETURN: 0, TRANSFER: 0, total: 0 }, waiting: { total: 0 } });
    expect((await stats(colleague)).body.decided).toEqual({ CONFIRM: 1, RETURN: 0, TRANSFER: 0, total: 1 });
    expect((await stats(other)).body).toMatchObject({ decided: { CONFIRM: 0, RETURN: 0, TRANSFER: 1, total: 1 }, waiting: { total: 1 } });
  });

  it('counts a decision made just after Shanghai midnight as today', async () => {
    const officer = await t.s.officer('tengzhou');
    const c = await t.s.pendingReview();
    expectStatus(await t.s.decide(officer, c.id, { decision: 'CONFIRM' }), 200);
    const midnight = shanghaiMidnightToday();
    if (Date.now() - midnight.getTime() < 2000) return; // the test itself straddles midnight
    await t.ctx.db.caseEvent.updateMany({ where: { caseId: c.id, type: 'CONFIRMED' }, data: { at: new Date(midnight.getTime() + 1000) } });
    expect((await stats(officer)).body.decided.CONFIRM).toBe(1);
  });

  it('is for officers only: a driver gets 403, no login 401, an agent 403', async () => {
    const d = await loginDriver(t.ctx);
    expect((await stats(d.token)).status).toBe(403);
    expect((await t.ctx.http.get('/api/officer/stats')).status).toBe(401);
    await createStaff(t.ctx, { username: 'agent.stats', role: 'AGENT' });
    expect((await stats(await loginStaff(t.ctx, 'agent.stats'))).status).toBe(403);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await t.ctx.http.get('/api/openapi.json');
    expect(doc.body.paths['/api/officer/stats']?.get).toBeDefined();
  });
});
