// Counts failed attempts in a sliding window in the database, so every process throttles alike.
import type { Db } from '../../db';
import type { ThrottleScope } from '../../generated/prisma/enums';

export async function recentFailures(db: Db, scope: ThrottleScope, key: string, windowMs: number): Promise<number> {
  return db.failedAttempt.count({ where: { scope, key, at: { gte: new Date(Date.now() - windowMs) } } });
}

export async function recordFailure(db: Db, scope: ThrottleScope, key: string): Promise<void> {
  await db.failedAttempt.create({ data: { scope, key }, select: { id: true } });
}

export async function clearFailures(db: Db, scope: ThrottleScope, key: string): Promise<void> {
  await db.failedAttempt.deleteMany({ where: { scope, key } });
}

/** Drops attempts older than any window; run by the housekeeping worker. */
export async function pruneFailures(db: Db, olderThanMs: number): Promise<number> {
  const { count } = await db.failedAttempt.deleteMany({ where: { at: { lt: new Date(Date.now() - olderThanMs) } } });
  return count;
}
