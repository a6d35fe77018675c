// withinDailyLimit: a driver's points for one Shanghai calendar day, refused until the next Shanghai
// midnight, given back when the work is refused.
import { AppError, conflict } from '../../src/http/errors';
import { withinDailyLimit, type DailyLimit } from '../../src/lib/rate-limit';
import { startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const limit = (driverId: number): DailyLimit => ({ name: 'daily-test', max: 2, driverId, reached: '今天的测试已达2次' });
const ok = async () => 'done';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

describe('withinDailyLimit', () => {
  it('refuses once the day is spent, until Shanghai midnight, and says which day to come back', async () => {
    // 23:59:30 in Shanghai on 2 December.
    const lateEvening = new Date('2026-12-02T15:59:30Z');
    await withinDailyLimit(ctx.deps.limits, limit(1), ok, lateEvening);
    await withinDailyLimit(ctx.deps.limits, limit(1), ok, lateEvening);
    const err = await refusal(withinDailyLimit(ctx.deps.limits, limit(1), ok, lateEvening));
    expect(err).toMatchObject({ status: 429, code: 'RATE_LIMITED', userMessage: '今天的测试已达2次，请明天（12月3日）再试' });
    expect(err.details).toEqual({ retryAfterSeconds: 30, retryAt: '2026-12-02T16:00:00.000Z', retryAtText: '2026年12月3日 00:00' });
    // Midnight in Shanghai: a new day, new points.
    expect(await withinDailyLimit(ctx.deps.limits, limit(1), ok, new Date('2026-12-02T16:00:00Z'))).toBe('done');
  });

  it("keeps each driver's points apart", async () => {
    const now = new Date('2026-12-02T02:00:00Z');
    await withinDailyLimit(ctx.deps.limits, limit(1), ok, now);
    await withinDailyLimit(ctx.deps.limits, limit(1), ok, now);
    expect(await withinDailyLimit(ctx.deps.limits, limit(2), ok, now)).toBe('done');
  });

  it('gives the point back when the work is refused with an AppError, or gives it back itself', async () => {
    const now = new Date('2026-12-02T02:00:00Z');
    for (let i = 0; i < 5; i++) await refusal(withinDailyLimit(ctx.deps.limits, limit(1), () => Promise.reject(conflict('INVALID_STATE', '不行')), now));
    for (let i = 0; i < 5; i++) await withinDailyLimit(ctx.deps.limits, limit(1), (refund) => refund(), now);
    await withinDailyLimit(ctx.deps.limits, limit(1), ok, now);
    await withinDailyLimit(ctx.deps.limits, limit(1), ok, now);
    expect((await refusal(withinDailyLimit(ctx.deps.limits, limit(1), ok, now))).status).toBe(429);
  });

  it('keeps the point when the work failed unexpectedly (it may have been done)', async () => {
    const now = new Date('2026-12-02T02:00:00Z');
    await refusal(withinDailyLimit(ctx.deps.limits, limit(1), () => Promise.reject(new Error('disk full')), now));
    await withinDailyLimit(ctx.deps.limits, limit(1), ok, now);
    expect((await refusal(withinDailyLimit(ctx.deps.limits, limit(1), ok, now))).status).toBe(429);
  });
});
