// Staff reads of personal data leave an audit row each (who, which record, what was shown, masked
// values only); a driver reading their own data leaves none.
import { createStaff, idNumberCheckChar, loginDriver, loginStaff, type TestContext } from '../support/context';
import { DETAILS_A, DETAILS_B, ID_A, ID_B, expectStatus, startAccidentContext, steps } from '../accidents/flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const personalRows = () =>
  ctx.db.auditLog.findMany({ where: { action: { startsWith: 'personal_data.' } }, orderBy: { id: 'asc' } });

/** Nothing whole that identifies a party: ID numbers and phones only masked. */
function expectMasked(details: unknown) {
  const text = JSON.stringify(details);
  for (const whole of [ID_A, ID_B, DETAILS_A.phone, DETAILS_B.phone, DETAILS_A.driverName, DETAILS_B.driverName]) expect(text).not.toContain(whole);
}

async function staffToken(username: string, role: 'OFFICER' | 'AGENT' | 'ADMIN', unit?: string) {
  const staff = await createStaff(ctx, { username, role, unit });
  return { id: staff.id, token: await loginStaff(ctx, username) };
}

describe('an officer', () => {
  it('opening a case of the unit leaves personal_data.viewed with the parties masked', async () => {
    const c = await s.pendingReview();
    const officer = await staffToken('officer.read', 'OFFICER', 'tengzhou');
    const res = await ctx.http.get(`/api/officer/accidents/${c.id}`).set(s.auth(officer.token));
    expect(res.status).toBe(200);
    const rows = await personalRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorType: 'STAFF', actorId: officer.id, action: 'personal_data.viewed', entityType: 'AccidentCase', entityId: String(c.id) });
    expect(rows[0].ip).toBeTruthy();
    const details = rows[0].details as { caseNumber: string; shown: string[]; parties: { role: string; name: string; licenceNumber: string; phone: string }[] };
    expect(details.caseNumber).toBe(c.caseNumber);
    expect(details.shown).toEqual(expect.arrayContaining(['driverName', 'licenceNumber', 'phone']));
    expect(details.parties).toEqual([
      expect.objectContaining({ role: 'A', driverId: c.a.id, name: '张*', licenceNumber: `370402********${ID_A.slice(-4)}`, phone: '138****0001' }),
      expect.objectContaining({ role: 'B', driverId: c.b.id, name: '李*', phone: '139****0002' }),
    ]);
    expectMasked(details);
  });

  it('asking for a case of another unit (404) leaves no row', async () => {
    const c = await s.pendingReview();
    const other = await staffToken('officer.other', 'OFFICER', 'shizhong');
    expect((await ctx.http.get(`/api/officer/accidents/${c.id}`).set(s.auth(other.token))).status).toBe(404);
    expect(await personalRows()).toHaveLength(0);
  });

  it('downloading the agreement leaves personal_data.exported; the parties downloading it leave none', async () => {
    const c = await s.pendingReview();
    const officer = await staffToken('officer.pdf', 'OFFICER', 'tengzhou');
    expectStatus(await s.decide(officer.token, c.id, { decision: 'CONFIRM', note: '事实清楚' }), 200);
    expect((await ctx.http.get(`/api/accidents/${c.id}/agreement`).set(s.auth(c.a.token))).status).toBe(200);
    expect(await personalRows()).toHaveLength(0);
    expect((await ctx.http.get(`/api/accidents/${c.id}/agreement`).set(s.auth(officer.token))).status).toBe(200);
    const rows = await personalRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: officer.id, action: 'personal_data.exported', entityType: 'AccidentCase', entityId: String(c.id) });
    expect(rows[0].details).toMatchObject({ format: 'pdf', caseNumber: c.caseNumber });
    expectMasked(rows[0].details);
  });
});

describe('the claims export', () => {
  it('as CSV leaves personal_data.exported naming the claims; as JSON personal_data.viewed', async () => {
    const c = await s.pendingReview();
    const officer = await staffToken('officer.claims', 'OFFICER', 'tengzhou');
    expectStatus(await s.decide(officer.token, c.id, { decision: 'CONFIRM', note: '事实清楚' }), 200);
    const admin = await staffToken('admin.claims', 'ADMIN');
    const csv = await ctx.http.get('/api/admin/insurance-claims?format=csv').set(s.auth(admin.token));
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(DETAILS_A.phone);
    const json = await ctx.http.get('/api/admin/insurance-claims?insurer=平安保险').set(s.auth(admin.token));
    expect(json.body.total).toBe(1);
    const claimIds = (await ctx.db.insuranceClaim.findMany({ orderBy: { id: 'desc' }, select: { id: true } })).map((r) => r.id);
    const [exported, viewed] = await personalRows();
    expect(exported).toMatchObject({ actorType: 'STAFF', actorId: admin.id, action: 'personal_data.exported', entityType: 'InsuranceClaim', entityId: null });
    // The whole export, named by its filter and the newest claim it holds (the set is fixed then).
    expect(exported.details).toMatchObject({ format: 'csv', rows: 2, upToClaimId: claimIds[0], filter: { insurer: null } });
    expect(viewed).toMatchObject({ action: 'personal_data.viewed', entityType: 'InsuranceClaim' });
    expect(viewed.details).toMatchObject({ format: 'json', rows: 1, filter: { insurer: '平安保险' } });
    expectMasked(exported.details);
  });
});

describe('an agent', () => {
  it('opening a question leaves personal_data.viewed with the asker masked; the asker reading it leaves none', async () => {
    const d = await loginDriver(ctx);
    await ctx.db.driver.update({ where: { id: d.id }, data: { realName: '王小明', idNumber: ID_A } });
    const asked = await ctx.http.post('/api/consultations').set(s.auth(d.token)).send({ category: 'licence', content: '驾驶证到期了怎么换证？' });
    expect(asked.status).toBe(201);
    expect((await ctx.http.get(`/api/consultations/${asked.body.id}`).set(s.auth(d.token))).status).toBe(200);
    expect(await personalRows()).toHaveLength(0);
    const agent = await staffToken('agent.read', 'AGENT');
    expect((await ctx.http.get(`/api/agent/consultations/${asked.body.id}`).set(s.auth(agent.token))).status).toBe(200);
    const rows = await personalRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: agent.id, action: 'personal_data.viewed', entityType: 'Consultation', entityId: String(asked.body.id) });
    expect(rows[0].details).toMatchObject({ driverId: d.id, asker: '王**', category: 'licence', shown: ['askerName', 'content', 'replies'] });
    expect(JSON.stringify(rows[0].details)).not.toContain('王小明');
  });
});

describe('an admin', () => {
  it('looking a learner up leaves personal_data.viewed with the search masked', async () => {
    const admin = await staffToken('admin.learners', 'ADMIN');
    const idNumber = '37040420010915404' + idNumberCheckChar('37040420010915404');
    expect((await ctx.http.post('/api/admin/learners').set(s.auth(admin.token)).send({ idNumber, name: '赵敏', licenceClass: 'C1' })).status).toBe(201);
    const res = await ctx.http.get(`/api/admin/learners?search=${idNumber}`).set(s.auth(admin.token));
    expect(res.body.total).toBe(1);
    const rows = await personalRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.id, action: 'personal_data.viewed', entityType: 'Learner', entityId: String(res.body.items[0].id) });
    expect(rows[0].details).toMatchObject({ search: `370404********${idNumber.slice(-4)}`, learnerIds: [res.body.items[0].id] });
    expect(JSON.stringify(rows[0].details)).not.toContain(idNumber);
  });

  it('a search that finds nobody shows nothing and leaves no row', async () => {
    const admin = await staffToken('admin.nobody', 'ADMIN');
    expect((await ctx.http.get('/api/admin/learners?search=不存在').set(s.auth(admin.token))).body.total).toBe(0);
    expect(await personalRows()).toHaveLength(0);
  });
});

describe('a driver', () => {
  it('reading their own case, licence data and questions leaves no personal_data row', async () => {
    const c = await s.pendingReview();
    expect((await s.get(c.a.token, c.id)).status).toBe(200);
    expect((await ctx.http.get('/api/accidents').set(s.auth(c.b.token))).status).toBe(200);
    expect((await ctx.http.get('/api/me').set(s.auth(c.a.token))).status).toBe(200);
    expect(await personalRows()).toHaveLength(0);
  });
});
