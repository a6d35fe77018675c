// Standalone worker process (`npm run worker`): runs the periodic jobs, the outbox dispatcher among
// them, without serving HTTP. Any number may run beside the servers; SIGTERM finishes the batch under way.
import { loadConfigOrExit } from './config';
import { createDb } from './db';
import { createLogger } from './logger';
import { createRateLimits } from './lib/rate-limit';
import { createExamRuntime } from './modules/exams/runtime';
import { createWechat } from './wechat';
import { WorkerRunner } from './workers/runner';
import { systemJobs } from './workers/jobs';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  const db = createDb(config.databaseUrl, config.databasePoolSize);
  const deps = { config, db, log, wechat: createWechat(config, db), exams: createExamRuntime(config), limits: createRateLimits(config) };
  const runner = new WorkerRunner(log, systemJobs(deps));
  runner.start();
  log.info({ wechat: config.wechat.apiBase }, 'worker started');
  // The runner's timers are unref'd: keep the process alive until told to stop.
  const keepAlive = setInterval(() => undefined, 60_000);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping');
    clearInterval(keepAlive);
    await runner.stop();
    await db.$disconnect();
    await deps.limits.close();
    deps.exams.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(`worker failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
