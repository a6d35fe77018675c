// The demo data: loads, can be loaded again without duplicates, and its logins work.
import { DEMO_PASSWORD, DEMO_STAFF, seedDemoData } from '../../../prisma/seed';
import { idNumberProblem } from '../../src/modules/identity/id-number';
import { isValidVin } from '../../src/modules/inquiries/vin';
import { startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
  await ctx.reset();
});
afterAll(() => ctx.close());

describe('seedDemoData', () => {
  it('is idempotent', async () => {
    await seedDemoData(ctx.db);
    const counts = async () => ({
      staff: await ctx.db.staff.count(),
      licences: await ctx.db.licence.count(),
      learners: await ctx.db.learner.count(),
      sessions: await ctx.db.examSession.count(),
      vehicles: await ctx.db.vehicle.count(),
      violations: await ctx.db.violation.count(),
      faq: await ctx.db.faqEntry.count(),
    });
    const first = await counts();
    await seedDemoData(ctx.db);
    expect(await counts()).toEqual(first);
    expect(first.staff).toBe(DEMO_STAFF.length);
  });

  it('lets every demo account log in with the documented password and unit', async () => {
    for (const s of DEMO_STAFF) {
      const res = await ctx.http.post('/api/auth/staff').send({ username: s.username, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user.role).toBe(s.role.toLowerCase());
      expect(res.body.user.unit?.code ?? null).toBe(s.unit);
    }
  });

  it('holds only valid ID numbers and VINs', async () => {
    for (const l of await ctx.db.licence.findMany()) expect(idNumberProblem(l.idNumber)).toBeNull();
    for (const l of await ctx.db.learner.findMany()) expect(idNumberProblem(l.idNumber)).toBeNull();
    for (const v of await ctx.db.vehicle.findMany()) expect(isValidVin(v.vin)).toBe(true);
  });
});
