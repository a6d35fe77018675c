// Atomic rate limits shared by every process: rate-limiter-flexible on the MariaDB table
// `RateLimit` (mysql2 pool, the one client that store supports), or on Redis when REDIS_URL is set.
// Points are consumed before the work they guard, so parallel attempts are all counted; a success
// may give its point back (`refund`) or clear the key (`reset`).
import { Redis } from 'ioredis';
import { createPool, type Pool } from 'mysql2';
import { RateLimiterMySQL, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../db';
import { AppError } from '../http/errors';
import { formatDateTime, shanghaiDay, shanghaiDayParts, startOfDayAfter } from '@jiaoguan/contracts/time';
import { splitDatabaseUrl } from '../db/migrate';
import { isLockConflict, withRetry } from './db-errors';

export interface LimitRule {
  /** Attempts allowed in one window. */
  points: number;
  windowMs: number;
}

export type Verdict = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

export interface Limiter {
  /** Takes `points` for `key`; refused when the window's points are spent. */
  consume(key: string, points?: number): Promise<Verdict>;
  /** Gives back points taken by an attempt that turned out well. */
  refund(key: string, points?: number): Promise<void>;
  /** Forgets the key (a successful login clears its failures). */
  reset(key: string): Promise<void>;
}

export interface RateLimits {
  /** The limiter called `name` (keys of different names never meet) with this rule. */
  limiter(name: string, rule: LimitRule): Limiter;
  close(): Promise<void>;
}

type Store = { kind: 'mysql'; pool: Pool; dbName: string } | { kind: 'redis'; client: Redis };

export function createRateLimits(options: { databaseUrl: string; redisUrl?: string }): RateLimits {
  const store: Store = options.redisUrl
    ? { kind: 'redis', client: new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true }) }
    : {
        kind: 'mysql',
        // A small pool of its own: a limit check is one short transaction.
        pool: createPool({ uri: options.databaseUrl, connectionLimit: 4, timezone: 'Z' }),
        dbName: splitDatabaseUrl(options.databaseUrl).database,
      };
  const made = new Map<string, Limiter>();

  function build(name: string, rule: LimitRule): RateLimiterAbstract {
    const common = { keyPrefix: name, points: rule.points, duration: Math.max(1, Math.ceil(rule.windowMs / 1000)) };
    if (store.kind === 'redis') return new RateLimiterRedis({ ...common, storeClient: store.client });
    return new RateLimiterMySQL({
      ...common,
      storeClient: store.pool,
      storeType: 'pool',
      dbName: store.dbName,
      tableName: 'RateLimit',
      // The table comes from the migrations; expired rows are pruned by the housekeeping job.
      tableCreated: true,
      clearExpiredByTimeout: false,
    });
  }

  return {
    limiter(name, rule) {
      const id = `${name}|${rule.points}|${rule.windowMs}`;
      let limiter = made.get(id);
      if (!limiter) {
        const inner = build(name, rule);
        // Two nodes of a Galera cluster may both touch one key: the loser's commit is refused, so retry.
        const retry = <T>(work: () => Promise<T>) => withRetry(() => work(), { attempts: 5, when: isLockConflict });
        limiter = {
          async consume(key, points = 1) {
            try {
              const res = await retry(() => inner.consume(key, points));
              return { allowed: true, remaining: res.remainingPoints };
            } catch (err) {
              if (err instanceof RateLimiterRes) return { allowed: false, retryAfterMs: err.msBeforeNext };
              throw err;
            }
          },
          async refund(key, points = 1) {
            await retry(() => inner.reward(key, points));
          },
          async reset(key) {
            await retry(() => inner.delete(key));
          },
        };
        made.set(id, limiter);
      }
      return limiter;
    },
    async close() {
      if (store.kind === 'redis') store.client.disconnect();
      else await new Promise<void>((resolve) => store.pool.end(() => resolve()));
    },
  };
}

/** The contract's 429, saying in details when the limit lifts (`retryAfterMs` after `from`, now by default). */
export function rateLimited(message: string, retryAfterMs: number, from = Date.now()): AppError {
  const at = new Date(from + retryAfterMs);
  return new AppError(429, 'RATE_LIMITED', message, {
    retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
    retryAt: at.toISOString(),
    retryAtText: formatDateTime(at),
  });
}

/** One key of one limiter: the account, the address, the ID number an attempt is counted under. */
export interface Counted {
  limiter: Limiter;
  key: string;
}

/**
 * Takes one point under every key before the work it guards; when any key is spent, throws the
 * 429 with the longest wait. Parallel attempts each take their own point, so a burst cannot pass.
 */
export async function consumeAll(counted: Counted[], message: (retryAfterMs: number) => string): Promise<void> {
  const verdicts = await Promise.all(counted.map((c) => c.limiter.consume(c.key)));
  const waits = verdicts.flatMap((v) => (v.allowed ? [] : [v.retryAfterMs]));
  if (!waits.length) return;
  const wait = Math.max(...waits);
  throw rateLimited(message(wait), wait);
}

/** Gives back the points of an attempt that succeeded: only failures count against a key. */
export async function refundAll(counted: Counted[]): Promise<void> {
  await Promise.all(counted.map((c) => c.limiter.refund(c.key)));
}

/** "15分钟" / "3小时" for a wait in a message. */
export function waitText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes < 90 ? `${minutes}分钟` : `${Math.ceil(minutes / 60)}小时`;
}

/** Drops windows that ended over an hour ago from the MariaDB store (the housekeeping job). */
export async function pruneExpiredLimits(db: Db): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { expire: { lt: BigInt(Date.now() - 3_600_000) } } });
  return count;
}

/** A driver's allowance for one Shanghai calendar day (DAILY_*_PER_DRIVER in the config). */
export interface DailyLimit {
  /** The limiter's name (`daily-consultations`); its keys are `<driverId>:<Shanghai day>`. */
  name: string;
  max: number;
  driverId: number;
  /** What is used up, as the driver reads it: "今天提交的咨询已达10条". */
  reached: string;
}

/**
 * Takes one of the driver's points for today (Asia/Shanghai) before `work`, so parallel requests
 * are all counted; when none is left, 429 with the next Shanghai midnight (when a new day's points
 * come) as its retry time and in its message. A `work` refused with an AppError (bad input, not
 * found, conflict, …) gives the point back, so only what was done counts; `work` may also give it
 * back itself (`refund`) when it turned out to create nothing.
 */
export async function withinDailyLimit<T>(
  limits: RateLimits,
  limit: DailyLimit,
  work: (refund: () => Promise<void>) => Promise<T>,
  now = new Date(),
): Promise<T> {
  const limiter = limits.limiter(limit.name, { points: limit.max, windowMs: 86_400_000 });
  const key = `${limit.driverId}:${shanghaiDay(now)}`;
  const verdict = await limiter.consume(key);
  if (!verdict.allowed) {
    const lifts = startOfDayAfter(now, 1);
    const [, month, day] = shanghaiDayParts(lifts);
    throw rateLimited(`${limit.reached}，请明天（${month}月${day}日）再试`, lifts.getTime() - now.getTime(), now.getTime());
  }
  let refunded = false;
  const refund = async () => {
    if (refunded) return;
    refunded = true;
    await limiter.refund(key);
  };
  try {
    return await work(refund);
  } catch (err) {
    if (err instanceof AppError) await refund();
    throw err;
  }
}
