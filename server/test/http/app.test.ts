// The app's edges: health and readiness, OpenAPI, request ids, security headers, the h5 files.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db';
import { Api } from '../../src/http/api';
import { createLogger } from '../../src/logger';
import { registerAuthRoutes } from '../../src/modules/auth/routes';
import { registerConsultationRoutes } from '../../src/modules/consultations/routes';
import { registerIdentityRoutes } from '../../src/modules/identity/routes';
import { registerInquiryRoutes } from '../../src/modules/inquiries/routes';
import { registerNotificationRoutes } from '../../src/modules/notifications/routes';
import { registerStaffRoutes } from '../../src/modules/staff/routes';
import { createRateLimits } from '../../src/lib/rate-limit';
import { createExamRuntime } from '../../src/modules/exams/runtime';
import { startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
let h5Dir: string;
beforeAll(async () => {
  h5Dir = mkdtempSync(path.join(os.tmpdir(), 'h5-'));
  writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>交管服务</title><div id="app"></div>');
  mkdirSync(path.join(h5Dir, 'js'));
  writeFileSync(path.join(h5Dir, 'js', 'app.3f2a.js'), 'console.info("app")');
  ctx = await startTestContext({ H5_DIR: h5Dir });
});
afterAll(() => ctx.close());

describe('health', () => {
  it('GET /healthz → 200 while the process is up', async () => {
    const res = await ctx.http.get('/healthz');
    expect(res.status).toBe(200);
  });

  it('GET /readyz → 200 when the database answers', async () => {
    expect((await ctx.http.get('/readyz')).status).toBe(200);
  });

  it('GET /readyz → 503 with the error body when the database does not answer', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere', LOG_LEVEL: 'silent' });
    const db = createDb(config.databaseUrl, 1);
    const limits = createRateLimits(config);
    const app = buildApp({ config, db, log: createLogger('silent'), wechat: { code2Session: async () => ({ openid: 'x' }) }, exams: createExamRuntime(config), limits });
    const res = await supertest(app.callback()).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect((await supertest(app.callback()).get('/healthz')).status).toBe(200);
    await db.$disconnect();
    await limits.close();
  });
});

describe('OpenAPI', () => {
  it('documents every declared route with its schemas and errors', async () => {
    const res = await ctx.http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const wechat = res.body.paths['/api/auth/wechat'].post;
    expect(wechat.requestBody.content['application/json'].schema.properties.code).toBeDefined();
    expect(Object.keys(wechat.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
    expect(res.body.paths['/api/me/identity'].post.security).toEqual([{ bearer: [] }]);
  });

  it('documents the success body of every route of the modules on prefixed routers', async () => {
    const api = new Api(ctx.deps.db);
    for (const register of [registerAuthRoutes, registerIdentityRoutes, registerStaffRoutes, registerInquiryRoutes, registerConsultationRoutes, registerNotificationRoutes]) {
      register(api, ctx.deps);
    }
    expect(api.specs.filter((s) => !s.response).map((s) => `${s.method} ${s.path}`)).toEqual([]);
    const res = await ctx.http.get('/api/openapi.json');
    for (const spec of api.specs) {
      const op = res.body.paths[spec.path.replace(/:(\w+)/g, '{$1}')][spec.method];
      expect(op.responses[String(spec.status ?? 200)].content['application/json'].schema).toBeDefined();
    }
  });

  it('serves a readable page at /api/docs', async () => {
    const res = await ctx.http.get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('POST /api/auth/staff');
  });
});

describe('every response', () => {
  it('carries a request id (echoing a sane incoming one) and security headers', async () => {
    const res = await ctx.http.get('/api/me').set('X-Request-Id', 'client-req-12345');
    expect(res.headers['x-request-id']).toBe('client-req-12345');
    const fresh = await ctx.http.get('/healthz').set('X-Request-Id', 'bad id with spaces');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('the h5 app', () => {
  it('is served at / with index.html never cached', async () => {
    const res = await ctx.http.get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('交管服务');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await ctx.http.get('/js/app.3f2a.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers app routes with the app and missing files with 404', async () => {
    expect((await ctx.http.get('/pages/index/index')).text).toContain('<div id="app">');
    expect((await ctx.http.get('/js/missing.js')).status).toBe(404);
  });

  it('never serves files outside its folder', async () => {
    const res = await ctx.http.get('/..%2f..%2fetc%2fpasswd');
    expect(res.text).not.toContain('root:');
    expect((await ctx.http.get('/%2e%2e/%2e%2e/etc/passwd')).text).not.toContain('root:');
  });
});
