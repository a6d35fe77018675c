// Creates the database, applies migrations and (with --seed) loads the demo data:
// `tsx src/db/prepare-cli.ts [--seed]` with DATABASE_URL in the environment.
import { loadConfig } from '../config';
import { createDb } from '../db';
import { migrate } from './migrate';
import { storageFor } from '../modules/uploads/storage-for';
import { seedDemoData } from '../../../prisma/seed';

async function main() {
  const config = loadConfig(process.env, { wechatRequired: false });
  const applied = await migrate(config.databaseUrl);
  const quiet = process.argv.includes('--quiet');
  if (!quiet) console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
  if (process.argv.includes('--seed')) {
    if (config.env === 'production') throw new Error('demo data is never loaded in production');
    const db = createDb(config.databaseUrl, 2);
    try {
      const counts = await seedDemoData(db, storageFor({ config, log: { error: (obj, msg) => console.error(msg, obj) } }));
      if (!quiet) console.log(`demo data ready: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    } finally {
      await db.$disconnect();
    }
  }
}

main().catch((err) => {
  console.error(`database preparation failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
