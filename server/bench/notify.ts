// Notification benchmark: queues 10,000 notifications through notify() (20 per transaction, as a
// service notifying many users does), then two dispatcher worker processes send them to the fake
// WeChat on loopback; prints messages per second and the p50/p99 time from enqueue to send, and
// checks every message went out exactly once. BENCH_LIVE=1 dispatches while enqueueing instead.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { loadConfig } from '../src/config';
import { createDb, type Db } from '../src/db';
import { createDatabaseIfMissing, migrate } from '../src/db/migrate';
import { createLogger } from '../src/logger';
import { createDispatcher } from '../src/modules/notifications/job';
import { notify } from '../src/modules/notifications/notify';
import { createFakeWechat } from '../src/wechat/fake';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jiaoguan_bench_notify';
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const ENQUEUE_CONCURRENCY = Number(process.env.BENCH_ENQUEUE_CONCURRENCY ?? 4);
const LIVE = process.env.BENCH_LIVE === '1';
const PER_TRANSACTION = 20;
const DRIVERS = 1_000;

function env(fakeUrl: string): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'test', DATABASE_URL, WECHAT_API_BASE: fakeUrl, LOG_LEVEL: 'silent' };
}

// ------------------------------------------------------------------ a worker process
async function worker() {
  const config = loadConfig();
  const db = createDb(config.databaseUrl, 10);
  const dispatcher = createDispatcher({ config, db, log: createLogger('silent') }, { batchSize: BATCH, flushMs: 10 });
  let stopping = false;
  let go!: () => void;
  const started = new Promise<void>((resolve) => (go = resolve));
  process.on('message', (m) => {
    if (m === 'go') go();
    if (m === 'stop') stopping = true;
  });
  process.send?.('ready');
  await started;
  const cpuStart = process.cpuUsage();
  while (!stopping) {
    const n = await dispatcher.drain(1_000);
    if (n === 0) await new Promise((r) => setTimeout(r, 20));
  }
  const cpu = process.cpuUsage(cpuStart);
  process.send?.({ cpuMs: (cpu.user + cpu.system) / 1000 }, () => {
    void db.$disconnect().finally(() => process.exit(0));
  });
}

function startWorker(fakeUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...process.execArgv, __filename, 'worker'], {
    env: env(fakeUrl),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

// ------------------------------------------------------------------ the run
async function prepare(db: Db) {
  await db.$executeRawUnsafe('SET FOREIGN_KEY_CHECKS = 0');
  for (const t of ['NotificationOutbox', 'MessageCentreEntry', 'SubscriptionQuota', 'WechatAccessToken', 'Lease', 'Driver']) {
    await db.$executeRawUnsafe(`DELETE FROM \`${t}\``);
  }
  await db.$executeRawUnsafe('SET FOREIGN_KEY_CHECKS = 1');
  const perDriver = Math.ceil(MESSAGES / DRIVERS);
  const now = new Date();
  await db.driver.createMany({ data: Array.from({ length: DRIVERS }, (_, i) => ({ openid: `bench-openid-${i}` })) });
  const drivers = await db.driver.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  await db.subscriptionQuota.createMany({
    data: drivers.map((d) => ({ driverId: d.id, templateKey: 'accident_progress', remaining: perDriver, accepted: perDriver, updatedAt: now })),
  });
  return drivers.map((d) => d.id);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  await createDatabaseIfMissing(DATABASE_URL);
  await migrate(DATABASE_URL);
  const db = createDb(DATABASE_URL, ENQUEUE_CONCURRENCY + 2);
  const driverIds = await prepare(db);

  const fakeWechat = createFakeWechat();
  const fake = await fakeWechat.listen(0, '127.0.0.1');
  const workers = await Promise.all(Array.from({ length: WORKERS }, () => startWorker(fake.url)));

  const started = Date.now();
  if (LIVE) for (const w of workers) w.send('go');
  let next = 0;
  const chunks = Math.ceil(MESSAGES / PER_TRANSACTION);
  await Promise.all(
    Array.from({ length: ENQUEUE_CONCURRENCY }, async () => {
      for (let c = next++; c < chunks; c = next++) {
        await db.$transaction(async (tx) => {
          for (let i = c * PER_TRANSACTION; i < Math.min(MESSAGES, (c + 1) * PER_TRANSACTION); i++) {
            await notify(tx, {
              driverId: driverIds[i % driverIds.length]!,
              event: 'accident.submitted',
              data: { caseId: i + 1, caseNumber: `SG${String(i + 1).padStart(10, '0')}` },
              dedupeKey: `bench:${i}`,
            });
          }
        }, { timeout: 60_000 });
      }
    }),
  );
  const enqueued = Date.now();
  if (!LIVE) for (const w of workers) w.send('go');
  // From here the parent only hosts the fake WeChat and polls the count (in the default mode).
  const parentCpuStart = process.cpuUsage();

  for (;;) {
    const pending = await db.notificationOutbox.count({ where: { status: 'PENDING' } });
    if (pending === 0) break;
    if (Date.now() - started > 300_000) throw new Error(`still ${pending} pending after 5 minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const parentCpu = process.cpuUsage(parentCpuStart);
  const workerCpu = workers.map(
    (w) => new Promise<number>((resolve) => w.on('message', (m: { cpuMs?: number }) => m.cpuMs !== undefined && resolve(m.cpuMs))),
  );
  for (const w of workers) w.send('stop');
  const workerCpuMs = (await Promise.all(workerCpu)).reduce((a, b) => a + b, 0);
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));

  const rows = await db.$queryRaw<{ createdAt: Date; sentAt: Date | null; status: string }[]>`
    SELECT createdAt, sentAt, status FROM NotificationOutbox`;
  const sent = rows.filter((r) => r.status === 'SENT' && r.sentAt);
  const latencies = sent.map((r) => r.sentAt!.getTime() - r.createdAt.getTime()).sort((a, b) => a - b);
  const sinceStart = sent.map((r) => r.sentAt!.getTime() - Math.max(r.createdAt.getTime(), LIVE ? 0 : enqueued)).sort((a, b) => a - b);
  const dispatchStart = LIVE ? Math.min(...rows.map((r) => r.createdAt.getTime())) : enqueued;
  const lastSent = Math.max(...sent.map((r) => r.sentAt!.getTime()));
  const firstSent = Math.min(...sent.map((r) => r.sentAt!.getTime()));
  const delivered = fakeWechat.messages().filter((m) => m.errcode === 0);
  const distinct = new Set(delivered.map((m) => (m.body as { data: { character_string1: { value: string } } }).data.character_string1.value));

  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
  process.stdout.write(
    [
      `notifications: ${MESSAGES}, worker processes: ${WORKERS}, batch: ${BATCH}, mode: ${LIVE ? 'dispatch while enqueueing' : 'queue first, then dispatch'}`,
      `enqueue through notify(): ${enqueued - started} ms (${rate(MESSAGES, enqueued - started)}/s, ${PER_TRANSACTION} per transaction, ${ENQUEUE_CONCURRENCY} transactions at a time)`,
      `dispatched: ${sent.length} sent, ${rows.length - sent.length} not sent; WeChat received ${delivered.length}, distinct ${distinct.size}`,
      `throughput, dispatch start → last send: ${rate(sent.length, lastSent - dispatchStart)} messages/s`,
      `throughput, first send → last send:     ${rate(sent.length, lastSent - firstSent)} messages/s`,
      `enqueue → send: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms${LIVE ? '' : ' (includes the wait while the queue was filled)'}`,
      `dispatch start → send: p50 ${percentile(sinceStart, 50)} ms, p99 ${percentile(sinceStart, 99)} ms`,
      `CPU per message: workers ${(workerCpuMs / MESSAGES).toFixed(3)} ms, fake WeChat ${LIVE ? 'n/a (shares the enqueueing process)' : `${((parentCpu.user + parentCpu.system) / 1000 / MESSAGES).toFixed(3)} ms`} (machine load average ${os.loadavg()[0]!.toFixed(1)})`,
      '',
    ].join('\n'),
  );
  await fake.close();
  await db.$disconnect();
  if (sent.length !== MESSAGES || delivered.length !== MESSAGES || distinct.size !== MESSAGES) {
    process.stderr.write('FAILED: some message was lost or sent twice\n');
    process.exit(1);
  }
}

if (process.argv[2] === 'worker') {
  worker().catch((err) => {
    process.stderr.write(`worker failed: ${String(err)}\n`);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
