// Every request's log lines carry its request id: the access line always, and whatever a handler
// logs through ctx.log (made on first use only).
import { Writable } from 'node:stream';
import Koa from 'koa';
import pino from 'pino';
import supertest from 'supertest';
import { requestContext } from '../../src/http/request-context';

function appLogging() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = new Koa();
  app.use(requestContext(pino({ level: 'info' }, sink), 'node-a'));
  app.use((ctx) => {
    if (ctx.path === '/warns') ctx.log.warn({ step: 'check' }, 'something to see');
    if (ctx.path === '/fails') ctx.status = 503;
    ctx.body = { ok: true };
  });
  return { lines, http: supertest(app.callback()) };
}

it('logs one access line with the request id, the status and the time taken', async () => {
  const { lines, http } = appLogging();
  const res = await http.get('/quiet').set('X-Request-Id', 'req-12345678');
  expect(res.headers['x-request-id']).toBe('req-12345678');
  expect(lines).toEqual([expect.objectContaining({ reqId: 'req-12345678', method: 'GET', path: '/quiet', status: 200, level: 30, msg: 'request' })]);
  expect(typeof lines[0].ms).toBe('number');
});

it("gives a handler's own lines and the access line the same id, and logs a 5xx as an error", async () => {
  const { lines, http } = appLogging();
  const res = await http.get('/warns');
  const id = res.headers['x-request-id'];
  expect(id).toMatch(/^[\w-]{36}$/);
  expect(lines).toEqual([
    expect.objectContaining({ reqId: id, step: 'check', level: 40, msg: 'something to see' }),
    expect.objectContaining({ reqId: id, path: '/warns', status: 200, msg: 'request' }),
  ]);
  await http.get('/fails');
  expect(lines[2]).toEqual(expect.objectContaining({ path: '/fails', status: 503, level: 50 }));
  expect(lines[2].reqId).not.toBe(id);
});
