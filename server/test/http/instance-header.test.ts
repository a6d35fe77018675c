// X-Instance names the process that answered, on every response: behind a load balancer (npm run
// cluster) it tells which server a request reached.
import request from 'supertest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db';
import { createLogger } from '../../src/logger';
import { createRateLimits } from '../../src/lib/rate-limit';
import { createExamRuntime } from '../../src/modules/exams/runtime';

function appNamed(env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const app = buildApp({
    config,
    db: createDb(config.databaseUrl, 1),
    log: createLogger('silent'),
    wechat: { code2Session: async () => ({ openid: 'x' }) },
    exams: createExamRuntime(config),
    limits: createRateLimits(config),
  });
  return app.callback();
}

describe('X-Instance', () => {
  const app = appNamed({ INSTANCE_NAME: 'server-7' });

  it.each([
    ['a probe', '/healthz', 200],
    ['an unknown API path', '/api/no-such-thing', 404],
    ['a refused request', '/api/me', 401],
  ])('is on %s', async (_, path, status) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(status);
    expect(res.headers['x-instance']).toBe('server-7');
  });

  it('defaults to the host name and the pid', async () => {
    const res = await request(appNamed({})).get('/healthz');
    expect(res.headers['x-instance']).toMatch(new RegExp(`-${process.pid}$`));
  });

  it('refuses a name that is not a header-safe word', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', INSTANCE_NAME: 'server 1\r\nX: y' })).toThrow(/INSTANCE_NAME/);
  });
});
