// Named leases in the `Lease` table: one process at a time does a once-only job (allocating a
// ranked session, syncing the official account's followers); an expired lease can be taken over.
// Both statements are conditional writes, so they hold on a Galera cluster too: two nodes taking
// the same lease at once both succeed locally and the second to commit is refused by certification
// (a lock conflict, 1213), which here means "someone else took it".
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { isLockConflict, withRetry } from './db-errors';

const HOLDER = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Takes the named lease for `ms` when it is free or expired (or already ours); true when held. */
export async function acquireLease(db: Db, name: string, ms: number, holder = HOLDER): Promise<boolean> {
  const now = new Date();
  const until = new Date(now.getTime() + ms);
  try {
    const inserted = await db.$executeRaw`INSERT IGNORE INTO Lease (name, holder, expiresAt) VALUES (${name}, ${holder}, ${until})`;
    if (inserted === 1) return true;
    const taken = await db.$executeRaw`
      UPDATE Lease SET holder = ${holder}, expiresAt = ${until}
       WHERE name = ${name} AND (expiresAt < ${now} OR holder = ${holder})`;
    return taken === 1;
  } catch (err) {
    // Another process wrote the lease row at the same moment and won: not ours this time.
    if (isLockConflict(err)) return false;
    throw err;
  }
}

export async function releaseLease(db: Db, name: string, holder = HOLDER): Promise<void> {
  await withRetry(() => db.$executeRaw`DELETE FROM Lease WHERE name = ${name} AND holder = ${holder}`);
}
