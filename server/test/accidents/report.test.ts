// POST /api/accidents: eligibility, the unit, the initial state and its events, double taps; the scenario table.
import { loginDriver, type TestContext } from '../support/context';
import { ELIGIBLE, startAccidentContext, steps, TENGZHOU } from './flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

describe('POST /api/accidents', () => {
  it('creates a two-vehicle case waiting for the other party, with a 6-digit invite code and its events', async () => {
    const a = await loginDriver(ctx);
    const res = await s.report(a.token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'WAITING_FOR_PARTY', vehicleCount: 2, myRole: 'A', unit: { code: 'tengzhou' } });
    expect(res.body.inviteCode).toMatch(/^\d{6}$/);
    expect(res.body.caseNumber).toMatch(/^SG\d{14}$/);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['CREATED', 'INVITE_OPENED']);
    expect(res.body.events[0]).toMatchObject({ actor: 'A', to: 'DRAFT' });
    expect(res.body.parties).toHaveLength(1);
    const row = await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.inviteExpiresAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect(await ctx.db.auditLog.count({ where: { action: 'accident.created' } })).toBe(1);
  });

  it('starts a one-vehicle case negotiating, without an invite code', async () => {
    const a = await loginDriver(ctx);
    const res = await s.report(a.token, { vehicleCount: 1 });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('NEGOTIATING');
    expect(res.body.inviteCode).toBeUndefined();
  });

  it('takes the unit from the place, or the one chosen', async () => {
    const a = await loginDriver(ctx);
    const shizhong = await s.report(a.token, { location: { latitude: 34.86, longitude: 117.55, address: '市中区光明大道' } });
    expect(shizhong.body.unit).toEqual({ code: 'shizhong', name: '市中' });
    const chosen = await s.report(a.token, { unit: 'expressway', location: { ...TENGZHOU, address: '京台高速K500' } });
    expect(chosen.body.unit.code).toBe('expressway');
  });

  it('accepts a place without coordinates when the unit is chosen (the browser has no GPS), and asks for the unit otherwise', async () => {
    const a = await loginDriver(ctx);
    const chosen = await s.report(a.token, { unit: 'shanting', location: { address: '山亭区府前路' } });
    expect(chosen.status).toBe(201);
    expect(chosen.body).toMatchObject({ unit: { code: 'shanting' }, location: { latitude: null, longitude: null, address: '山亭区府前路' } });
    const missing = await s.report(a.token, { location: { address: '山亭区府前路' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('unit');
  });

  it.each([
    [{ injuries: true }, 'INJURIES'],
    [{ vehiclesDrivable: false }, 'NOT_DRIVABLE'],
    [{ licencesValid: false }, 'LICENCE_INVALID'],
    [{ insured: false }, 'NOT_INSURED'],
    [{ impaired: true }, 'IMPAIRED'],
    [{ dangerousGoods: true }, 'DANGEROUS_GOODS'],
    [{ facilitiesDamaged: true }, 'FACILITIES_DAMAGED'],
  ])('refuses %j with 422 NOT_ELIGIBLE (%s), says to call 122 and stores nothing', async (answer, reason) => {
    const a = await loginDriver(ctx);
    const res = await s.report(a.token, { eligibility: { ...ELIGIBLE, ...answer } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NOT_ELIGIBLE');
    expect(res.body.error.details).toMatchObject({ reason, call: '122' });
    expect(res.body.error.message).toContain('122');
    expect(await ctx.db.accidentCase.count()).toBe(0);
  });

  it("follows a unit's settings: outside its service hours, and expressways it does not process quickly", async () => {
    const a = await loginDriver(ctx);
    // A one-minute window twelve hours from now is certainly closed.
    const closed = new Date(Date.now() + 8 * 3_600_000 + 12 * 3_600_000);
    const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    await ctx.db.unit.update({ where: { code: 'tengzhou' }, data: { serviceHours: `${hhmm(closed)}-${hhmm(new Date(closed.getTime() + 60_000))}` } });
    await ctx.db.unit.update({ where: { code: 'expressway' }, data: { expresswayQuick: false } });
    try {
      const hours = await s.report(a.token);
      expect(hours.status).toBe(422);
      expect(hours.body.error.details.reason).toBe('OUTSIDE_SERVICE_HOURS');
      const expressway = await s.report(a.token, { eligibility: { ...ELIGIBLE, onExpressway: true } });
      expect(expressway.body.error.details.reason).toBe('EXPRESSWAY');
      expect(await ctx.db.accidentCase.count()).toBe(0);
    } finally {
      await ctx.db.unit.update({ where: { code: 'tengzhou' }, data: { serviceHours: null } });
      await ctx.db.unit.update({ where: { code: 'expressway' }, data: { expresswayQuick: true } });
    }
  });

  it('answers the eligibility check without storing anything', async () => {
    const a = await loginDriver(ctx);
    const ok = await ctx.http.post('/api/accidents/eligibility').set(s.auth(a.token)).send({ location: TENGZHOU, eligibility: ELIGIBLE });
    expect(ok.body).toEqual({ eligible: true, unit: { code: 'tengzhou', name: '滕州' } });
    const no = await ctx.http
      .post('/api/accidents/eligibility')
      .set(s.auth(a.token))
      .send({ location: TENGZHOU, eligibility: { ...ELIGIBLE, injuries: true } });
    expect(no.status).toBe(422);
    expect(await ctx.db.accidentCase.count()).toBe(0);
  });

  it('creates one case for a double-tapped submit', async () => {
    const a = await loginDriver(ctx);
    const occurredAt = new Date(Date.now() - 60_000).toISOString();
    const [one, two] = await Promise.all([s.report(a.token, { occurredAt }), s.report(a.token, { occurredAt })]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.id).toBe(two.body.id);
    expect(await ctx.db.accidentCase.count()).toBe(1);
  });

  it('answers 400 for bad input: a future time, three vehicles, an unknown unit, a missing answer', async () => {
    const a = await loginDriver(ctx);
    const bad = [
      { occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
      { vehicleCount: 3 },
      { unit: 'atlantis' },
      { eligibility: { injuries: false } },
      { location: { latitude: 99, longitude: 117, address: 'x' } },
    ];
    for (const body of bad) expect((await s.report(a.token, body)).status).toBe(400);
    expect(await ctx.db.accidentCase.count()).toBe(0);
  });

  it('is for drivers only', async () => {
    expect((await ctx.http.post('/api/accidents').send({})).status).toBe(401);
    const officer = await s.officer();
    expect((await s.report(officer)).status).toBe(403);
  });
});

describe('GET /api/accidents/scenarios', () => {
  it('serves the coded table with the contract codes and who is at fault', async () => {
    const res = await ctx.http.get('/api/accidents/scenarios');
    expect(res.status).toBe(200);
    const codes = res.body.items.map((i: { code: string }) => i.code);
    for (const code of ['REAR_END', 'LANE_CHANGE', 'REVERSING', 'DOOR_OPENING', 'RED_LIGHT', 'WRONG_WAY', 'TURNING_NOT_YIELDING', 'HIT_PARKED', 'LEAVING_PARKING', 'BOTH_AT_FAULT']) {
      expect(codes).toContain(code);
    }
    expect(res.body.items.find((i: { code: string }) => i.code === 'REAR_END')).toMatchObject({ name: '追尾', atFault: '后方车辆负全部责任' });
  });
});
