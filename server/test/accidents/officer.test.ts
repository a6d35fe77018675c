// The officer's queue and decisions: own unit only, guarded transitions, one winner when two decide at once.
import { DOCUMENT_TITLES } from '@jiaoguan/contracts/labels';
import { loginDriver, type TestContext } from '../support/context';
import { DETAILS_A, startAccidentContext, steps } from './flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const queue = (token: string, query = '') => ctx.http.get(`/api/officer/accidents?status=PENDING_REVIEW${query}`).set(s.auth(token));

describe('GET /api/officer/accidents', () => {
  it("lists the unit's cases awaiting review, oldest first, and nothing of other units", async () => {
    const first = await s.pendingReview();
    const second = await s.pendingReview({ disputed: true });
    await ctx.db.accidentCase.update({ where: { id: first.id }, data: { updatedAt: new Date(Date.now() - 3_600_000) } });
    const officer = await s.officer('tengzhou');
    const res = await queue(officer);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((i: { id: number }) => i.id)).toEqual([first.id, second.id]);
    expect(res.body.items[0]).toMatchObject({ plates: ['鲁D12345', '鲁DD12345'], disputed: false });
    expect(res.body.items[0].waitingMinutes).toBeGreaterThanOrEqual(59);
    expect((await queue(officer, '&disputed=true')).body.items.map((i: { id: number }) => i.id)).toEqual([second.id]);
    const other = await s.officer('shizhong');
    expect((await queue(other)).body).toEqual({ items: [], total: 0 });
  });

  it('is for officers only', async () => {
    const d = await loginDriver(ctx);
    expect((await queue(d.token)).status).toBe(403);
    expect((await ctx.http.get('/api/officer/accidents')).status).toBe(401);
  });
});

describe('POST /api/officer/accidents/:id/decision', () => {
  it('CONFIRM: confirmed, documented, claims handed to each insurer, both parties told, audited', async () => {
    const c = await s.pendingReview();
    const officer = await s.officer();
    const res = await s.decide(officer, c.id, { decision: 'CONFIRM', note: '事实清楚' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CONFIRMED', document: { kind: 'AGREEMENT', title: '道路交通事故自行协商协议书' } });
    expect(res.body.document.number).toBe(`XY${c.caseNumber.slice(2)}`);
    expect(res.body.document.verificationCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(res.body.events.at(-1)).toMatchObject({ type: 'CONFIRMED', actor: 'officer', from: 'PENDING_REVIEW', to: 'CONFIRMED' });
    const claims = await ctx.db.insuranceClaim.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' } });
    expect(claims.map((x) => [x.insurer, x.policyNumber, x.status])).toEqual([
      ['中国人保', 'PICC2026001', 'SENT'],
      ['平安保险', 'PA2026002', 'SENT'],
    ]);
    for (const d of [c.a, c.b]) {
      expect(await ctx.db.messageCentreEntry.count({ where: { driverId: d.id, event: 'accident.confirmed' } })).toBe(1);
    }
    expect(await ctx.db.auditLog.count({ where: { action: 'accident.decision', entityId: String(c.id) } })).toBe(1);
    const asB = await s.get(c.b.token, c.id);
    expect(asB.body.claims).toHaveLength(1);
    expect(asB.body.claims[0]).toMatchObject({ role: 'B', insurer: '平安保险' });
  });

  it('CONFIRM of a disputed case needs the liability of each party (400), then issues a 事故认定书', async () => {
    const c = await s.pendingReview({ disputed: true });
    const officer = await s.officer();
    const missing = await s.decide(officer, c.id, { decision: 'CONFIRM' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('liability');
    const mismatched = await s.decide(officer, c.id, { decision: 'CONFIRM', liability: { A: '主要', B: '主要' } });
    expect(mismatched.status).toBe(400);
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('PENDING_REVIEW');
    const res = await s.decide(officer, c.id, { decision: 'CONFIRM', liability: { A: '主要', B: '次要' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ liability: { A: '主要', B: '次要' }, document: { kind: 'DETERMINATION', title: DOCUMENT_TITLES.OFFICER_FINDING } });
    expect(res.body.document.number).toMatch(/^RD/);
  });

  it('RETURN needs a reason; the parties fix the case and resubmit it', async () => {
    const c = await s.pendingReview();
    const officer = await s.officer();
    expect((await s.decide(officer, c.id, { decision: 'RETURN' })).status).toBe(400);
    const res = await s.decide(officer, c.id, { decision: 'RETURN', note: '碰撞部位照片不清晰' });
    expect(res.body.status).toBe('RETURNED');
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: c.a.id, event: 'accident.returned' } })).toBe(1);
    const view = await s.get(c.a.token, c.id);
    expect(view.body.parties.every((p: { agreed: boolean | null }) => p.agreed === null)).toBe(true);
    expect(view.body.decision.note).toBe('碰撞部位照片不清晰');
    expect((await s.upload(c.a.token, c.id, 'COLLISION_POINT')).status).toBe(201);
    await s.confirm(c.a.token, c.id, true, await s.sign(c.a.token, c.id));
    const again = await s.confirm(c.b.token, c.id, true, await s.sign(c.b.token, c.id));
    expect(again.body.status).toBe('PENDING_REVIEW');
    expect(again.body.events.at(-1)).toMatchObject({ type: 'RESUBMITTED', from: 'RETURNED', to: 'PENDING_REVIEW' });
    expect((await s.decide(officer, c.id, { decision: 'CONFIRM' })).body.status).toBe('CONFIRMED');
  });

  it('TRANSFER hands the case to on-site handling and tells the parties', async () => {
    const c = await s.pendingReview();
    const officer = await s.officer();
    const res = await s.decide(officer, c.id, { decision: 'TRANSFER', note: '请到滕州大队事故科' });
    expect(res.body.status).toBe('TRANSFERRED');
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: c.b.id, event: 'accident.transferred' } })).toBe(1);
  });

  it('refuses a decision on a case that is not awaiting review (409 INVALID_STATE) and changes nothing', async () => {
    const c = await s.negotiating();
    const officer = await s.officer();
    for (const decision of ['CONFIRM', 'RETURN', 'TRANSFER']) {
      const res = await s.decide(officer, c.id, { decision, note: '原因' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('INVALID_STATE');
    }
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('NEGOTIATING');
  });

  it('lets exactly one of two officers deciding at the same moment win', async () => {
    const c = await s.pendingReview();
    const [one, two] = [await s.officer(), await s.officer()];
    const results = await Promise.all([
      s.decide(one, c.id, { decision: 'CONFIRM' }),
      s.decide(two, c.id, { decision: 'RETURN', note: '照片不清' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await ctx.db.caseEvent.count({ where: { caseId: c.id, type: { in: ['CONFIRMED', 'RETURNED'] } } });
    expect(events).toBe(1);
    expect(await ctx.db.auditLog.count({ where: { action: 'accident.decision' } })).toBe(1);
  });

  it('answers 404 to an officer of another unit, on the case, its decision and its document', async () => {
    const c = await s.pendingReview();
    const other = await s.officer('shizhong');
    expect((await ctx.http.get(`/api/officer/accidents/${c.id}`).set(s.auth(other))).status).toBe(404);
    expect((await s.decide(other, c.id, { decision: 'CONFIRM' })).status).toBe(404);
    expect((await ctx.http.get(`/api/accidents/${c.id}/agreement`).set(s.auth(other))).status).toBe(404);
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('PENDING_REVIEW');
  });
});

describe('illegal transitions', () => {
  it('refuses party actions once the case is with the officer or decided (409 INVALID_STATE)', async () => {
    const c = await s.pendingReview();
    const sig = (await ctx.db.evidenceFile.findFirstOrThrow({ where: { caseId: c.id, slot: 'SIGNATURE', uploadedById: c.a.id } })).id;
    const attempts = () => [
      s.details(c.a.token, c.id, DETAILS_A),
      s.liability(c.a.token, c.id, 'LANE_CHANGE', 'B'),
      s.confirm(c.a.token, c.id, true, sig),
      s.upload(c.a.token, c.id, 'EXTRA'),
      ctx.http.post(`/api/accidents/${c.id}/cancel`).set(s.auth(c.a.token)),
    ];
    for (const res of await Promise.all(attempts())) expect(res.status).toBe(409);
    await s.decide(await s.officer(), c.id, { decision: 'CONFIRM' });
    for (const res of await Promise.all(attempts())) expect(res.status).toBe(409);
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('CONFIRMED');
  });
});

describe('another driver', () => {
  it('gets 404 on every case endpoint and file, and the case is unchanged', async () => {
    const c = await s.pendingReview();
    const x = await loginDriver(ctx);
    const file = await ctx.db.evidenceFile.findFirstOrThrow({ where: { caseId: c.id } });
    await s.decide(await s.officer(), c.id, { decision: 'RETURN', note: '补充照片' });
    const sig = await s.sign(c.a.token, c.id);
    const responses = await Promise.all([
      s.get(x.token, c.id),
      s.details(x.token, c.id, DETAILS_A),
      s.liability(x.token, c.id),
      s.confirm(x.token, c.id, true, sig),
      s.upload(x.token, c.id, 'EXTRA'),
      ctx.http.get(`/api/accidents/${c.id}/photos/${file.id}`).set(s.auth(x.token)),
      ctx.http.post(`/api/accidents/${c.id}/cancel`).set(s.auth(x.token)),
      ctx.http.get(`/api/accidents/${c.id}/agreement`).set(s.auth(x.token)),
    ]);
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(404));
    expect((await ctx.http.get('/api/accidents').set(s.auth(x.token))).body).toEqual({ items: [], total: 0 });
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('RETURNED');
  });

  it('lists only the caller\'s cases, newest first, with parties, photos and events', async () => {
    const c = await s.negotiating();
    const res = await ctx.http.get('/api/accidents').set(s.auth(c.b.token));
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ id: c.id, myRole: 'B' });
    expect(res.body.items[0].photos).toHaveLength(3);
    expect(res.body.items[0].events.length).toBeGreaterThan(3);
  });
});
