// What a driver writes for others to read (the place, the insurer, vehicle type, collision part) passes
// WeChat's msg_sec_check: risky → 422 CONTENT_REJECTED and nothing stored; review → accepted and marked
// on the case event for the officer.
import { loginDriver } from '../support/context';
import { accidentSuite, DETAILS_A, TENGZHOU } from './flow';

const t = accidentSuite();

/** The texts the fake WeChat was asked about, in order. */
async function checkedTexts(): Promise<string[]> {
  const inspected = (await (await fetch(`${t.ctx.fakeWechatUrl}/__inspect/messages`)).json()) as { items: { path: string; body: { content?: string } }[] };
  return inspected.items.filter((m) => m.path === '/wxa/msg_sec_check').map((m) => m.body.content ?? '');
}

describe('the place of a new case', () => {
  it('is checked by WeChat and the case created when the text passes', async () => {
    const a = await loginDriver(t.ctx);
    const address = `滕州市学院中路${Date.now()}号`;
    const res = await t.s.report(a.token, { location: { ...TENGZHOU, address }, weather: '晴' });
    expect(res.status).toBe(201);
    expect((await checkedTexts()).some((t) => t.includes(address) && t.includes('晴'))).toBe(true);
    const created = await t.ctx.db.caseEvent.findFirstOrThrow({ where: { caseId: res.body.id, type: 'CREATED' } });
    expect(created.details).not.toHaveProperty('textCheck');
  });

  it('refuses risky text with 422 CONTENT_REJECTED and stores nothing', async () => {
    const a = await loginDriver(t.ctx);
    const res = await t.s.report(a.token, { location: { ...TENGZHOU, address: '善国北路 专业代开发票' } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'CONTENT_REJECTED', details: { reason: 'RISKY_CONTENT' } });
    expect(await t.ctx.db.accidentCase.count()).toBe(0);
    expect(await t.ctx.db.caseEvent.count()).toBe(0);
    expect(await t.ctx.db.auditLog.count({ where: { action: 'accident.created' } })).toBe(0);
  });

  it('lets text WeChat wants reviewed through and marks the event for the officer only', async () => {
    const a = await loginDriver(t.ctx);
    const res = await t.s.report(a.token, { location: { ...TENGZHOU, address: '善国北路，有事加微信' } });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('WAITING_FOR_PARTY');
    expect(res.body.events[0]).not.toHaveProperty('textCheck');
    const officer = await t.s.officer('tengzhou');
    const seen = await t.ctx.http.get(`/api/officer/accidents/${res.body.id}`).set(t.s.auth(officer));
    expect(seen.status).toBe(200);
    expect(seen.body.events[0]).toMatchObject({ type: 'CREATED', textCheck: 'review' });
    expect(seen.body.events[1]).not.toHaveProperty('textCheck');
  });

  it('goes ahead marked unchecked when WeChat cannot answer', async () => {
    const a = await loginDriver(t.ctx);
    await fetch(`${t.ctx.fakeWechatUrl}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/wxa/msg_sec_check', status: 503, times: 20 }),
    });
    try {
      const res = await t.s.report(a.token);
      expect(res.status).toBe(201);
      const created = await t.ctx.db.caseEvent.findFirstOrThrow({ where: { caseId: res.body.id, type: 'CREATED' } });
      expect(created.details).toMatchObject({ textCheck: 'unchecked' });
    } finally {
      await fetch(`${t.ctx.fakeWechatUrl}/__faults`, { method: 'DELETE' });
    }
  });
});

describe("a party's details", () => {
  async function openCase() {
    const a = await loginDriver(t.ctx);
    const created = await t.s.report(a.token, { vehicleCount: 1 });
    expect(created.status).toBe(201);
    return { a, id: created.body.id as number };
  }

  it('are stored when the insurer, vehicle type and collision part pass the check', async () => {
    const { a, id } = await openCase();
    const res = await t.s.details(a.token, id, { ...DETAILS_A, vehicleType: '小型轿车', collisionPart: '左前门' });
    expect(res.status).toBe(200);
    expect(res.body.parties[0]).toMatchObject({ insurer: '中国人保', vehicleType: '小型轿车', collisionPart: '左前门' });
    expect((await checkedTexts()).some((t) => t.includes('中国人保') && t.includes('小型轿车') && t.includes('左前门'))).toBe(true);
  });

  it.each([
    ['collisionPart', '车头 赌博'],
    ['vehicleType', '代开发票'],
    ['insurer', '赌博保险公司'],
  ])('are refused with 422 CONTENT_REJECTED when %s is risky, and nothing changes', async (field, text) => {
    const { a, id } = await openCase();
    const res = await t.s.details(a.token, id, { ...DETAILS_A, [field]: text });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONTENT_REJECTED');
    const party = await t.ctx.db.accidentParty.findFirstOrThrow({ where: { caseId: id } });
    expect(party).toMatchObject({ plate: null, insurer: null, vehicleType: null, collisionPart: null });
    expect(await t.ctx.db.caseEvent.count({ where: { caseId: id, type: 'DETAILS_UPDATED' } })).toBe(0);
  });

  it('are stored when the text needs review, with the mark on the DETAILS_UPDATED event', async () => {
    const { a, id } = await openCase();
    const res = await t.s.details(a.token, id, { ...DETAILS_A, collisionPart: '车头，详情加微信' });
    expect(res.status).toBe(200);
    const event = await t.ctx.db.caseEvent.findFirstOrThrow({ where: { caseId: id, type: 'DETAILS_UPDATED' } });
    expect(event.details).toMatchObject({ role: 'A', textCheck: 'review' });
  });

  it('of a stranger are turned away (404) before their text is sent to WeChat', async () => {
    const { id } = await openCase();
    const stranger = await loginDriver(t.ctx);
    const before = (await checkedTexts()).length;
    const res = await t.s.details(stranger.token, id, { ...DETAILS_A, collisionPart: '独一无二的碰撞部位' });
    expect(res.status).toBe(404);
    expect((await checkedTexts()).length).toBe(before);
  });
});
