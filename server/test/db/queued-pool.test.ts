// The hot paths' pool: never more callers inside the driver than it has connections, the rest in
// order, a bounded wait (PoolBusy, answered 503), and a slot given back however the work ends.
import { createPool, type Pool } from 'mariadb';
import Koa from 'koa';
import supertest from 'supertest';
import { errorMiddleware } from '../../src/http/errors';
import { PoolBusy, queuedPool } from '../../src/db/queued-pool';
import { connectionOptions } from '../../src/lib/database-url';
import { testDatabaseUrl } from '../support/databases';

let driver: Pool;
beforeAll(async () => {
  driver = createPool({ ...connectionOptions(testDatabaseUrl()), connectionLimit: 2 });
  // Both connections open, so that a wait inside the driver below could only be for a busy one.
  await Promise.all([driver.query('SELECT SLEEP(0.05)'), driver.query('SELECT SLEEP(0.05)')]);
});
afterAll(() => driver.end());

/** Each call reports how many of its kind are running inside the driver right now. */
function meter() {
  let inside = 0;
  let most = 0;
  return {
    most: () => most,
    async run<T>(work: () => Promise<T>) {
      most = Math.max(most, ++inside);
      try {
        return await work();
      } finally {
        inside--;
      }
    },
  };
}

it('lets no more callers into the driver than its size, and serves every one of them in order', async () => {
  const pool = queuedPool(driver, 2);
  const m = meter();
  // The driver's own wait (costly: an Error and two timers per caller) is never entered.
  let enqueuedInDriver = 0;
  let counting = true;
  driver.on('enqueue', () => counting && enqueuedInDriver++);
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 12 }, (_, k) =>
      pool.withConnection((conn) => m.run(async () => {
        await conn.query('SELECT SLEEP(0.02)');
        order.push(k);
      })),
    ),
  );
  counting = false;
  expect(m.most()).toBe(2);
  expect(enqueuedInDriver).toBe(0);
  expect(order).toHaveLength(12);
  // Admitted first come, first served: each pair finishes before the next pair starts.
  for (let k = 2; k < 12; k++) expect(order.indexOf(k)).toBeGreaterThan(order.indexOf(k - 2));
  expect(await pool.query('SELECT 7 AS n')).toEqual([{ n: 7 }]);
});

it('gives the slot back when the work throws, so the next caller still gets a connection', async () => {
  const pool = queuedPool(driver, 1);
  const failed = await pool.withConnection(() => Promise.reject(new Error('boom'))).catch((e: Error) => e.message);
  expect(failed).toBe('boom');
  const badSql = await pool.query('SELECT * FROM no_such_table').catch((e: Error) => e);
  expect(badSql).toBeInstanceOf(Error);
  expect(await pool.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
});

it('gives up after its wait with PoolBusy, skips the turn of who gave up and answers 503', async () => {
  const pool = queuedPool(driver, 1, 50);
  const holder = pool.query('SELECT SLEEP(0.3)');
  const waiter = await pool.query('SELECT 1').catch((e: unknown) => e);
  expect(waiter).toBeInstanceOf(PoolBusy);
  await holder;
  // The turn of the one who gave up was skipped: the slot is free again at once.
  const started = Date.now();
  expect(await pool.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
  expect(Date.now() - started).toBeLessThan(1000);

  const app = new Koa();
  app.use(errorMiddleware());
  app.use(() => {
    throw waiter;
  });
  const res = await supertest(app.callback()).post('/api/exam/bookings');
  expect(res.status).toBe(503);
  expect(res.headers['retry-after']).toBe('1');
  expect(res.body.error).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '当前办理人数较多，请稍后再试' });
});

it('runs prepared statements in the same turns as plain queries, with their values', async () => {
  const pool = queuedPool(driver, 2);
  let enqueuedInDriver = 0;
  let counting = true;
  driver.on('enqueue', () => counting && enqueuedInDriver++);
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, k) => (k % 2 ? pool.execute('SELECT SLEEP(0.01) AS s, ? AS n', [k]) : pool.query('SELECT SLEEP(0.01) AS s, ? AS n', [k]))),
  );
  counting = false;
  expect(enqueuedInDriver).toBe(0);
  expect(answers.map((rows) => Number(rows[0].n))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});
