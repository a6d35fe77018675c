// A driver's accident reports a Shanghai day (DAILY_ACCIDENTS_PER_DRIVER): counted before the text
// check, atomically, per driver; a refused report and a double tap do not count.
import { shanghaiDayParts, startOfDayAfter } from '@jiaoguan/contracts/time';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loginDriver, startTestContext, type TestContext } from '../support/context';
import { steps, TENGZHOU } from './flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startTestContext({ UPLOAD_DIR: mkdtempSync(path.join(tmpdir(), 'jg-uploads-')), DAILY_ACCIDENTS_PER_DRIVER: '5' });
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

let minutes = 0;
/** A report at a time of its own: the same report twice in a row is a double tap and gives the same case. */
const report = (token: string, body: object = {}) =>
  s.report(token, { occurredAt: new Date(Date.now() - (10 + ++minutes) * 60_000).toISOString(), ...body });

describe('accident reports a day', () => {
  it('refuses the sixth with 429 until the next Shanghai midnight and stores nothing', async () => {
    const a = await loginDriver(ctx);
    for (let i = 0; i < 5; i++) expect((await report(a.token)).status).toBe(201);
    const sixth = await report(a.token);
    expect(sixth.status).toBe(429);
    const lifts = startOfDayAfter(new Date(), 1);
    const [, month, day] = shanghaiDayParts(lifts);
    expect(sixth.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: `今天上报的事故已达5起，请明天（${month}月${day}日）再试`,
      details: { retryAt: lifts.toISOString() },
    });
    expect(await ctx.db.accidentCase.count()).toBe(5);
    expect(await ctx.db.auditLog.count({ where: { action: 'accident.created' } })).toBe(5);
  });

  it('lets exactly five of twenty parallel reports in', async () => {
    const a = await loginDriver(ctx);
    const answers = await Promise.all(Array.from({ length: 20 }, () => report(a.token)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(15);
    expect(await ctx.db.accidentCase.count({ where: { reporterId: a.id } })).toBe(5);
  });

  it("counts each driver on their own: one driver's spent day leaves another's untouched", async () => {
    const a = await loginDriver(ctx);
    const b = await loginDriver(ctx);
    for (let i = 0; i < 5; i++) await report(a.token);
    expect((await report(a.token)).status).toBe(429);
    expect((await report(b.token)).status).toBe(201);
  });

  it('does not count refused reports (risky text, not eligible, a bad body) nor a double tap', async () => {
    const a = await loginDriver(ctx);
    expect((await report(a.token, { location: { ...TENGZHOU, address: '善国北路 专业代开发票' } })).status).toBe(422);
    expect((await report(a.token, { eligibility: { injuries: true, vehiclesDrivable: true, licencesValid: true, insured: true, impaired: false } })).status).toBe(422);
    expect((await report(a.token, { vehicleCount: 3 })).status).toBe(400);
    const occurredAt = new Date(Date.now() - 5 * 60_000).toISOString();
    const [one, two] = [await s.report(a.token, { occurredAt }), await s.report(a.token, { occurredAt })];
    expect(two.body.id).toBe(one.body.id);
    for (let i = 0; i < 4; i++) expect((await report(a.token)).status).toBe(201);
    expect((await report(a.token)).status).toBe(429);
    expect(await ctx.db.accidentCase.count()).toBe(5);
  });
});
