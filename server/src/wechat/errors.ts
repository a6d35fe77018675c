// The error every WeChat server-API call throws when WeChat (or the network) says no, classified for retry decisions.

/**
 * - `token`: the access_token was refused (40001, 40014, 42001): drop it, fetch one, try again.
 * - `retryable`: busy/rate-limited (-1, 45009, 45011), HTTP 5xx or 429, network errors and timeouts (-2).
 * - `quota`: the user has no subscription grant left (43101); not a transport error.
 * - `invalid`: anything else; retrying the same request will not help.
 */
export type WechatErrorKind = 'token' | 'retryable' | 'quota' | 'invalid';

/** errcode used for failures that never got a WeChat answer (network error, timeout, non-JSON body). */
export const ERRCODE_TRANSPORT = -2;

const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
const RETRYABLE_ERRCODES = new Set([-1, ERRCODE_TRANSPORT, 45009, 45011]);

export function classifyWechatError(errcode: number, status?: number): WechatErrorKind {
  if (status !== undefined && (status >= 500 || status === 429)) return 'retryable';
  if (status !== undefined && status >= 400) return 'invalid';
  if (TOKEN_ERRCODES.has(errcode)) return 'token';
  if (RETRYABLE_ERRCODES.has(errcode)) return 'retryable';
  if (errcode === 43101) return 'quota';
  return 'invalid';
}

export class WechatError extends Error {
  override readonly name = 'WechatError';
  readonly errcode: number;
  readonly errmsg: string;
  /** API path without the query string (never carries the access_token). */
  readonly path: string;
  readonly kind: WechatErrorKind;
  /** HTTP status when the answer was not HTTP 200 (absent for network errors and timeouts). */
  readonly status?: number;

  constructor(init: {
    errcode: number;
    errmsg: string;
    path: string;
    status?: number;
    kind?: WechatErrorKind;
    cause?: unknown;
  }) {
    super(`WeChat ${init.path} failed: ${init.errcode} ${init.errmsg}`, { cause: init.cause });
    this.errcode = init.errcode;
    this.errmsg = init.errmsg;
    this.path = init.path;
    if (init.status !== undefined) this.status = init.status;
    this.kind = init.kind ?? classifyWechatError(init.errcode, init.status);
  }
}
