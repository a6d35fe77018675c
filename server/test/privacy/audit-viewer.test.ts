// GET /api/admin/audit: admins only; filters by actor, action, record and Asia/Shanghai days; paged.
import { createStaff, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const list = (token: string, query = '') => ctx.http.get(`/api/admin/audit${query}`).set(auth(token));
const ids = (res: { body: { items: { id: number }[] } }) => res.body.items.map((i) => i.id);

async function admin() {
  const staff = await createStaff(ctx, { username: 'admin.audit', role: 'ADMIN' });
  return { id: staff.id, token: await loginStaff(ctx, 'admin.audit') };
}

/** Rows at fixed instants (UTC), made directly: the viewer reads what any module wrote. */
async function seed() {
  const officer = await createStaff(ctx, { username: 'officer.audited', role: 'OFFICER', unit: 'tengzhou' });
  const driver = await ctx.db.driver.create({ data: { openid: 'o-audited-driver', nickname: '小王' } });
  const row = (data: { actorType: 'DRIVER' | 'STAFF' | 'SYSTEM'; actorId?: number; action: string; entityType: string; entityId?: string; at: string }) =>
    ctx.db.auditLog.create({ data: { ...data, at: new Date(data.at), details: { note: data.action } } });
  const rows = {
    // 2026-10-31 23:59 in Shanghai
    lateOct31: await row({ actorType: 'STAFF', actorId: officer.id, action: 'personal_data.viewed', entityType: 'AccidentCase', entityId: '7', at: '2026-10-31T15:59:00Z' }),
    // 2026-11-01 00:30 in Shanghai
    earlyNov1: await row({ actorType: 'STAFF', actorId: officer.id, action: 'personal_data.exported', entityType: 'AccidentCase', entityId: '7', at: '2026-10-31T16:30:00Z' }),
    // 2026-11-01 23:59 in Shanghai
    lateNov1: await row({ actorType: 'DRIVER', actorId: driver.id, action: 'accident.created', entityType: 'AccidentCase', entityId: '8', at: '2026-11-01T15:59:00Z' }),
    // 2026-11-02 00:00 in Shanghai
    nov2: await row({ actorType: 'SYSTEM', action: 'exam.session_allocated', entityType: 'ExamSession', entityId: '3', at: '2026-11-01T16:00:00Z' }),
  };
  return { officer, driver, rows };
}

describe('GET /api/admin/audit', () => {
  it('lists every row newest first with who did it, by name', async () => {
    const a = await admin();
    const { officer, driver, rows } = await seed();
    const res = await list(a.token, '?entityType=AccidentCase');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(ids(res)).toEqual([rows.lateNov1.id, rows.earlyNov1.id, rows.lateOct31.id]);
    expect(res.body.items[0]).toEqual({
      id: rows.lateNov1.id,
      at: '2026-11-01T15:59:00.000Z',
      actor: { type: 'DRIVER', id: driver.id, name: '小王' },
      action: 'accident.created',
      entityType: 'AccidentCase',
      entityId: '8',
      details: { note: 'accident.created' },
      ip: null,
    });
    expect(res.body.items[1].actor).toEqual({ type: 'STAFF', id: officer.id, name: 'officer.audited' });
    const system = await list(a.token, '?actor=SYSTEM');
    expect(system.body.items).toEqual([expect.objectContaining({ id: rows.nov2.id, actor: { type: 'SYSTEM', id: null } })]);
  });

  it('filters by actor: type and id, type alone, or a staff username', async () => {
    const a = await admin();
    const { officer, driver, rows } = await seed();
    expect(ids(await list(a.token, `?actor=STAFF:${officer.id}`))).toEqual([rows.earlyNov1.id, rows.lateOct31.id]);
    expect(ids(await list(a.token, `?actor=staff:${officer.id}`))).toEqual([rows.earlyNov1.id, rows.lateOct31.id]);
    expect(ids(await list(a.token, '?actor=officer.audited'))).toEqual([rows.earlyNov1.id, rows.lateOct31.id]);
    expect(ids(await list(a.token, `?actor=DRIVER:${driver.id}`))).toEqual([rows.lateNov1.id]);
    expect(ids(await list(a.token, `?actor=DRIVER:${driver.id + 100}`))).toEqual([]);
    expect((await list(a.token, '?actor=nobody.here')).body).toEqual({ items: [], total: 0 });
  });

  it('filters by action, or by the family of actions before the dot', async () => {
    const a = await admin();
    const { rows } = await seed();
    expect(ids(await list(a.token, '?action=personal_data.exported'))).toEqual([rows.earlyNov1.id]);
    expect(ids(await list(a.token, '?action=personal_data'))).toEqual([rows.earlyNov1.id, rows.lateOct31.id]);
    expect(ids(await list(a.token, '?action=personal'))).toEqual([]);
  });

  it('filters by record', async () => {
    const a = await admin();
    const { rows } = await seed();
    expect(ids(await list(a.token, '?entityType=AccidentCase&entityId=7'))).toEqual([rows.earlyNov1.id, rows.lateOct31.id]);
    expect(ids(await list(a.token, '?entityType=ExamSession&entityId=3'))).toEqual([rows.nov2.id]);
  });

  it('takes from and to as Shanghai days, both included', async () => {
    const a = await admin();
    const { rows } = await seed();
    expect(ids(await list(a.token, '?from=2026-11-01&to=2026-11-01'))).toEqual([rows.lateNov1.id, rows.earlyNov1.id]);
    expect(ids(await list(a.token, '?from=2026-11-01&to=2026-11-02'))).toEqual([rows.nov2.id, rows.lateNov1.id, rows.earlyNov1.id]);
    expect(ids(await list(a.token, '?from=2026-11-01&entityType=AccidentCase'))).toEqual([rows.lateNov1.id, rows.earlyNov1.id]);
    expect(ids(await list(a.token, '?to=2026-10-31'))).toEqual([rows.lateOct31.id]);
    expect(ids(await list(a.token, '?from=2026-11-02&to=2026-11-02'))).toEqual([rows.nov2.id]);
  });

  it('pages with page and pageSize', async () => {
    const a = await admin();
    const { rows } = await seed();
    const first = await list(a.token, '?entityType=AccidentCase&pageSize=2');
    expect(first.body.total).toBe(3);
    expect(ids(first)).toEqual([rows.lateNov1.id, rows.earlyNov1.id]);
    expect(ids(await list(a.token, '?entityType=AccidentCase&pageSize=2&page=2'))).toEqual([rows.lateOct31.id]);
  });

  it.each([
    ['?from=2026-13-01', 'from'],
    ['?from=2026-12-01T00:00:00Z', 'from'],
    ['?from=2026-12-02&to=2026-12-01', 'to'],
    ['?action=DROP%20TABLE', 'action'],
    ['?entityType=Accident%27Case', 'entityType'],
    ['?pageSize=1000', 'pageSize'],
    ['?page=0', 'page'],
  ])('answers 400 VALIDATION_FAILED to %s', async (query, field) => {
    const a = await admin();
    const res = await list(a.token, query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field, in: 'query' })]));
  });

  it('is for admins only: 403 for officers, agents and drivers, 401 without a token', async () => {
    await createStaff(ctx, { username: 'officer.nosy', role: 'OFFICER', unit: 'tengzhou' });
    await createStaff(ctx, { username: 'agent.nosy', role: 'AGENT' });
    const driver = await loginDriver(ctx);
    for (const token of [await loginStaff(ctx, 'officer.nosy'), await loginStaff(ctx, 'agent.nosy'), driver.token]) {
      const res = await list(token);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await ctx.http.get('/api/admin/audit')).status).toBe(401);
  });
});
