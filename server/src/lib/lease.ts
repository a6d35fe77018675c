// Named leases in the `Lease` table: one process at a time does a once-only job (allocating a
// ranked session, syncing the official account's followers); an expired lease can be taken over.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';

const HOLDER = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Takes the named lease for `ms` when it is free or expired (or already ours); true when held. */
export async function acquireLease(db: Db, name: string, ms: number, holder = HOLDER): Promise<boolean> {
  const now = new Date();
  const until = new Date(now.getTime() + ms);
  const inserted = await db.$executeRaw`INSERT IGNORE INTO Lease (name, holder, expiresAt) VALUES (${name}, ${holder}, ${until})`;
  if (inserted === 1) return true;
  const taken = await db.$executeRaw`
    UPDATE Lease SET holder = ${holder}, expiresAt = ${until}
     WHERE name = ${name} AND (expiresAt < ${now} OR holder = ${holder})`;
  return taken === 1;
}

export async function releaseLease(db: Db, name: string, holder = HOLDER): Promise<void> {
  await db.$executeRaw`DELETE FROM Lease WHERE name = ${name} AND holder = ${holder}`;
}
