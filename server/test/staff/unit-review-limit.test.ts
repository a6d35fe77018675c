// The unit's review limit (大队设置 审核时限, Unit.reviewLimitMinutes): read and changed by admins in
// GET/PATCH /api/admin/units; the officer queue's due time follows at once; bad values are refused
// and change nothing.
import { createStaff, loginStaff, type TestContext } from '../support/context';
import { accidentSuite, expectStatus, type steps } from '../accidents/flow';

const suite = accidentSuite();
let ctx: TestContext;
let s: ReturnType<typeof steps>;
let admin: string;
beforeAll(() => {
  ({ ctx, s } = suite);
});
beforeEach(async () => {
  await ctx.db.unit.updateMany({ data: { reviewLimitMinutes: null, serviceHours: null } });
  const a = await createStaff(ctx, { username: `admin.rl${Date.now()}`, role: 'ADMIN' });
  admin = await loginStaff(ctx, a.username);
});
afterAll(() => ctx.db.unit.updateMany({ data: { reviewLimitMinutes: null } }));

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const patchUnit = (code: string, body: object, token = admin) => ctx.http.patch(`/api/admin/units/${code}`).set(as(token)).send(body);

describe('reviewLimitMinutes', () => {
  it('is 30 by default, changes for the one unit, is audited, and sets the queue due time', async () => {
    const list = await ctx.http.get('/api/admin/units').set(as(admin));
    expect(list.body.items.every((u: { reviewLimitMinutes: number }) => u.reviewLimitMinutes === 30)).toBe(true);
    const res = await patchUnit('tengzhou', { reviewLimitMinutes: 45 });
    expectStatus(res, 200);
    expect(res.body.reviewLimitMinutes).toBe(45);
    expect((await ctx.db.unit.findUniqueOrThrow({ where: { code: 'shizhong' } })).reviewLimitMinutes).toBeNull();
    const row = await ctx.db.auditLog.findFirstOrThrow({ where: { action: 'unit.updated', entityId: 'tengzhou' }, orderBy: { id: 'desc' } });
    expect(row.details).toMatchObject({ before: { reviewLimitMinutes: 30 }, after: { reviewLimitMinutes: 45 } });

    const officer = await s.officer('tengzhou');
    const c = await s.pendingReview();
    const queue = await ctx.http.get('/api/officer/accidents?status=PENDING_REVIEW').set(as(officer));
    const item = queue.body.items.find((i: { id: number }) => i.id === c.id);
    expect(Date.parse(item.dueAt) - Date.parse(item.submittedAt)).toBe(45 * 60_000);
  });

  it.each([
    ['zero', 0],
    ['a fraction', 12.5],
    ['more than a day', 1441],
    ['a string', '30'],
    ['null', null],
  ])('refuses %s with 400 and changes nothing', async (_what, value) => {
    const res = await patchUnit('tengzhou', { reviewLimitMinutes: value });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect((await ctx.db.unit.findUniqueOrThrow({ where: { code: 'tengzhou' } })).reviewLimitMinutes).toBeNull();
  });

  it('is for admins only', async () => {
    const officer = await s.officer('tengzhou');
    expect((await patchUnit('tengzhou', { reviewLimitMinutes: 10 }, officer)).status).toBe(403);
    expect((await ctx.db.unit.findUniqueOrThrow({ where: { code: 'tengzhou' } })).reviewLimitMinutes).toBeNull();
  });
});
