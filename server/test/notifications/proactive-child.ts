// A worker process for the proactive-notice race: connects, says "ready", waits for "go" on stdin,
// then runs the daily job (PROACTIVE_MODE=daily, under its lease) or the bare scan without a lease
// (PROACTIVE_MODE=scan, so that only the told-once key stands between two runs), at PROACTIVE_NOW,
// prints its result as one JSON line and exits.
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db';
import { createLogger } from '../../src/logger';
import { runDailyNotices, scanOnce } from '../../src/modules/inquiries/proactive-notices';

async function main() {
  const config = loadConfig();
  const db = createDb(config.databaseUrl, 5);
  const log = createLogger('silent');
  const now = new Date(process.env.PROACTIVE_NOW!);
  await db.$queryRawUnsafe('SELECT 1');
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const result = process.env.PROACTIVE_MODE === 'scan' ? { ran: true, told: await scanOnce(db, now) } : await runDailyNotices({ db, log }, now);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await db.$disconnect();
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
