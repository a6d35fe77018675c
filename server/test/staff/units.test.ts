// Unit settings (大队设置): the admins read and change them, and the accident rules follow at once:
// quick-processing hours, expressway cases, the district centre that routes a located case, and
// the duty phone the parties of a transferred case are shown.
import { shanghaiMinuteOfDay } from '@jiaoguan/contracts/time';
import { createStaff, loginDriver, loginStaff, type TestContext } from '../support/context';
import { accidentSuite, ELIGIBLE, expectStatus, TENGZHOU, type steps } from '../accidents/flow';

const suite = accidentSuite();
let ctx: TestContext;
let s: ReturnType<typeof steps>;
let admin: string;
/** Units are reference data that a reset keeps: what the tests change is put back after each. */
let original: Awaited<ReturnType<TestContext['db']['unit']['findMany']>>;
beforeAll(async () => {
  ({ ctx, s } = suite);
  original = await ctx.db.unit.findMany();
});
beforeEach(async () => {
  await createStaff(ctx, { username: `admin.u${Date.now()}`, role: 'ADMIN' }).then((a) => loginStaff(ctx, a.username)).then((t) => (admin = t));
});
afterEach(async () => {
  for (const u of original) await ctx.db.unit.update({ where: { id: u.id }, data: u });
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const patchUnit = (code: string, body: object, token = admin) => ctx.http.patch(`/api/admin/units/${code}`).set(as(token)).send(body);
const check = (token: string, body: object = {}) =>
  ctx.http.post('/api/accidents/eligibility').set(as(token)).send({ location: TENGZHOU, eligibility: ELIGIBLE, ...body });
const clock = (minuteOfDay: number) => {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

describe('GET /api/admin/units', () => {
  it('lists every unit with its settings; the district centres came from the code into the rows', async () => {
    const res = await ctx.http.get('/api/admin/units').set(as(admin));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(7);
    expect(res.body.items).toContainEqual({
      code: 'tengzhou',
      name: '滕州',
      serviceHours: null,
      expresswayQuick: true,
      area: { latitude: 35.114, longitude: 117.165 },
      areaDescription: '滕州市',
      dutyPhone: null,
      reviewLimitMinutes: 30,
    });
    expect(res.body.items.find((u: { code: string }) => u.code === 'expressway').area).toBeNull();
  });

  it('is for admins only', async () => {
    const officer = await s.officer();
    expect((await ctx.http.get('/api/admin/units').set(as(officer))).status).toBe(403);
    expect((await patchUnit('tengzhou', { dutyPhone: '0632-1234567' }, officer)).status).toBe(403);
    expect((await ctx.http.get('/api/admin/units')).status).toBe(401);
  });
});

describe('PATCH /api/admin/units/:code', () => {
  it('changes the settings it is given, keeps the others, and audits before and after', async () => {
    const res = await patchUnit('tengzhou', { serviceHours: { start: '08:00', end: '20:30' }, dutyPhone: '0632-5512122' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'tengzhou', serviceHours: { start: '08:00', end: '20:30' }, dutyPhone: '0632-5512122', expresswayQuick: true, area: { latitude: 35.114 } });
    expect((await ctx.db.unit.findUniqueOrThrow({ where: { code: 'tengzhou' } })).serviceHours).toBe('08:00-20:30');
    const row = await ctx.db.auditLog.findFirstOrThrow({ where: { action: 'unit.updated', entityId: 'tengzhou' } });
    expect(row.details).toMatchObject({ before: { serviceHours: null, dutyPhone: null }, after: { serviceHours: { start: '08:00', end: '20:30' } } });
    const cleared = await patchUnit('tengzhou', { serviceHours: null, dutyPhone: null });
    expect(cleared.body).toMatchObject({ serviceHours: null, dutyPhone: null });
  });

  it.each([
    ['no field', {}, 400],
    ['an hour past 23', { serviceHours: { start: '08:00', end: '25:00' } }, 400],
    ['a window of no length', { serviceHours: { start: '08:00', end: '08:00' } }, 400],
    ['a duty phone with letters', { dutyPhone: 'call me' }, 400],
    ['a latitude off the globe', { area: { latitude: 120, longitude: 117 } }, 400],
    ['a wrong type', { expresswayQuick: 'yes' }, 400],
  ])('refuses %s with 400 and changes nothing', async (_what, body, status) => {
    const before = await ctx.db.unit.findUniqueOrThrow({ where: { code: 'tengzhou' } });
    const res = await patchUnit('tengzhou', body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await ctx.db.unit.findUniqueOrThrow({ where: { code: 'tengzhou' } })).toEqual(before);
  });

  it('answers 404 for a unit that does not exist', async () => {
    const res = await patchUnit('atlantis', { dutyPhone: '0632-1234567' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('没有这个大队');
  });
});

describe('the accident rules follow the settings', () => {
  it('outside the quick-processing hours a report answers 422 NOT_ELIGIBLE with the reason; inside, it goes on', async () => {
    const driver = await loginDriver(ctx);
    const now = shanghaiMinuteOfDay(new Date());
    // A window that closed an hour ago and opens again in an hour.
    expectStatus(await patchUnit('tengzhou', { serviceHours: { start: clock(now + 60), end: clock(now - 60) } }), 200);
    const refused = await s.report(driver.token);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'NOT_ELIGIBLE', details: { reason: 'OUTSIDE_SERVICE_HOURS', call: '122' } });
    expect(refused.body.error.message).toContain('服务时间');
    expect((await check(driver.token)).body.error.details.reason).toBe('OUTSIDE_SERVICE_HOURS');
    expect(await ctx.db.accidentCase.count()).toBe(0);
    // Open now: from an hour ago to an hour from now (a window past midnight works the same).
    expectStatus(await patchUnit('tengzhou', { serviceHours: { start: clock(now - 60), end: clock(now + 60) } }), 200);
    expect((await s.report(driver.token)).status).toBe(201);
  });

  it('expressway cases answer EXPRESSWAY once the expressway unit does not take them quickly', async () => {
    const driver = await loginDriver(ctx);
    const onExpressway = { eligibility: { ...ELIGIBLE, onExpressway: true } };
    expect((await check(driver.token, onExpressway)).body).toMatchObject({ eligible: true, unit: { code: 'expressway' } });
    expectStatus(await patchUnit('expressway', { expresswayQuick: false }), 200);
    const refused = await check(driver.token, onExpressway);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.reason).toBe('EXPRESSWAY');
  });

  it("a located case goes to the unit whose district centre is nearest, as the admins set it", async () => {
    const driver = await loginDriver(ctx);
    expect((await check(driver.token)).body.unit.code).toBe('tengzhou');
    // 滕州 no longer chosen by place; 山亭's centre moved onto the place.
    expectStatus(await patchUnit('tengzhou', { area: null }), 200);
    expectStatus(await patchUnit('shanting', { area: { latitude: TENGZHOU.latitude, longitude: TENGZHOU.longitude } }), 200);
    expect((await check(driver.token)).body.unit).toEqual({ code: 'shanting', name: '山亭' });
    // A unit picked by the party is taken as it is.
    expect((await check(driver.token, { unit: 'tengzhou' })).body.unit.code).toBe('tengzhou');
  });

  it("the parties of a transferred case are shown the unit's duty phone, not before", async () => {
    expectStatus(await patchUnit('tengzhou', { dutyPhone: '0632-5512122' }), 200);
    const officer = await s.officer();
    const c = await s.pendingReview();
    const before = await s.get(c.a.token, c.id);
    expect(before.body.unit).toEqual({ code: 'tengzhou', name: '滕州' });
    expectStatus(await s.decide(officer, c.id, { decision: 'TRANSFER', note: '请到现场处理' }), 200);
    const after = await s.get(c.a.token, c.id);
    expect(after.body.unit).toEqual({ code: 'tengzhou', name: '滕州', dutyPhone: '0632-5512122' });
    expect((await s.get(c.b.token, c.id)).body.unit.dutyPhone).toBe('0632-5512122');
  });
});
