// Shared helpers for the notification tests: the fake WeChat's hooks over HTTP, drivers with grants, a dispatcher.
import { loginDriver, startTestContext, type TestContext } from '../support/context';
import { createDispatcher } from '../../src/modules/notifications/job';
import type { DispatcherOptions } from '../../src/modules/notifications/dispatcher';
import { notify } from '../../src/modules/notifications/notify';
import { fakeOpenId } from '../../src/wechat/fake';

export const SEND = '/cgi-bin/message/subscribe/send';
export const TEMPLATE_SEND = '/cgi-bin/message/template/send';

export async function fake(ctx: TestContext, method: string, path: string, body?: unknown) {
  const res = await fetch(ctx.fakeWechatUrl + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`fake ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

export const resetFake = (ctx: TestContext) => fake(ctx, 'POST', '/__reset');

/** One test context for the file, handed to `use`; every test starts with an empty database and a reset fake WeChat. */
export function useFakeContext(use: (ctx: TestContext) => void): void {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestContext();
    use(ctx);
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    await ctx.reset();
    await resetFake(ctx);
  });
}
export const addFault = (ctx: TestContext, fault: Record<string, unknown>) => fake(ctx, 'POST', '/__faults', fault);

/** Messages the fake answered with success on `path`. */
export async function delivered(ctx: TestContext, path = SEND): Promise<any[]> {
  const { items } = await fake(ctx, 'GET', `/__inspect/messages?path=${encodeURIComponent(path)}`);
  return items.filter((m: any) => m.errcode === 0);
}

/** A logged-in driver who accepted `grants` messages of accident_progress. */
export async function subscribedDriver(ctx: TestContext, grants = 1, name?: string) {
  const d = await loginDriver(ctx, name);
  for (let i = 0; i < grants; i++) {
    const res = await ctx.http
      .post('/api/me/subscriptions')
      .set('Authorization', `Bearer ${d.token}`)
      .send({ templates: { accident_progress: 'accept' } });
    if (res.status !== 200) throw new Error(`subscribe failed ${res.status}`);
  }
  return { ...d, openid: fakeOpenId(d.name) };
}

/** notify() an accident event for the driver, the n-th of the test. */
export function accidentEvent(ctx: TestContext, driverId: number, n: number, notBefore?: Date) {
  return notify(ctx.db, {
    driverId,
    event: 'accident.submitted',
    data: { caseId: n, caseNumber: `SG2026${String(n).padStart(6, '0')}` },
    dedupeKey: `test:${driverId}:${n}`,
    notBefore,
  });
}

export function dispatcherFor(ctx: TestContext, options: DispatcherOptions = {}, timeoutMs = 1000) {
  return createDispatcher(
    ctx.deps,
    { backoffBaseMs: 20, backoffCapMs: 100, ...options },
    { timeoutMs },
  );
}

/** Runs the dispatcher until nothing is pending or `ms` passes. */
export async function dispatchUntilIdle(ctx: TestContext, run: () => Promise<unknown>, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await run();
    if ((await ctx.db.notificationOutbox.count({ where: { status: 'PENDING' } })) === 0) return;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error('outbox still has pending rows');
}
