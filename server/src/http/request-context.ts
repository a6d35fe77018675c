// Gives each request an id (echoed in X-Request-Id), a child logger, one access-log line, a
// client address that is an address, security headers, and the name of the process that
// answered (X-Instance: behind a load balancer, which server it was).
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context, Next } from 'koa';
import type { Logger } from '../logger';

declare module 'koa' {
  interface DefaultContext {
    log: Logger;
    requestId: string;
  }
}

const API_CSP = "default-src 'none'; frame-ancestors 'none'";
// The h5 app's template carries one inline bootstrap script and inline styles.
const PAGE_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob: data:; frame-ancestors 'none'; base-uri 'self'";

export function requestContext(log: Logger, instanceName?: string) {
  return async function withRequestContext(ctx: Context, next: Next) {
    if (instanceName) ctx.set('X-Instance', instanceName);
    const incoming = ctx.get('x-request-id');
    ctx.requestId = /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.log = log.child({ reqId: ctx.requestId });
    ctx.set('X-Request-Id', ctx.requestId);
    // Behind a proxy the address comes from X-Forwarded-For, which a client can write: anything
    // that is not an address (or is too long to store) is replaced by the socket's own peer.
    if (!isIP(ctx.ip)) ctx.request.ip = ctx.req.socket.remoteAddress ?? '';
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    const started = performance.now();
    try {
      await next();
    } finally {
      const isApi = ctx.path.startsWith('/api/') && ctx.path !== '/api/docs';
      ctx.set('Content-Security-Policy', isApi ? API_CSP : PAGE_CSP);
      // An API answer is not kept unless its route said how (a stored photo never changes).
      if (isApi && !ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'no-store');
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const line = { method: ctx.method, path: ctx.path, status: ctx.status, ms };
      if (ctx.status >= 500) ctx.log.error(line, 'request');
      else ctx.log.info(line, 'request');
    }
  };
}
