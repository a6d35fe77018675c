// Builds the Koa app from its modules. No side effects: nothing listens, nothing starts here.
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { AppDeps } from './deps';
import { Api } from './http/api';
import { AppError, errorMiddleware } from './http/errors';
import { openApiDocument, openApiHtml } from './http/openapi';
import { requestContext } from './http/request-context';
import { serveH5 } from './http/static-h5';
import { OfficerEventHub } from './modules/accidents/officer-events';
import { registerAccidentRoutes } from './modules/accidents/routes';
import { registerAuthRoutes } from './modules/auth/routes';
import { registerIdentityRoutes } from './modules/identity/routes';
import { registerInquiryRoutes, streamImportBodies } from './modules/inquiries/routes';
import { registerConsultationRoutes } from './modules/consultations/routes';
import { registerStaffRoutes } from './modules/staff/routes';
import { registerExamRoutes } from './modules/exams/routes';
import { registerNotificationRoutes } from './modules/notifications/routes';
import { registerPrivacyRoutes } from './modules/privacy/routes';
import { registerStatsRoutes } from './modules/stats/routes';
import { registerInsurerRoutes } from './modules/insurers/routes';
import { registerDocumentRoutes } from './modules/documents/routes';
import { driverTokens } from './http/driver-token';

export const JSON_LIMIT = '1mb';

export function buildApp(deps: AppDeps): Koa {
  // X-Forwarded-For is believed only for the configured number of proxy hops, read from the right:
  // the entries a client wrote itself sit to the left of what our proxies appended.
  const hops = deps.config.trustProxyHops;
  const app = new Koa({ proxy: hops > 0, maxIpsCount: hops });
  const api = new Api(deps.db, { checkResponses: deps.config.env === 'test', driverTokens: driverTokens(deps.config.appSecret) });
  registerAuthRoutes(api, deps);
  registerIdentityRoutes(api, deps);
  registerStaffRoutes(api, deps);
  registerInquiryRoutes(api, deps);
  registerConsultationRoutes(api, deps);
  // The officers' live queue holds open streams: 'shutdown' (emitted by main.ts) ends them.
  const officerEvents = new OfficerEventHub(deps.db, deps.log);
  app.on('shutdown', () => officerEvents.close());
  // Koa reports errors of a response stream here; a console closed mid-stream is not one.
  app.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    deps.log.error({ err }, 'response failed');
  });
  registerAccidentRoutes(api, deps, undefined, officerEvents);
  registerExamRoutes(api, deps);
  registerNotificationRoutes(api, deps);
  registerPrivacyRoutes(api, deps);
  registerStatsRoutes(api, deps);
  registerInsurerRoutes(api, deps);
  registerDocumentRoutes(api, deps);

  const openapi = openApiDocument(api.specs);
  const docsHtml = openApiHtml(openapi);

  app.use(requestContext(deps.log, deps.config.instanceName));
  app.use(errorMiddleware());
  // WeChat's wx.request cannot send PATCH: the mini-program sends it as a POST with
  // X-HTTP-Method-Override: PATCH (only that override is honoured).
  app.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.get('x-http-method-override').toUpperCase() === 'PATCH') ctx.method = 'PATCH';
    await next();
  });
  app.use(async (ctx, next) => {
    if (ctx.path === '/healthz') {
      ctx.body = { status: 'ok' };
      return;
    }
    if (ctx.path === '/readyz') {
      try {
        // A probe must answer quickly even when the pool waits for a connection that never comes.
        await Promise.race([
          deps.db.$queryRawUnsafe('SELECT 1'),
          new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer within 2 s')), 2000).unref()),
        ]);
        ctx.body = { status: 'ready' };
      } catch (err) {
        ctx.log.warn({ err }, 'database not ready');
        throw new AppError(503, 'SERVICE_UNAVAILABLE', '数据库暂时无法连接');
      }
      return;
    }
    if (ctx.path === '/api/openapi.json') {
      ctx.body = openapi;
      return;
    }
    if (ctx.path === '/api/docs') {
      ctx.type = 'html';
      ctx.body = docsHtml;
      return;
    }
    await next();
  });
  app.use(streamImportBodies());
  app.use(
    bodyParser({
      // xml: the official account's message push (read as text, parsed by its route).
      enableTypes: ['json', 'xml'],
      xmlLimit: '64kb',
      // DELETE too: an admin's unbinding carries its reason in the body (API.md, Identity).
      parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
      jsonLimit: JSON_LIMIT,
      encoding: 'utf-8',
      onError: (err) => {
        throw err;
      },
    }),
  );
  app.use(api.routes());
  app.use(
    api.allowedMethods({
      throw: true,
      methodNotAllowed: () => new AppError(405, 'METHOD_NOT_ALLOWED', '不支持这种请求方式'),
      notImplemented: () => new AppError(501, 'NOT_IMPLEMENTED', '不支持这种请求方式'),
    }),
  );
  app.use(serveH5(deps.config.h5Dir));
  return app;
}
