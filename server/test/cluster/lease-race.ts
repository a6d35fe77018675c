// Run by scripts/test-cluster.mjs (not by Jest): the lease helper raced on a Galera cluster, one
// contender per node, each round at the same moment. Every round must have exactly one holder:
// first for a new lease, then for one that has expired. Prints one JSON line.
// `tsx test/cluster/lease-race.ts <database url of node 1> <node 2> …`
import { createDb } from '../../src/db';
import { acquireLease } from '../../src/lib/lease';

const ROUNDS = Number(process.env.LEASE_RACE_ROUNDS ?? 30);

async function main() {
  const urls = process.argv.slice(2);
  if (urls.length < 2) throw new Error('give two or more database URLs');
  const dbs = urls.map((url) => createDb(url, 2));
  const tally = { fresh: [0, 0, 0, 0], expired: [0, 0, 0, 0] } as Record<'fresh' | 'expired', number[]>;
  try {
    await Promise.all(dbs.map((db) => db.$queryRawUnsafe('SELECT 1')));
    for (let round = 1; round <= ROUNDS; round++) {
      const name = `cluster-race-${process.pid}-${round}`;
      // A new lease: nobody holds it yet.
      const fresh = await Promise.all(dbs.map((db, i) => acquireLease(db, name, 60_000, `node-${i + 1}`)));
      tally.fresh[Math.min(3, fresh.filter(Boolean).length)]++;
      // The same lease once expired: exactly one contender may take it over.
      await dbs[0].$executeRaw`UPDATE Lease SET expiresAt = ${new Date(Date.now() - 1000)}, holder = 'gone' WHERE name = ${name}`;
      await Promise.all(dbs.map((db) => db.$queryRawUnsafe(`SET STATEMENT wsrep_sync_wait = 1 FOR SELECT expiresAt FROM Lease WHERE name = '${name}'`)));
      const expired = await Promise.all(dbs.map((db, i) => acquireLease(db, name, 60_000, `node-${i + 1}`)));
      tally.expired[Math.min(3, expired.filter(Boolean).length)]++;
    }
    await dbs[0].$executeRawUnsafe(`DELETE FROM Lease WHERE name LIKE 'cluster-race-${process.pid}-%'`);
  } finally {
    await Promise.all(dbs.map((db) => db.$disconnect()));
  }
  // tally[k][n]: rounds in which n contenders believed they held the lease.
  process.stdout.write(`${JSON.stringify({ rounds: ROUNDS, contenders: urls.length, ...tally })}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
