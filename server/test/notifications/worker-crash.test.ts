// A dispatcher process killed (SIGKILL) in the middle of a batch: after a restart nothing is lost,
// and nothing recorded as sent before the kill is sent again (delivery is at least once: a send
// in flight when the process died may be repeated).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startTestContext, type TestContext } from '../support/context';
import { testDatabaseUrl } from '../support/databases';
import { SEND, accidentEvent, addFault, dispatchUntilIdle, dispatcherFor, fake, resetFake, subscribedDriver } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

async function waitFor(check: () => Promise<boolean>, ms: number, what: string) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function deliveredKeys(): Promise<string[]> {
  const { items } = await fake(ctx, 'GET', `/__inspect/messages?path=${SEND}`);
  return items.filter((m: any) => m.errcode === 0).map((m: any) => `${m.body.touser}/${m.body.data.character_string1.value}`);
}

it('loses nothing and resends nothing already recorded when the worker process is killed mid-batch', async () => {
  await ctx.reset();
  await resetFake(ctx);
  const drivers = await Promise.all([1, 2, 3].map(() => subscribedDriver(ctx, 20)));
  for (const d of drivers) for (let n = 1; n <= 10; n++) await accidentEvent(ctx, d.id, n);
  // The first 8 sends go through; every later one hangs inside WeChat until the sender is gone.
  await addFault(ctx, { path: SEND, delayMs: 0, times: 8 });
  await addFault(ctx, { path: SEND, delayMs: 60_000, status: 503 });

  const child = spawn('npx', ['tsx', path.join(__dirname, 'dispatch-child.ts')], {
    cwd: path.join(__dirname, '../..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      WECHAT_API_BASE: ctx.fakeWechatUrl,
      LOG_LEVEL: 'silent',
      DISPATCH_BATCH: '20',
      DISPATCH_CLAIM_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that the kill reaches the node process under npx as well.
    detached: true,
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  try {
    await waitFor(
      async () => {
        const { items } = await fake(ctx, 'GET', `/__inspect/messages?path=${SEND}`);
        return items.filter((m: any) => m.errcode === 0).length === 8 && items.some((m: any) => m.errcode === null && m.status === undefined);
      },
      30_000,
      'the child to be in the middle of a batch',
    );
    await waitFor(async () => (await ctx.db.notificationOutbox.count({ where: { status: 'SENT' } })) === 8, 5_000, 'sent rows recorded');
  } finally {
    process.kill(-child.pid!, 'SIGKILL');
  }
  const deliveredBeforeKill = await deliveredKeys();
  expect(await exited).toBe('SIGKILL');
  expect(await ctx.db.notificationOutbox.count({ where: { status: 'PENDING' } })).toBe(22);

  // Restart: WeChat has recovered; the dead process's claimed rows come back after their claim expires.
  await fake(ctx, 'DELETE', '/__faults');
  const dispatcher = dispatcherFor(ctx);
  await dispatchUntilIdle(ctx, () => dispatcher.drain(), 20_000);

  const delivered = await deliveredKeys();
  expect(new Set(delivered).size).toBe(30);
  expect(deliveredBeforeKill).toHaveLength(8);
  for (const key of deliveredBeforeKill) expect(delivered.filter((k) => k === key)).toHaveLength(1);
  expect(await ctx.db.notificationOutbox.count({ where: { status: 'SENT' } })).toBe(30);
  // Grants held by the killed batch were given back, not lost: one grant per message, even where a
  // send in flight at the kill was repeated.
  const quotas = await ctx.db.subscriptionQuota.findMany({ select: { remaining: true } });
  expect(quotas.map((q) => q.remaining)).toEqual([10, 10, 10]);
}, 60_000);
