// A transaction that lost its lock race after every retry (Galera certification, an InnoDB
// deadlock) answers 503 SERVICE_UNAVAILABLE with Retry-After, not a 500: it was rolled back whole.
import Koa from 'koa';
import supertest from 'supertest';
import { errorMiddleware } from '../../src/http/errors';

function answering(err: unknown) {
  const app = new Koa();
  app.use(errorMiddleware());
  app.use(() => {
    throw err;
  });
  return supertest(app.callback());
}

it('answers a deadlock that escaped its retries with 503 and Retry-After', async () => {
  const deadlock = Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { errno: 1213 });
  const res = await answering(deadlock).post('/api/exam/bookings');
  expect(res.status).toBe(503);
  expect(res.headers['retry-after']).toBe('1');
  expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
  expect(res.body.error.message).toMatch(/请稍后再试/);
});

it('answers a Prisma-wrapped certification failure the same way, and anything else with 500', async () => {
  const wrapped = Object.assign(new Error('Invalid `prisma.$executeRaw()` invocation'), {
    code: 'P2010',
    meta: { driverAdapterError: { cause: { originalCode: '1213', kind: 'TransactionWriteConflict' } } },
  });
  expect((await answering(wrapped).get('/x')).status).toBe(503);
  const other = await answering(new Error('something else')).get('/x');
  expect(other.status).toBe(500);
  expect(other.body.error.code).toBe('INTERNAL_ERROR');
});
