// The shared limiter on both of its stores: a parallel burst takes exactly the window's points,
// a refund gives one back, a reset forgets the key, and two instances count as one.
import { Redis } from 'ioredis';
import { createRateLimits, type RateLimits } from '../../src/lib/rate-limit';
import { startTestContext, type TestContext } from '../support/context';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function burst(limits: RateLimits, name: string, key: string, tries: number) {
  const limiter = limits.limiter(name, { points: 5, windowMs: 60_000 });
  const verdicts = await Promise.all(Array.from({ length: tries }, () => limiter.consume(key)));
  return verdicts.filter((v) => v.allowed).length;
}

async function exercise(stores: () => [RateLimits, RateLimits]) {
  const [one, two] = stores();
  const name = `test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    // Fifty at once across two instances: exactly five pass.
    const passed = await Promise.all([burst(one, name, 'k', 25), burst(two, name, 'k', 25)]);
    expect(passed[0] + passed[1]).toBe(5);
    const refused = await one.limiter(name, { points: 5, windowMs: 60_000 }).consume('k');
    expect(refused).toMatchObject({ allowed: false });
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(50_000);
    // Another key is untouched; a reset forgets the spent one.
    expect(await burst(one, name, 'other', 1)).toBe(1);
    await one.limiter(name, { points: 5, windowMs: 60_000 }).reset('k');
    expect(await burst(two, name, 'k', 5)).toBe(5);
    // A refund (a success gives its point back) lets exactly one more attempt in.
    await two.limiter(name, { points: 5, windowMs: 60_000 }).refund('k');
    expect(await burst(one, name, 'k', 3)).toBe(1);
  } finally {
    await Promise.all([one.close(), two.close()]);
  }
}

describe('rate limits', () => {
  it('on MariaDB (the default store): atomic across two instances', async () => {
    await exercise(() => [createRateLimits({ databaseUrl: ctx.deps.config.databaseUrl }), createRateLimits({ databaseUrl: ctx.deps.config.databaseUrl })]);
    expect(await ctx.db.rateLimit.count()).toBeGreaterThan(0);
  });

  it('on Redis (REDIS_URL): atomic across two instances', async () => {
    if (!(await redisAnswers())) {
      console.warn(`Redis does not answer at ${REDIS_URL}: the Redis store was not exercised`);
      return;
    }
    const db = ctx.deps.config.databaseUrl;
    await exercise(() => [createRateLimits({ databaseUrl: db, redisUrl: REDIS_URL }), createRateLimits({ databaseUrl: db, redisUrl: REDIS_URL })]);
    expect(await ctx.db.rateLimit.count()).toBe(0);
  });
});
