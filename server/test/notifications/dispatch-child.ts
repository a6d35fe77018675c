// A dispatcher process for the crash test: runs against DATABASE_URL / WECHAT_API_BASE until killed.
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db';
import { createLogger } from '../../src/logger';
import { createDispatcher } from '../../src/modules/notifications/job';

async function main() {
  const config = loadConfig();
  const db = createDb(config.databaseUrl, 5);
  const log = createLogger('silent');
  const dispatcher = createDispatcher(
    { config, db, log },
    { batchSize: Number(process.env.DISPATCH_BATCH ?? 20), claimMs: Number(process.env.DISPATCH_CLAIM_MS ?? 60_000) },
    { timeoutMs: 120_000 },
  );
  process.stdout.write('ready\n');
  for (;;) {
    await dispatcher.drain();
    await new Promise((r) => setTimeout(r, 50));
  }
}

main().catch((err) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
