// The project's fake WeChat: a Koa app answering WeChat's real API paths and JSON shapes, with inspection and fault hooks.
import { listenServer } from '../../lib/listen';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import Koa from 'koa';
import type { Context } from 'koa';
import { findInvalidDataField } from '../keyword-rules';
import { fakeCodeName, fakeOpenId, fakeUnionId } from './ids';

export { fakeOpenId, fakeUnionId, fakeCodeName, fakeOfficialAccountOpenId } from './ids';

export interface FakeWechatOptions {
  /** Mini-program AppID (default `wx-fake-appid`). */
  appId?: string;
  /** Mini-program AppSecret (default `fake-secret`). */
  secret?: string;
  /** Official account whose tokens may call template/send (default `wx-fake-oa-appid` / `fake-oa-secret`). */
  officialAccount?: { appId: string; secret: string };
  /** msg_sec_check answers `risky` for content containing one of these (default 赌博, 代开发票). */
  riskyWords?: string[];
  /** msg_sec_check answers `review` for content containing one of these (default 加微信). */
  reviewWords?: string[];
  /**
   * Known subscribe templates: template id → { keyword key → label }, e.g.
   * `{ 'tpl-exam': { thing1: '考试科目', time2: '考试时间' } }`. When given, other template ids get 40037 and
   * `data` must carry exactly the template's keys (a missing or extra key gets 47003). When absent, any
   * template id and any typed keys are accepted.
   */
  templates?: Record<string, Record<string, string>>;
  /**
   * Subscription grants. Grants are counted per (openid, template id) once set with
   * `POST /__subscriptions`; for an openid with no grants set, sends are unlimited unless
   * `strictSubscriptions` is true, in which case they get 43101. Default false, so the demo works.
   */
  strictSubscriptions?: boolean;
  /**
   * Followers of the official account, in the order `cgi-bin/user/get` lists them (default none);
   * replaced with `POST /__followers`. A follower without `unionid` is one whose account is not bound
   * to the open platform.
   */
  followers?: FakeFollower[];
  /** Openids per `cgi-bin/user/get` page (WeChat's is 10,000). */
  followerPageSize?: number;
  /** Clock in ms (tests move it to expire tokens); default Date.now. */
  now?: () => number;
  /**
   * The fake SMS gateway (`sms/fake.ts`), whose list this server answers at `GET /__inspect/sms` and
   * whose faults it takes at `POST /__faults` with a path under `/sms/` (`/sms/SendSms`,
   * `/sms/PullSmsSendStatus`); `DELETE /__faults` and `POST /__reset` clear its faults too.
   */
  sms?: FakeSmsInspector;
}

/** What the fake WeChat needs of the fake SMS gateway (FakeSmsGateway has it). */
export interface FakeSmsInspector {
  messages(): unknown[];
  clearMessages(): number;
  /** Throws (with a message for the 400 answer) when the body is not a fault. */
  addFault(body: Record<string, unknown>): unknown;
  faults(): unknown[];
  clearFaults(): number;
  reset(): void;
}

/** One request received on an inspected path (subscribe send, template send, msg_sec_check). */
export interface InspectedMessage {
  path: string;
  body: unknown;
  /** ISO time of arrival. */
  at: string;
  /** errcode answered (0 for success); null while pending or when a fault answered with an HTTP status. */
  errcode: number | null;
  /** HTTP status, present only when a fault answered with a non-200 status. */
  status?: number;
}

export interface FakeFollower {
  /** The user's official-account openid. */
  openid: string;
  unionid?: string;
}

export interface FakeFault {
  path: string;
  errcode?: number;
  errmsg?: string;
  status?: number;
  delayMs?: number;
  /** Remaining requests this fault applies to; absent = until cleared. */
  times?: number;
}

export interface FakeWechatServer {
  url: string;
  close(): Promise<void>;
}

export interface FakeWechat {
  app: Koa;
  /** Listens on `port` (default 0 = any free port) and `host` (default 127.0.0.1). */
  listen(port?: number, host?: string): Promise<FakeWechatServer>;
  /** Forgets codes, tokens, messages, faults and grants; followers go back to those of the options. */
  reset(): void;
  /** The inspected requests so far, oldest first. */
  messages(): InspectedMessage[];
}

const INSPECTED_PATHS = new Set(['/cgi-bin/message/subscribe/send', '/cgi-bin/message/template/send', '/wxa/msg_sec_check']);
const TOKEN_TTL_MS = 7200 * 1000;
const GRACE_MS = 5 * 60 * 1000;
const MAX_BODY_BYTES = 1024 * 1024;
const FOLLOWER_PAGE_SIZE = 10_000;
const BATCHGET_MAX = 100;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const DEFAULT_RISKY_LABELS: Record<string, number> = { 赌博: 20006, 代开发票: 20008 };

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40014: 'invalid access_token',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
};

/** A WeChat-style refusal: answered as HTTP 200 `{errcode, errmsg}`. */
class WxRefusal extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(errmsg);
  }
}

/** A refusal of a test hook: answered as HTTP 400 in the API's error shape. */
class HookError extends Error {}

interface TokenRecord {
  appId: string;
  source: 'token' | 'stable';
  expiresAt: number;
  revoked: boolean;
}

interface ParsedRequest {
  query: Record<string, string>;
  body: Record<string, unknown>;
  /** The raw body text was empty. */
  empty: boolean;
  /** The raw body was not a JSON object. */
  malformed: boolean;
}

type Handler = (req: ParsedRequest) => Record<string, unknown>;

export function createFakeWechat(options: FakeWechatOptions = {}): FakeWechat {
  const miniProgram = { appId: options.appId ?? 'wx-fake-appid', secret: options.secret ?? 'fake-secret' };
  const officialAccount = options.officialAccount ?? { appId: 'wx-fake-oa-appid', secret: 'fake-oa-secret' };
  const accounts = new Map([
    [miniProgram.appId, miniProgram.secret],
    [officialAccount.appId, officialAccount.secret],
  ]);
  const riskyWords = options.riskyWords ?? ['赌博', '代开发票'];
  const reviewWords = options.reviewWords ?? ['加微信'];
  const templates = options.templates;
  const strictSubscriptions = options.strictSubscriptions ?? false;
  const now = options.now ?? Date.now;
  const initialFollowers = (options.followers ?? []).map((f) => ({ ...f }));
  const initialPageSize = options.followerPageSize ?? FOLLOWER_PAGE_SIZE;

  // State (cleared by reset()).
  let usedCodes = new Set<string>();
  let tokens = new Map<string, TokenRecord>();
  let stableTokens = new Map<string, string>();
  let messages: InspectedMessage[] = [];
  let faults: FakeFault[] = [];
  let grants = new Map<string, Map<string, number>>();
  let followers: FakeFollower[] = initialFollowers.map((f) => ({ ...f }));
  let followerPageSize = initialPageSize;
  let msgid = 3_000_000_000;
  const pendingDelays = new Set<() => void>();

  function reset(): void {
    options.sms?.reset();
    usedCodes = new Set();
    tokens = new Map();
    stableTokens = new Map();
    messages = [];
    faults = [];
    grants = new Map();
    followers = initialFollowers.map((f) => ({ ...f }));
    followerPageSize = initialPageSize;
  }

  // ---- helpers -----------------------------------------------------------------------------

  function issueToken(appId: string, source: TokenRecord['source']): string {
    const token = randomBytes(96).toString('base64url');
    tokens.set(token, { appId, source, expiresAt: now() + TOKEN_TTL_MS, revoked: false });
    return token;
  }

  function checkCredentials(appid: unknown, secret: unknown, wrongSecretErrcode: number, allowed?: string): void {
    if (typeof appid !== 'string' || appid === '') throw new WxRefusal(41002, 'appid missing');
    if (typeof secret !== 'string' || secret === '') throw new WxRefusal(41004, 'appsecret missing');
    const expected = accounts.get(appid);
    if (expected === undefined || (allowed !== undefined && appid !== allowed)) {
      throw new WxRefusal(40013, 'invalid appid');
    }
    if (secret !== expected) {
      throw new WxRefusal(wrongSecretErrcode, wrongSecretErrcode === 40125 ? 'invalid appsecret' : ERRMSG[40001]!);
    }
  }

  function checkAccessToken(query: Record<string, string>): TokenRecord {
    const token = query.access_token;
    if (!token) throw new WxRefusal(41001, 'access_token missing');
    const record = tokens.get(token);
    if (!record || record.revoked) throw new WxRefusal(40001, ERRMSG[40001]!);
    if (record.expiresAt <= now()) throw new WxRefusal(42001, ERRMSG[42001]!);
    return record;
  }

  /** The user APIs answer only to the official account's tokens. */
  function checkOfficialAccountToken(query: Record<string, string>): void {
    if (checkAccessToken(query).appId !== officialAccount.appId) throw new WxRefusal(48001, 'api unauthorized');
  }

  function requireBody(req: ParsedRequest): Record<string, unknown> {
    if (req.empty) throw new WxRefusal(44002, 'empty post data');
    if (req.malformed) throw new WxRefusal(47001, 'data format error');
    return req.body;
  }

  function traceId(): string {
    const hex = () => randomBytes(4).toString('hex');
    return `${hex()}-${hex()}-${hex()}`;
  }

  function matchWords(content: string, words: string[]): string | undefined {
    return words.find((w) => w !== '' && content.includes(w));
  }

  // ---- WeChat API handlers -------------------------------------------------------------------

  const routes: Record<string, { method: 'GET' | 'POST'; handler: Handler }> = {
    '/sns/jscode2session': {
      method: 'GET',
      handler: ({ query }) => {
        checkCredentials(query.appid, query.secret, 40125, miniProgram.appId);
        if (query.grant_type !== 'authorization_code') throw new WxRefusal(40002, 'invalid grant_type');
        const code = query.js_code;
        if (!code) throw new WxRefusal(41008, 'missing code');
        const name = fakeCodeName(code);
        if (name === null || usedCodes.has(code)) throw new WxRefusal(40029, 'invalid code');
        usedCodes.add(code);
        return {
          openid: fakeOpenId(name),
          session_key: randomBytes(16).toString('base64'),
          unionid: fakeUnionId(name),
        };
      },
    },

    // The phone number behind a getPhoneNumber button's code: `fake-phone:<11 digits>` (or
    // `fake-phone:<11 digits>:<anything>`, for a fresh code) stands for that number. Like WeChat:
    // the code goes in the JSON body and works once.
    '/wxa/business/getuserphonenumber': {
      method: 'POST',
      handler: (req) => {
        checkAccessToken(req.query);
        const code = requireBody(req).code;
        if (typeof code !== 'string' || code === '') throw new WxRefusal(40029, 'invalid code');
        const match = /^fake-phone:(1\d{10})(?::.*)?$/.exec(code);
        if (!match || usedCodes.has(code)) throw new WxRefusal(40029, 'invalid code');
        usedCodes.add(code);
        const phone = match[1]!;
        return {
          phone_info: {
            phoneNumber: phone,
            purePhoneNumber: phone,
            countryCode: '86',
            watermark: { timestamp: Math.floor(now() / 1000), appid: miniProgram.appId },
          },
        };
      },
    },

    '/cgi-bin/token': {
      method: 'GET',
      handler: ({ query }) => {
        if (query.grant_type !== 'client_credential') throw new WxRefusal(40002, 'invalid grant_type');
        checkCredentials(query.appid, query.secret, 40001);
        const appId = query.appid!;
        // Each call replaces the previous token; the old one keeps working for 5 minutes.
        const graceEnd = now() + GRACE_MS;
        for (const record of tokens.values()) {
          if (record.appId === appId && record.source === 'token' && record.expiresAt > graceEnd) {
            record.expiresAt = graceEnd;
          }
        }
        return { access_token: issueToken(appId, 'token'), expires_in: TOKEN_TTL_MS / 1000 };
      },
    },

    '/cgi-bin/stable_token': {
      method: 'POST',
      handler: (req) => {
        const body = requireBody(req);
        if (body.grant_type !== 'client_credential') throw new WxRefusal(40002, 'invalid grant_type');
        checkCredentials(body.appid, body.secret, 40125);
        const appId = body.appid as string;
        const forceRefresh = body.force_refresh === true || body.force_refresh === 'true';
        const currentToken = stableTokens.get(appId);
        const current = currentToken === undefined ? undefined : tokens.get(currentToken);
        if (current && currentToken !== undefined) {
          if (forceRefresh) {
            current.revoked = true;
          } else if (!current.revoked && current.expiresAt - now() > GRACE_MS) {
            // Normal mode: the same token while it has more than 5 minutes left.
            return { access_token: currentToken, expires_in: Math.floor((current.expiresAt - now()) / 1000) };
          }
        }
        const token = issueToken(appId, 'stable');
        stableTokens.set(appId, token);
        return { access_token: token, expires_in: TOKEN_TTL_MS / 1000 };
      },
    },

    '/cgi-bin/message/subscribe/send': {
      method: 'POST',
      handler: (req) => {
        checkAccessToken(req.query);
        const body = requireBody(req);
        const touser = body.touser;
        if (typeof touser !== 'string' || !OPENID_PATTERN.test(touser)) throw new WxRefusal(40003, 'invalid openid');
        const templateId = body.template_id;
        if (typeof templateId !== 'string' || templateId === '') throw new WxRefusal(40037, 'invalid template_id');
        const template = templates?.[templateId];
        if (templates && !template) throw new WxRefusal(40037, 'invalid template_id');
        const data = body.data;
        if (typeof data !== 'object' || data === null || Array.isArray(data)) {
          throw new WxRefusal(47003, 'argument invalid! data invalid');
        }
        const record = data as Record<string, unknown>;
        if (template) {
          const extra = Object.keys(record).find((k) => !(k in template));
          const missing = Object.keys(template).find((k) => !(k in record));
          const unknownKey = extra ?? missing;
          if (unknownKey !== undefined) throw new WxRefusal(47003, `argument invalid! data.${unknownKey}.value invalid`);
        }
        const invalid = findInvalidDataField(record);
        if (invalid !== null) throw new WxRefusal(47003, `argument invalid! data.${invalid}.value invalid`);
        const state = body.miniprogram_state;
        if (state !== undefined && state !== 'developer' && state !== 'trial' && state !== 'formal') {
          throw new WxRefusal(47003, 'argument invalid! miniprogram_state invalid');
        }
        const userGrants = grants.get(touser);
        if (userGrants) {
          const left = userGrants.get(templateId) ?? 0;
          if (left <= 0) throw new WxRefusal(43101, ERRMSG[43101]!);
          userGrants.set(templateId, left - 1);
        } else if (strictSubscriptions) {
          throw new WxRefusal(43101, ERRMSG[43101]!);
        }
        msgid += 1;
        return { msgid };
      },
    },

    '/cgi-bin/message/template/send': {
      method: 'POST',
      handler: (req) => {
        checkAccessToken(req.query);
        const body = requireBody(req);
        if (typeof body.touser !== 'string' || body.touser === '') throw new WxRefusal(40003, 'invalid openid');
        if (typeof body.template_id !== 'string' || body.template_id === '') {
          throw new WxRefusal(40037, 'invalid template_id');
        }
        msgid += 1;
        return { msgid };
      },
    },

    '/cgi-bin/user/get': {
      method: 'GET',
      handler: ({ query }) => {
        checkOfficialAccountToken(query);
        const after = query.next_openid ?? '';
        let start = 0;
        if (after !== '') {
          const index = followers.findIndex((f) => f.openid === after);
          if (index < 0) throw new WxRefusal(40003, 'invalid next_openid');
          start = index + 1;
        }
        const page = followers.slice(start, start + followerPageSize).map((f) => f.openid);
        // Like WeChat: next_openid is the page's last openid; the page after the last is empty.
        if (page.length === 0) return { total: followers.length, count: 0, next_openid: '' };
        return { total: followers.length, count: page.length, data: { openid: page }, next_openid: page[page.length - 1] };
      },
    },

    '/cgi-bin/user/info/batchget': {
      method: 'POST',
      handler: (req) => {
        checkOfficialAccountToken(req.query);
        const list = requireBody(req).user_list;
        if (!Array.isArray(list) || list.length === 0) throw new WxRefusal(47001, 'data format error');
        if (list.length > BATCHGET_MAX) throw new WxRefusal(45158, 'user_list size exceeds limit');
        const user_info_list = list.map((item: unknown) => {
          const openid = (item as { openid?: unknown } | null)?.openid;
          if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) throw new WxRefusal(40003, 'invalid openid');
          const follower = followers.find((f) => f.openid === openid);
          if (!follower) return { subscribe: 0, openid };
          return { subscribe: 1, openid, ...(follower.unionid ? { unionid: follower.unionid } : {}), language: 'zh_CN' };
        });
        return { user_info_list };
      },
    },

    '/wxa/msg_sec_check': {
      method: 'POST',
      handler: (req) => {
        checkAccessToken(req.query);
        const body = requireBody(req);
        const content = body.content;
        if (typeof content !== 'string' || content === '') throw new WxRefusal(44002, 'empty post data');
        const risky = matchWords(content, riskyWords);
        const review = risky === undefined ? matchWords(content, reviewWords) : undefined;
        if (body.version === undefined) {
          // v1: no verdict object, risky content is an error code.
          if (risky !== undefined) throw new WxRefusal(87014, 'risky content');
          return {};
        }
        if (Number(body.version) !== 2) throw new WxRefusal(47001, 'data format error');
        const scene = Number(body.scene);
        if (!Number.isInteger(scene) || scene < 1 || scene > 4) throw new WxRefusal(40129, 'invalid scene');
        if (typeof body.openid !== 'string' || !OPENID_PATTERN.test(body.openid)) {
          throw new WxRefusal(40003, 'invalid openid');
        }
        const [suggest, label, keyword] =
          risky !== undefined
            ? (['risky', DEFAULT_RISKY_LABELS[risky] ?? 21000, risky] as const)
            : review !== undefined
              ? (['review', 10001, review] as const)
              : (['pass', 100, undefined] as const);
        const detail: Record<string, unknown>[] = [
          { strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 },
        ];
        if (keyword !== undefined) detail.push({ strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword });
        return { trace_id: traceId(), result: { suggest, label }, detail };
      },
    },
  };

  // ---- test hooks ----------------------------------------------------------------------------

  function parseFault(body: Record<string, unknown>): FakeFault {
    const { path, errcode, errmsg, status, delayMs, times } = body;
    if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('/__')) {
      throw new HookError('path must be a WeChat API path such as /cgi-bin/message/subscribe/send');
    }
    const fault: FakeFault = { path };
    if (errcode !== undefined) {
      if (!Number.isInteger(errcode) || errcode === 0) throw new HookError('errcode must be a non-zero integer');
      fault.errcode = errcode as number;
      fault.errmsg = typeof errmsg === 'string' ? errmsg : (ERRMSG[errcode as number] ?? 'system error');
    }
    if (status !== undefined) {
      if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
        throw new HookError('status must be an HTTP error status (400-599)');
      }
      fault.status = status as number;
    }
    if (delayMs !== undefined) {
      if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) {
        throw new HookError('delayMs must be a non-negative number');
      }
      fault.delayMs = delayMs;
    }
    if (fault.errcode === undefined && fault.status === undefined && fault.delayMs === undefined) {
      throw new HookError('one of errcode, status or delayMs is required');
    }
    if (times !== undefined && times !== null) {
      if (!Number.isInteger(times) || (times as number) < 1) throw new HookError('times must be a positive integer');
      fault.times = times as number;
    }
    return fault;
  }

  function parseFollowers(body: Record<string, unknown>): { followers: FakeFollower[]; pageSize?: number } {
    const { followers: list, pageSize } = body;
    if (!Array.isArray(list)) throw new HookError('followers must be a list of { openid, unionid? }');
    const parsed = list.map((item: unknown) => {
      const { openid, unionid } = (item ?? {}) as Record<string, unknown>;
      if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) throw new HookError('each follower needs a valid openid');
      if (unionid !== undefined && (typeof unionid !== 'string' || unionid === '')) {
        throw new HookError('unionid must be a non-empty string when given');
      }
      return unionid === undefined ? { openid } : { openid, unionid: unionid as string };
    });
    if (new Set(parsed.map((f) => f.openid)).size !== parsed.length) throw new HookError('openids must be distinct');
    if (pageSize !== undefined && (!Number.isInteger(pageSize) || (pageSize as number) < 1)) {
      throw new HookError('pageSize must be a positive integer');
    }
    return { followers: parsed, ...(pageSize === undefined ? {} : { pageSize: pageSize as number }) };
  }

  function takeFault(path: string): FakeFault | undefined {
    const index = faults.findIndex((f) => f.path === path);
    if (index < 0) return undefined;
    const fault = faults[index]!;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) faults.splice(index, 1);
    }
    return fault;
  }

  function hook(ctx: Context, req: ParsedRequest): boolean {
    const key = `${ctx.method} ${ctx.path}`;
    const body = req.body;
    switch (key) {
      case 'GET /__health':
        ctx.body = { ok: true };
        return true;
      case 'GET /__inspect/messages': {
        const path = req.query.path;
        ctx.body = { items: path ? messages.filter((m) => m.path === path) : messages };
        return true;
      }
      case 'DELETE /__inspect/messages':
        ctx.body = { cleared: messages.length };
        messages = [];
        return true;
      case 'GET /__inspect/sms':
        if (!options.sms) throw new HookError('no fake SMS gateway is attached to this fake WeChat');
        ctx.body = { items: options.sms.messages() };
        return true;
      case 'DELETE /__inspect/sms':
        if (!options.sms) throw new HookError('no fake SMS gateway is attached to this fake WeChat');
        ctx.body = { cleared: options.sms.clearMessages() };
        return true;
      case 'GET /__faults':
        ctx.body = { faults: [...faults, ...(options.sms?.faults() ?? [])] };
        return true;
      case 'POST /__faults': {
        if (req.malformed) throw new HookError('body must be a JSON object');
        if (typeof body.path === 'string' && body.path.startsWith('/sms/')) {
          if (!options.sms) throw new HookError('no fake SMS gateway is attached to this fake WeChat');
          try {
            options.sms.addFault(body);
          } catch (error) {
            throw new HookError(error instanceof Error ? error.message : String(error));
          }
        } else {
          faults.push(parseFault(body));
        }
        ctx.body = { faults: [...faults, ...(options.sms?.faults() ?? [])] };
        return true;
      }
      case 'DELETE /__faults':
        ctx.body = { cleared: faults.length + (options.sms?.clearFaults() ?? 0) };
        faults = [];
        return true;
      case 'GET /__subscriptions': {
        const items = [...grants].flatMap(([openid, perTemplate]) =>
          [...perTemplate].map(([templateId, count]) => ({ openid, templateId, count })),
        );
        ctx.body = { items, strict: strictSubscriptions };
        return true;
      }
      case 'POST /__subscriptions': {
        const { openid, templateId, count } = body;
        if (typeof openid !== 'string' || openid === '') throw new HookError('openid is required');
        if (typeof templateId !== 'string' || templateId === '') throw new HookError('templateId is required');
        if (!Number.isInteger(count) || (count as number) < 0) throw new HookError('count must be an integer >= 0');
        let perTemplate = grants.get(openid);
        if (!perTemplate) grants.set(openid, (perTemplate = new Map()));
        perTemplate.set(templateId, count as number);
        ctx.body = { openid, templateId, count };
        return true;
      }
      case 'DELETE /__subscriptions':
        grants = new Map();
        ctx.body = { ok: true };
        return true;
      case 'GET /__followers':
        ctx.body = { followers, pageSize: followerPageSize };
        return true;
      case 'POST /__followers': {
        if (req.malformed) throw new HookError('body must be a JSON object');
        const parsed = parseFollowers(body);
        followers = parsed.followers;
        if (parsed.pageSize !== undefined) followerPageSize = parsed.pageSize;
        ctx.body = { followers, pageSize: followerPageSize };
        return true;
      }
      case 'POST /__tokens/expire': {
        const only = typeof body.token === 'string' ? body.token : undefined;
        const expiredAt = now() - 1;
        let expired = 0;
        for (const [token, record] of tokens) {
          if ((only === undefined || token === only) && record.expiresAt > expiredAt) {
            record.expiresAt = expiredAt;
            expired += 1;
          }
        }
        ctx.body = { expired };
        return true;
      }
      case 'POST /__reset':
        reset();
        ctx.body = { ok: true };
        return true;
      default:
        return false;
    }
  }

  // ---- the app ---------------------------------------------------------------------------------

  function delay(ms: number, ctx: Context): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pendingDelays.delete(done);
        ctx.res.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pendingDelays.add(done);
      // A client that gave up (timeout) closes the connection: stop waiting.
      ctx.res.once('close', done);
    });
  }

  const app = new Koa();
  app.silent = true;

  app.use(async (ctx) => {
    const raw = await readBody(ctx);
    if (raw === null) {
      ctx.status = 413;
      ctx.body = 'Request Entity Too Large';
      return;
    }
    const req = parseRequest(ctx, raw);

    if (ctx.path.startsWith('/__')) {
      try {
        if (!hook(ctx, req)) {
          ctx.status = 404;
          ctx.body = { error: { code: 'NOT_FOUND', message: `no test hook ${ctx.method} ${ctx.path}` } };
        }
      } catch (error) {
        if (!(error instanceof HookError)) throw error;
        ctx.status = 400;
        ctx.body = { error: { code: 'VALIDATION_FAILED', message: error.message } };
      }
      return;
    }

    const entry: InspectedMessage | undefined = INSPECTED_PATHS.has(ctx.path)
      ? { path: ctx.path, body: req.malformed ? raw : req.body, at: new Date(now()).toISOString(), errcode: null }
      : undefined;
    if (entry) messages.push(entry);

    const fault = takeFault(ctx.path);
    if (fault?.delayMs) await delay(fault.delayMs, ctx);
    if (fault?.status !== undefined) {
      ctx.status = fault.status;
      ctx.type = 'text/plain';
      ctx.body = http.STATUS_CODES[fault.status] ?? 'Error';
      if (entry) entry.status = fault.status;
      return;
    }
    if (fault?.errcode !== undefined) {
      ctx.body = { errcode: fault.errcode, errmsg: fault.errmsg ?? 'system error' };
      if (entry) entry.errcode = fault.errcode;
      return;
    }

    const route = routes[ctx.path];
    let answer: Record<string, unknown>;
    if (!route) {
      ctx.status = 404;
      answer = { errcode: 40066, errmsg: 'invalid url' };
    } else if (ctx.method !== route.method) {
      answer =
        route.method === 'POST'
          ? { errcode: 43002, errmsg: 'require POST method' }
          : { errcode: 43001, errmsg: 'require GET method' };
    } else {
      try {
        answer = { errcode: 0, errmsg: 'ok', ...route.handler(req) };
      } catch (error) {
        answer =
          error instanceof WxRefusal
            ? { errcode: error.errcode, errmsg: error.errmsg }
            : { errcode: -1, errmsg: 'system error' };
      }
    }
    // Login and token answers carry no errcode on success, like WeChat's.
    if (answer.errcode === 0 && (ctx.path === '/sns/jscode2session' || ctx.path.endsWith('token'))) {
      delete answer.errcode;
      delete answer.errmsg;
    }
    if (entry) entry.errcode = typeof answer.errcode === 'number' ? answer.errcode : 0;
    ctx.body = answer;
  });

  function listen(port = 0, host = '127.0.0.1'): Promise<FakeWechatServer> {
    return listenServer(app.callback(), port, host, () => {
      for (const done of [...pendingDelays]) done();
    });
  }

  return { app, listen, reset, messages: () => messages.map((m) => ({ ...m })) };
}

/** Reads the request body as text; null when it exceeds 1 MB. */
async function readBody(ctx: Context): Promise<string | null> {
  if (ctx.method === 'GET' || ctx.method === 'HEAD') return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(ctx: Context, raw: string): ParsedRequest {
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(ctx.querystring)) query[k] = v;
  if (raw.trim() === '') return { query, body: {}, empty: true, malformed: false };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { query, body: value as Record<string, unknown>, empty: false, malformed: false };
    }
  } catch {
    // fall through
  }
  return { query, body: {}, empty: false, malformed: true };
}
