// Staff accounts in the admin console: create (audited), duplicates, unknown units, the list, the units.
import { createStaff, loginStaff, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  await createStaff(ctx, { username: 'admin.s', role: 'ADMIN' });
  admin = await loginStaff(ctx, 'admin.s');
});

const create = (body: object) => ctx.http.post('/api/admin/staff').set('Authorization', `Bearer ${admin}`).send(body);

describe('POST /api/admin/staff', () => {
  it('creates an officer of a unit (201, lower-case role, unit named) with its audit row', async () => {
    const res = await create({ username: 'Officer.New', password: 'long-enough-pass', displayName: '新民警', role: 'officer', unit: 'tengzhou' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'officer.new', role: 'officer', active: true, unit: { code: 'tengzhou', name: '滕州' } });
    expect(await ctx.db.auditLog.count({ where: { action: 'staff.created', entityId: String(res.body.id) } })).toBe(1);
    expect((await ctx.http.post('/api/auth/staff').send({ username: 'officer.new', password: 'long-enough-pass' })).status).toBe(200);
  });

  it('refuses a username already taken with 409 USERNAME_TAKEN and writes nothing', async () => {
    const body = { username: 'agent.x', password: 'long-enough-pass', displayName: '客服', role: 'agent' };
    expect((await create(body)).status).toBe(201);
    const again = await create(body);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'USERNAME_TAKEN', message: '该用户名已被使用' });
    expect(await ctx.db.staff.count({ where: { username: 'agent.x' } })).toBe(1);
    expect(await ctx.db.auditLog.count({ where: { action: 'staff.created' } })).toBe(1);
  });

  it('answers 404 for a unit that does not exist', async () => {
    const res = await create({ username: 'officer.y', password: 'long-enough-pass', displayName: '民警', role: 'officer', unit: 'atlantis' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('没有这个大队');
    expect(await ctx.db.staff.count({ where: { username: 'officer.y' } })).toBe(0);
  });
});

describe('GET /api/admin/staff and /api/units', () => {
  it('lists accounts newest first, a page at a time, with the total', async () => {
    for (const name of ['a1', 'a2', 'a3']) await createStaff(ctx, { username: `agent.${name}`, role: 'AGENT' });
    const res = await ctx.http.get('/api/admin/staff?page=1&pageSize=2').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.items.map((s: { username: string }) => s.username)).toEqual(['agent.a3', 'agent.a2']);
    const second = await ctx.http.get('/api/admin/staff?page=2&pageSize=2').set('Authorization', `Bearer ${admin}`);
    expect(second.body.items.map((s: { username: string }) => s.username)).toEqual(['agent.a1', 'admin.s']);
    expect(second.body.items[0]).not.toHaveProperty('passwordHash');
  });

  it('lists the units to anyone', async () => {
    const res = await ctx.http.get('/api/units');
    expect(res.status).toBe(200);
    expect(res.body.items).toContainEqual({ code: 'tengzhou', name: '滕州' });
    expect(res.body.total).toBe(res.body.items.length);
  });
});
