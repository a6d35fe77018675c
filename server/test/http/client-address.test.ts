// The client address behind a proxy: X-Forwarded-For is written by the client, so only the
// entries the configured proxy hops appended are believed, and what is not an address (a forged,
// overlong header would not fit the VarChar(64) it is stored in) is not taken.
import request from 'supertest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db';
import { createLogger } from '../../src/logger';
import { createRateLimits } from '../../src/lib/rate-limit';
import { createExamRuntime } from '../../src/modules/exams/runtime';

const PEER = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

/** The real app (its proxy setting comes from TRUST_PROXY_HOPS) with one extra route echoing ctx.ip. */
function appWithHops(hops: number) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', TRUST_PROXY_HOPS: String(hops) });
  const app = buildApp({
    config,
    db: createDb(config.databaseUrl, 1),
    log: createLogger('silent'),
    wechat: { code2Session: async () => ({ openid: 'x' }) },
    exams: createExamRuntime(config),
    limits: createRateLimits(config),
  });
  // Right after the request context, which is where the address is settled.
  app.middleware.splice(1, 0, (ctx, next) => (ctx.path === '/echo-ip' ? ((ctx.body = { ip: ctx.ip }), undefined) : next()));
  return app;
}

function appBehindProxy() {
  return appWithHops(1).callback();
}

const echo = (hops: number, xff: string) => request(appWithHops(hops).callback()).get('/echo-ip').set('X-Forwarded-For', xff);

describe('client address', () => {
  it('takes a forwarded address that is one', async () => {
    const res = await request(appBehindProxy()).get('/echo-ip').set('X-Forwarded-For', '203.0.113.7');
    expect(res.body.ip).toBe('203.0.113.7');
  });

  it.each([['x'.repeat(5000)], ['<script>'], ['203.0.113.7; DROP TABLE'], ['1.2.3.4.5']])('falls back to the peer for %s', async (forged) => {
    const res = await request(appBehindProxy()).get('/echo-ip').set('X-Forwarded-For', forged);
    expect(res.body.ip).toMatch(PEER);
  });

  it('believes no header without a configured proxy', async () => {
    expect((await echo(0, '203.0.113.7')).body.ip).toMatch(PEER);
  });

  it('takes the address the proxy appended, not the one the client wrote to its left', async () => {
    expect((await echo(1, '198.51.100.1, 203.0.113.7')).body.ip).toBe('203.0.113.7');
    expect((await echo(2, '198.51.100.1, 192.0.2.9, 203.0.113.7')).body.ip).toBe('192.0.2.9');
  });
});
