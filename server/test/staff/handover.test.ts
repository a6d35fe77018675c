// POST /api/officer/accidents/:id/handover: an officer hands a case under review to another unit.
// The case moves queues, the timeline shows it to the parties and the officers, and the live queue
// tells the new unit case.pending and the old one case.handedOver.
import { OfficerEventHub } from '../../src/modules/accidents/officer-events';
import { createLogger } from '../../src/logger';
import type { TestContext } from '../support/context';
import { accidentSuite, expectStatus, type steps } from '../accidents/flow';

const suite = accidentSuite();
let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(() => {
  ({ ctx, s } = suite);
});

const handover = (token: string, id: number | string, body: object) => ctx.http.post(`/api/officer/accidents/${id}/handover`).set(s.auth(token)).send(body);
const queue = async (token: string) => (await ctx.http.get('/api/officer/accidents?status=PENDING_REVIEW').set(s.auth(token))).body.items.map((i: { id: number }) => i.id);

describe('handing a case over', () => {
  it('moves the case to the other unit’s queue, still under review, and both timelines show it', async () => {
    const tengzhou = await s.officer('tengzhou');
    const shizhong = await s.officer('shizhong');
    const c = await s.pendingReview();
    expect(await queue(tengzhou)).toContain(c.id);

    const res = await handover(tengzhou, c.id, { unit: 'shizhong', reason: '事故发生在市中区光明路，属市中大队辖区' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: c.id, status: 'PENDING_REVIEW', unit: { code: 'shizhong', name: '市中' }, actions: [] });

    expect(await queue(tengzhou)).not.toContain(c.id);
    expect(await queue(shizhong)).toContain(c.id);
    expect((await ctx.http.get(`/api/officer/accidents/${c.id}`).set(s.auth(tengzhou))).status).toBe(404);

    // The new unit's officer: the step with both units and the reason, and the decisions open.
    const theirs = await ctx.http.get(`/api/officer/accidents/${c.id}`).set(s.auth(shizhong));
    expect(theirs.status).toBe(200);
    expect(theirs.body.actions).toEqual(['CONFIRM', 'RETURN', 'TRANSFER', 'HAND_OVER']);
    expect(theirs.body.events.at(-1)).toMatchObject({
      type: 'HANDED_OVER',
      actor: 'officer',
      note: '由滕州大队移交市中大队审核：事故发生在市中区光明路，属市中大队辖区',
    });
    // The parties: where it went, not the officers' reason.
    for (const party of [c.a, c.b]) {
      const view = await s.get(party.token, c.id);
      expect(view.body.unit.code).toBe('shizhong');
      expect(view.body.events.at(-1)).toMatchObject({ type: 'HANDED_OVER', note: '移交市中大队审核' });
    }
    const audit = await ctx.db.auditLog.findFirstOrThrow({ where: { action: 'accident.handover', entityId: String(c.id) } });
    expect(audit.details).toMatchObject({ fromUnit: 'tengzhou', toUnit: 'shizhong' });
    // The new unit decides it as any case of its own.
    expectStatus(await s.decide(shizhong, c.id, { decision: 'CONFIRM' }), 200);
  });

  it('the live queue tells the new unit case.pending and the old unit case.handedOver', async () => {
    const hub = new OfficerEventHub(ctx.db, createLogger('silent'), { pollMs: 60_000 });
    const heard: Record<string, string> = { tengzhou: '', shizhong: '', yicheng: '' };
    for (const unit of Object.keys(heard)) hub.open(unit, () => undefined).on('data', (chunk: Buffer) => (heard[unit] += chunk.toString()));
    try {
      const tengzhou = await s.officer('tengzhou');
      const c = await s.pendingReview();
      await hub.poll();
      expectStatus(await handover(tengzhou, c.id, { unit: 'shizhong', reason: '属市中大队辖区' }), 200);
      await hub.poll();
      await new Promise((r) => setImmediate(r));
      expect(heard.shizhong).toMatch(new RegExp(`event: case.pending\\nid: ${c.id}-HANDED_OVER\\ndata: .*"unit":"shizhong"`));
      expect(heard.tengzhou).toContain(`event: case.handedOver\nid: ${c.id}-HANDED_OVER`);
      expect(heard.yicheng).not.toContain(String(c.caseNumber));
    } finally {
      hub.close();
    }
  });

  it('refuses what does not fit (4xx) and moves nothing', async () => {
    const tengzhou = await s.officer('tengzhou');
    const shizhong = await s.officer('shizhong');
    const c = await s.pendingReview();
    const cases: [string, string, number | string, object, number][] = [
      ['the same unit', tengzhou, c.id, { unit: 'tengzhou', reason: '本大队' }, 400],
      ['an unknown unit', tengzhou, c.id, { unit: 'atlantis', reason: '没有这个大队' }, 404],
      ['no reason', tengzhou, c.id, { unit: 'shizhong' }, 400],
      ['a one-character reason', tengzhou, c.id, { unit: 'shizhong', reason: '转' }, 400],
      ["another unit's case", shizhong, c.id, { unit: 'yicheng', reason: '不是本大队的事故' }, 404],
      ['a case that does not exist', tengzhou, 2_147_483_000, { unit: 'shizhong', reason: '没有这起事故' }, 404],
      ['a bad id', tengzhou, 'abc', { unit: 'shizhong', reason: '坏的编号' }, 400],
    ];
    for (const [what, token, id, body, status] of cases) {
      const res = await handover(token, id, body);
      expect([what, res.status]).toEqual([what, status]);
    }
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id }, include: { unit: true } })).unit.code).toBe('tengzhou');
    expect(await ctx.db.caseEvent.count({ where: { caseId: c.id, type: 'HANDED_OVER' } })).toBe(0);
    // A driver is not an officer.
    expect((await handover(c.a.token, c.id, { unit: 'shizhong', reason: '司机不能移交' })).status).toBe(403);
  });

  it('a case no longer under review cannot be handed over (409)', async () => {
    const tengzhou = await s.officer('tengzhou');
    const c = await s.pendingReview();
    expectStatus(await s.decide(tengzhou, c.id, { decision: 'RETURN', note: '请补拍' }), 200);
    const res = await handover(tengzhou, c.id, { unit: 'shizhong', reason: '属市中大队辖区' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
  });
});
