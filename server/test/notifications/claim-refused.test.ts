// On a Galera cluster two workers on two nodes may claim the same outbox rows; the second claim
// to commit is refused by certification (1213, as a deadlock). Such a claim must send nothing and
// give nothing away (its quota grant rolls back with it), and the dispatcher claims again.
import type { Db } from '../../src/db';
import { createDispatcher } from '../../src/modules/notifications/job';
import type { TestContext } from '../support/context';
import { accidentEvent, delivered, subscribedDriver, useFakeContext } from './helpers';

let ctx: TestContext;
useFakeContext((c) => (ctx = c));

/** The database, except that the first `refusals` transactions do their work and are then refused at commit. */
function refusingAtCommit(db: Db, refusals: number): Db & { refused: () => number } {
  let refused = 0;
  const refuseOnce = async (work: (tx: unknown) => Promise<unknown>, options?: unknown) => {
    if (refused >= refusals) return db.$transaction(work as never, options as never);
    refused++;
    return db.$transaction(async (tx) => {
      await work(tx);
      throw Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { errno: 1213 });
    }, options as never);
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === '$transaction') return refuseOnce;
      if (prop === 'refused') return () => refused;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Db & { refused: () => number };
}

it('a claim refused at commit sends nothing and spends no grant; the next claim sends once', async () => {
  const d = await subscribedDriver(ctx, 1);
  await accidentEvent(ctx, d.id, 1);
  const db = refusingAtCommit(ctx.db, 2);
  const dispatcher = createDispatcher({ ...ctx.deps, db }, { backoffBaseMs: 20, backoffCapMs: 100 }, { timeoutMs: 1000 });
  await dispatcher.drain();
  expect(db.refused()).toBe(2);
  expect(await delivered(ctx)).toHaveLength(1);
  const row = await ctx.db.notificationOutbox.findFirstOrThrow();
  // The refused claims left no trace: one attempt counted, one grant spent.
  expect(row).toMatchObject({ status: 'SENT', attempts: 1 });
  expect((await ctx.db.subscriptionQuota.findFirstOrThrow({ where: { driverId: d.id } })).remaining).toBe(0);
});
