// The one error type of the HTTP edge and the middleware that turns any error into the contract's body.
import type { Context, Next } from 'koa';
import { PoolBusy } from '../db/queued-pool';
import { isLockConflict } from '../lib/db-errors';

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'IDENTITY_TAKEN'
  | 'IDENTITY_ALREADY_BOUND'
  | 'IDENTITY_NOT_VERIFIED'
  | 'INVALID_STATE'
  | 'CONFLICT'
  | 'WECHAT_UNAVAILABLE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR'
  | (string & {});

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    /** Shown to the user: plain Simplified Chinese. */
    readonly userMessage: string,
    readonly details?: unknown,
  ) {
    // An answer to the caller (4xx) is not a fault: nobody reads its stack, yet capturing one cost
    // about 3% of the server's CPU in a booking rush, where nine requests in ten are refused.
    const stackTraceLimit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    super(`${code}: ${userMessage}`);
    Error.stackTraceLimit = stackTraceLimit;
  }
}

export const badRequest = (details: unknown, message = '提交的内容有误，请检查后重试') =>
  new AppError(400, 'VALIDATION_FAILED', message, details);
export const unauthenticated = (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = '您没有权限进行此操作') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = '没有找到相关记录') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(409, code, message, details);
export const ruleSaysNo = (code: ErrorCode, reason: string, message: string, extra?: object) =>
  new AppError(422, code, message, { reason, ...extra });

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** Maps errors raised by Koa's own parts (body parser, http-errors) to the contract. */
function fromHttpError(err: HttpishError): AppError | undefined {
  const status = err.status ?? err.statusCode;
  if (!status || status >= 500) return undefined;
  if (status === 413 || err.type === 'entity.too.large') {
    return new AppError(413, 'PAYLOAD_TOO_LARGE', '提交的内容太大了');
  }
  if (status === 415) return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持这种内容格式');
  if (status === 400) return badRequest([{ path: '', message: 'malformed body' }], '提交的内容格式不正确');
  if (status === 401) return unauthenticated();
  if (status === 403) return forbidden();
  if (status === 404) return notFound();
  return new AppError(status, 'VALIDATION_FAILED', '请求无法处理');
}

export function errorMiddleware() {
  return async function handleErrors(ctx: Context, next: Next) {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw notFound('没有这个接口');
    } catch (err) {
      const appError = err instanceof AppError ? err : fromHttpError(err as HttpishError);
      if (appError) {
        ctx.status = appError.status;
        ctx.body = {
          error: {
            code: appError.code,
            message: appError.userMessage,
            ...(appError.details !== undefined ? { details: appError.details } : {}),
          },
        };
        if (appError.status === 429) {
          const wait = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
          ctx.set('Retry-After', String(wait ?? 60));
        }
        return;
      }
      if (isLockConflict(err) || err instanceof PoolBusy) {
        // A transaction that lost its lock race more often than its retries allow (a rush on a
        // Galera cluster), or no connection came free in time: nothing changed, asking again is safe.
        ctx.log?.warn({ err }, err instanceof PoolBusy ? 'no database connection came free' : 'lock conflict after every retry');
        ctx.status = 503;
        ctx.set('Retry-After', '1');
        ctx.body = { error: { code: 'SERVICE_UNAVAILABLE', message: '当前办理人数较多，请稍后再试' } };
        return;
      }
      ctx.log?.error({ err }, 'unhandled error');
      ctx.status = 500;
      ctx.body = { error: { code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' } };
    }
  };
}
