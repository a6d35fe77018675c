// Party details, liability and answers while negotiating; what each party may see of the other.
import { loginDriver, type TestContext } from '../support/context';
import { DETAILS_A, DETAILS_B, ID_B, startAccidentContext, steps } from './flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

describe('PUT /api/accidents/:id/parties/me', () => {
  it('stores the caller\'s details; the other party sees the licence number and phone masked', async () => {
    const c = await s.negotiating();
    const asA = await s.get(c.a.token, c.id);
    const b = asA.body.parties.find((p: { role: string }) => p.role === 'B');
    expect(b).toMatchObject({ plate: '鲁DD12345', driverName: '李娜', insurer: '平安保险', complete: true, plateType: '52' });
    expect(b.licenceNumber).toBe(`${ID_B.slice(0, 6)}********${ID_B.slice(-4)}`);
    expect(b.phone).toBe('139****0002');
    const own = asA.body.parties.find((p: { role: string }) => p.role === 'A');
    expect(own).toMatchObject({ licenceNumber: DETAILS_A.licenceNumber, phone: DETAILS_A.phone });
  });

  it('accepts ordinary and new-energy plates in any spacing and case, and refuses malformed ones', async () => {
    const c = await s.negotiating();
    for (const plate of ['鲁d·12345', '鲁D 12345', '粤BD12345', '京ADA1234', '甘G23459F', '鲁D1234学']) {
      expect((await s.details(c.a.token, c.id, { ...DETAILS_A, plate })).status).toBe(200);
    }
    for (const plate of ['鲁DI2345', '鲁D1234', 'AB12345', '鲁DD1234X', '']) {
      const res = await s.details(c.a.token, c.id, { ...DETAILS_A, plate });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('plate');
    }
  });

  it('refuses a licence number with a wrong check character and a bad phone number (400)', async () => {
    const c = await s.negotiating();
    const wrong = DETAILS_A.licenceNumber.slice(0, 17) + (DETAILS_A.licenceNumber[17] === '1' ? '2' : '1');
    expect((await s.details(c.a.token, c.id, { ...DETAILS_A, licenceNumber: wrong })).status).toBe(400);
    expect((await s.details(c.a.token, c.id, { ...DETAILS_A, phone: '12345' })).status).toBe(400);
    const stored = await ctx.db.accidentParty.findFirstOrThrow({ where: { caseId: c.id, role: 'A' } });
    expect(stored.licenceNumber).toBe(DETAILS_A.licenceNumber);
  });

  it('withdraws answers already given when the details change', async () => {
    const c = await s.negotiating();
    expect((await s.confirm(c.a.token, c.id, true, await s.sign(c.a.token, c.id))).status).toBe(200);
    await s.details(c.b.token, c.id, { ...DETAILS_B, collisionPart: '左后门' });
    const view = await s.get(c.a.token, c.id);
    expect(view.body.parties.every((p: { agreed: boolean | null }) => p.agreed === null)).toBe(true);
    expect(view.body.status).toBe('NEGOTIATING');
  });
});

describe('PUT /api/accidents/:id/liability', () => {
  it('records scenario and fault side, and refuses combinations the table does not allow (422)', async () => {
    const c = await s.negotiating();
    const ok = await s.liability(c.b.token, c.id, 'LANE_CHANGE', 'B');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ scenario: 'LANE_CHANGE', atFault: 'B', scenarioName: '变更车道', liability: { A: '无', B: '全部' } });
    const both = await s.liability(c.a.token, c.id, 'REAR_END', 'BOTH');
    expect(both.status).toBe(422);
    expect(both.body.error.code).toBe('LIABILITY_INCONSISTENT');
    expect((await s.liability(c.a.token, c.id, 'BOTH_AT_FAULT', 'A')).status).toBe(422);
    expect((await s.liability(c.a.token, c.id, 'BOTH_AT_FAULT', 'BOTH')).body.liability).toEqual({ A: '同等', B: '同等' });
    expect((await s.liability(c.a.token, c.id, 'ALIENS', 'A')).status).toBe(400);
  });
});

describe('POST /api/accidents/:id/confirmation', () => {
  it('refuses an answer before the other party has joined (409 INVALID_STATE)', async () => {
    const a = await loginDriver(ctx);
    const created = await s.report(a.token);
    const sig = await s.sign(a.token, created.body.id);
    const res = await s.confirm(a.token, created.body.id, true, sig);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
  });

  it('requires the three photos, complete details, a liability and the caller\'s own signature (422)', async () => {
    const a = await loginDriver(ctx);
    const b = await loginDriver(ctx);
    const created = await s.report(a.token);
    const id = created.body.id;
    await s.join(b.token, created.body.inviteCode);
    const sigA = await s.sign(a.token, id);
    const sigB = await s.sign(b.token, id);
    let res = await s.confirm(a.token, id, true, sigA);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toMatchObject({ reason: 'PHOTOS_MISSING', missingSlots: ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT'] });
    for (const slot of ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT']) await s.upload(b.token, id, slot);
    res = await s.confirm(a.token, id, true, sigA);
    expect(res.body.error.details.reason).toBe('DETAILS_MISSING');
    await s.details(a.token, id, DETAILS_A);
    await s.details(b.token, id, DETAILS_B);
    res = await s.confirm(a.token, id, true, sigA);
    expect(res.body.error.details.reason).toBe('LIABILITY_MISSING');
    await s.liability(a.token, id);
    res = await s.confirm(a.token, id, true, sigB);
    expect(res.body.error.details.reason).toBe('SIGNATURE_MISSING');
    const photo = (await ctx.db.evidenceFile.findFirstOrThrow({ where: { caseId: id, slot: 'OVERVIEW_FRONT' } })).id;
    expect((await s.confirm(b.token, id, true, photo)).body.error.details.reason).toBe('SIGNATURE_MISSING');
    expect((await s.confirm(a.token, id, true, sigA)).status).toBe(200);
  });

  it('asks the other party to sign after the first agrees, then submits when both agreed', async () => {
    const c = await s.negotiating();
    const first = await s.confirm(c.a.token, c.id, true, await s.sign(c.a.token, c.id));
    expect(first.body.status).toBe('NEGOTIATING');
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: c.b.id, event: 'accident.signature_awaited' } })).toBe(1);
    const second = await s.confirm(c.b.token, c.id, true, await s.sign(c.b.token, c.id));
    expect(second.body).toMatchObject({ status: 'PENDING_REVIEW', disputed: false });
    expect(second.body.events.at(-1)).toMatchObject({ type: 'SUBMITTED', actor: 'B', from: 'NEGOTIATING', to: 'PENDING_REVIEW' });
    expect(second.body.parties.every((p: { signed: boolean }) => p.signed)).toBe(true);
    for (const d of [c.a, c.b]) {
      expect(await ctx.db.messageCentreEntry.count({ where: { driverId: d.id, event: 'accident.submitted' } })).toBe(1);
    }
  });

  it('marks the case disputed when a party disagrees', async () => {
    const c = await s.pendingReview({ disputed: true });
    const view = await s.get(c.a.token, c.id);
    expect(view.body).toMatchObject({ status: 'PENDING_REVIEW', disputed: true });
    expect(view.body.events.map((e: { type: string }) => e.type)).toContain('DISPUTED');
  });

  it('submits exactly once when both parties answer at the same moment', async () => {
    const c = await s.negotiating();
    const [sigA, sigB] = [await s.sign(c.a.token, c.id), await s.sign(c.b.token, c.id)];
    const results = await Promise.all([s.confirm(c.a.token, c.id, true, sigA), s.confirm(c.b.token, c.id, true, sigB)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('PENDING_REVIEW');
    expect(await ctx.db.caseEvent.count({ where: { caseId: c.id, type: 'SUBMITTED' } })).toBe(1);
  });

  it('refuses a single-vehicle liability that blames a party who does not exist', async () => {
    const a = await loginDriver(ctx);
    const created = await s.report(a.token, { vehicleCount: 1 });
    expect((await s.liability(a.token, created.body.id, 'SINGLE_VEHICLE', 'B')).status).toBe(422);
    expect((await s.liability(a.token, created.body.id, 'SINGLE_VEHICLE', 'A')).body.liability).toEqual({ A: '全部' });
  });
});

describe('POST /api/accidents/:id/cancel', () => {
  it('lets the reporter withdraw, not the other party; a withdrawn case accepts nothing more', async () => {
    const c = await s.negotiating();
    expect((await ctx.http.post(`/api/accidents/${c.id}/cancel`).set(s.auth(c.b.token))).status).toBe(403);
    const res = await ctx.http.post(`/api/accidents/${c.id}/cancel`).set(s.auth(c.a.token));
    expect(res.body.status).toBe('CANCELLED');
    expect((await s.details(c.b.token, c.id, DETAILS_B)).status).toBe(409);
    expect((await ctx.http.post(`/api/accidents/${c.id}/cancel`).set(s.auth(c.a.token))).status).toBe(409);
  });
});
