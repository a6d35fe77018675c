// Boots the system: config → database → WeChat (or the fake one) → workers → listen.
// The only file that listens; SIGTERM drains requests, stops workers and closes pools.
import http from 'node:http';
import { buildApp } from './app';
import { loadConfigOrExit } from './config';
import { createDb } from './db';
import { createLogger } from './logger';
import { createRateLimits } from './lib/rate-limit';
import { createExamRuntime } from './modules/exams/runtime';
import { createFakeWechat, fakeOfficialAccountOpenId, fakeUnionId } from './wechat/fake';
import { createFakeSmsGateway, fakeSmsTemplates } from './sms/fake';
import { createWechat } from './wechat';
import { WorkerRunner } from './workers/runner';
import { systemJobs } from './workers/jobs';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);

  let fake: { url: string; close(): Promise<void> } | undefined;
  let fakeSms: { url: string; close(): Promise<void> } | undefined;
  // Where several processes share one fake WeChat (npm run cluster), WECHAT_API_BASE names it.
  if (config.wechat.fakeInProcess) {
    // The demo user (prisma/seed.ts) follows the fake official account, so the follower sync keeps it.
    const followers = config.demoData ? [{ openid: fakeOfficialAccountOpenId('demo'), unionid: fakeUnionId('demo') }] : [];
    // The fake SMS gateway runs beside it; its list and faults are also on the fake WeChat's port.
    const sms = config.sms.fakeInProcess
      ? createFakeSmsGateway({
          secretId: config.sms.secretId,
          secretKey: config.sms.secretKey,
          sdkAppId: config.sms.sdkAppId,
          signName: config.sms.signName,
          templates: fakeSmsTemplates(config.sms.templates),
        })
      : undefined;
    fake = await createFakeWechat({ appId: config.wechat.appId, secret: config.wechat.secret, followers, sms }).listen(
      config.wechat.fakePort,
      '127.0.0.1',
    );
    log.info({ url: fake.url }, 'fake WeChat listening (WECHAT_FAKE=true)');
    if (sms) {
      fakeSms = await sms.listen(config.sms.fakePort, '127.0.0.1');
      log.info({ url: fakeSms.url, inspect: `${fake.url}/__inspect/sms` }, 'fake SMS gateway listening');
    }
  }
  if (config.sms.provider === 'off') log.info({ reason: config.sms.offReason }, 'SMS channel off');
  else log.info({ endpoint: config.sms.endpoint, fake: config.sms.fake }, 'SMS channel on (Tencent Cloud SMS)');

  const db = createDb(config.databaseUrl, config.databasePoolSize);
  const wechat = createWechat(config, db);
  const deps = { config, db, log, wechat, exams: createExamRuntime(config), limits: createRateLimits(config) };
  const app = buildApp(deps);
  const workers = new WorkerRunner(log, config.runWorkers ? systemJobs(deps) : []);

  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ port, env: config.env }, 'server listening');
  workers.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    const closed = new Promise<void>((resolve) => server.once('close', resolve));
    server.close();
    // Open event streams never turn idle: end them so the server can close.
    app.emit('shutdown');
    // Keep-alive connections turn idle as their last response ends; close them as they do.
    const reaper = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await closed;
    clearInterval(reaper);
    await workers.stop();
    await db.$disconnect();
    await deps.limits.close();
    deps.exams.close();
    await fake?.close();
    await fakeSms?.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(`startup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
