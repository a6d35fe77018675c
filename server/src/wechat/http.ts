// Low-level JSON call to a WeChat server API over fetch, with a timeout, errcode checking and token retry.
import { ERRCODE_TRANSPORT, WechatError } from './errors';

export const DEFAULT_WECHAT_TIMEOUT_MS = 5000;

export interface WechatHttpOptions {
  /** e.g. `https://api.weixin.qq.com` or the fake's URL; a trailing slash is ignored. */
  baseUrl: string;
  timeoutMs?: number;
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
}

export interface WechatRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

/** A successful WeChat answer: errcode absent or 0. */
export type WechatAnswer = Record<string, unknown>;

export class WechatHttp {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: WechatHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_WECHAT_TIMEOUT_MS;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Sends the request; resolves with the parsed answer or throws WechatError. */
  async call(request: WechatRequest): Promise<WechatAnswer> {
    const url = new URL(this.baseUrl + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const init: RequestInit = { method: request.method, signal: controller.signal };
    if (request.body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(request.body);
    }
    let status: number;
    let text: string;
    try {
      const response = await this.fetchImpl(url, init);
      status = response.status;
      text = await response.text();
    } catch (cause) {
      const timedOut = controller.signal.aborted;
      throw new WechatError({
        errcode: ERRCODE_TRANSPORT,
        errmsg: timedOut
          ? `request timed out after ${this.timeoutMs}ms`
          : `network error: ${cause instanceof Error ? cause.message : String(cause)}`,
        path: request.path,
        kind: 'retryable',
        cause,
      });
    } finally {
      clearTimeout(timer);
    }
    const answer = parseJsonObject(text);
    if (status !== 200) {
      const errcode = answer && typeof answer.errcode === 'number' ? answer.errcode : ERRCODE_TRANSPORT;
      const errmsg =
        answer && typeof answer.errmsg === 'string' ? answer.errmsg : `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
      throw new WechatError({ errcode, errmsg, path: request.path, status });
    }
    if (!answer) {
      throw new WechatError({
        errcode: ERRCODE_TRANSPORT,
        errmsg: `response is not a JSON object: ${text.slice(0, 200)}`,
        path: request.path,
        kind: 'retryable',
      });
    }
    const errcode = answer.errcode;
    if (errcode !== undefined && errcode !== 0) {
      throw new WechatError({
        errcode: typeof errcode === 'number' ? errcode : Number(errcode) || ERRCODE_TRANSPORT,
        errmsg: typeof answer.errmsg === 'string' ? answer.errmsg : '',
        path: request.path,
      });
    }
    return answer;
  }
}

function parseJsonObject(text: string): WechatAnswer | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as WechatAnswer) : null;
  } catch {
    return null;
  }
}

/** Runs `send` with a token; on a token error, lets the owner drop that token and tries once more. */
export async function withAccessToken<T>(
  getAccessToken: () => Promise<string>,
  invalidateAccessToken: ((token: string) => Promise<void> | void) | undefined,
  send: (token: string) => Promise<T>,
): Promise<T> {
  const token = await getAccessToken();
  try {
    return await send(token);
  } catch (error) {
    if (!(error instanceof WechatError) || error.kind !== 'token' || !invalidateAccessToken) throw error;
    await invalidateAccessToken(token);
    return send(await getAccessToken());
  }
}

/** What every typed WeChat client is built from (mini-program and official account alike). */
export interface WechatApiOptions {
  /** `https://api.weixin.qq.com`, or the fake WeChat's URL. */
  baseUrl: string;
  /** The account's own AppID/secret (the mini-program's and the official account's differ). */
  appId: string;
  secret: string;
  /** Per-request timeout; default 5000 ms. */
  timeoutMs?: number;
  /** Supplies the access_token for the token-protected calls (owned by the token store). */
  getAccessToken: () => Promise<string>;
  /**
   * Called with a token WeChat refused (40001/40014/42001); when given, the call is retried once with
   * a fresh `getAccessToken()`. Without it the WechatError (kind 'token') is thrown to the caller.
   */
  invalidateAccessToken?: (token: string) => Promise<void> | void;
  fetch?: typeof fetch;
}
