// The route helper: module routers under their prefix, 405 across routers, the OpenAPI document
// (requests and responses), and answers checked against their response schema in tests only.
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import supertest from 'supertest';
import { z } from 'zod';
import { Api, type ApiOptions } from '../../src/http/api';
import { AppError, errorMiddleware } from '../../src/http/errors';
import { openApiDocument } from '../../src/http/openapi';
import type { Db } from '../../src/db';

const item = z.object({ id: z.number(), at: z.iso.datetime() });

function build(options: ApiOptions, answer: unknown = { id: 1, at: new Date('2026-01-02T03:04:05Z') }) {
  // Public routes without a bearer token never touch the database.
  const api = new Api({} as Db, options);
  const things = api.module('/api/things', { tag: 'things' });
  things.route({ method: 'get', path: '', summary: 'list', access: 'public', response: z.object({ items: z.array(item) }), handler: async () => ({ items: [answer] }) });
  things.route({ method: 'get', path: '/:id', summary: 'one', access: 'public', response: item, handler: async () => answer });
  things.route({
    method: 'post',
    path: '/:id/own-status',
    summary: 'sets its own status',
    access: 'public',
    response: item,
    handler: async ({ ctx }) => {
      ctx.status = 201;
      ctx.body = answer;
      return undefined;
    },
  });
  // An old-style declaration on the root router keeps working beside the modules.
  api.route({ method: 'post', path: '/api/legacy', tag: 'legacy', summary: 'legacy', access: 'public', body: z.object({ n: z.number() }), handler: async ({ body }) => ({ n: body.n }) });
  const app = new Koa();
  app.use(errorMiddleware());
  app.use(bodyParser());
  app.use(api.routes());
  app.use(api.allowedMethods({ throw: true, methodNotAllowed: () => new AppError(405, 'METHOD_NOT_ALLOWED', '不支持这种请求方式') }));
  return { api, http: supertest(app.callback()) };
}

describe('module routers', () => {
  it('serve their routes under the prefix, the prefix itself included', async () => {
    const { http } = build({});
    expect((await http.get('/api/things')).body.items).toEqual([{ id: 1, at: '2026-01-02T03:04:05.000Z' }]);
    expect((await http.get('/api/things/7')).status).toBe(200);
    expect((await http.post('/api/legacy').send({ n: 3 })).body).toEqual({ n: 3 });
  });

  it('answer 405 for a known path under another method, on a module router and on the root', async () => {
    const { http } = build({});
    const onModule = await http.delete('/api/things/7');
    expect(onModule.status).toBe(405);
    expect((await http.get('/api/legacy')).status).toBe(405);
    expect((await http.get('/api/nothing-here')).status).toBe(404);
  });

  it('put every route in the OpenAPI document with its full path, tag and response schema', () => {
    const { api } = build({});
    const doc = openApiDocument(api.specs);
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/legacy', '/api/things', '/api/things/{id}', '/api/things/{id}/own-status']);
    const one = doc.paths['/api/things/{id}'].get as { tags: string[]; responses: Record<string, { content?: { 'application/json': { schema: { properties: object } } } }> };
    expect(one.tags).toEqual(['things']);
    expect(Object.keys(one.responses['200'].content!['application/json'].schema.properties)).toEqual(['id', 'at']);
  });
});

describe('response schemas', () => {
  const drifted = { id: 'one', at: new Date() };

  it('in tests, an answer that drifted from its schema fails (500 with the route named in the log)', async () => {
    const { http } = build({ checkResponses: true }, drifted);
    expect((await http.get('/api/things/7')).status).toBe(500);
    expect((await http.get('/api/things')).status).toBe(500);
    expect((await http.post('/api/things/7/own-status')).status).toBe(500);
  });

  it('in tests, a matching answer passes, dates compared as they go on the wire', async () => {
    const { http } = build({ checkResponses: true });
    expect((await http.get('/api/things/7')).status).toBe(200);
    expect((await http.post('/api/things/7/own-status')).status).toBe(201);
  });

  it('outside tests, answers are not checked', async () => {
    const { http } = build({}, drifted);
    expect((await http.get('/api/things/7')).status).toBe(200);
  });
});
