// Promise adapter around the `wechat-api` package for the official account: template messages and
// the follower list (user/get, user/info/batchget).
// The package's own token handling is bypassed (WECHAT.md §9.4): tokens come from our store, and
// token errors are handled here (drop the token, fetch once more, retry once).
import { WechatError, ERRCODE_TRANSPORT } from './errors';

type ApiCallback<T> = (err: (Error & { code?: number }) | null, data?: T, res?: { status?: number }) => void;

/** The part of wechat-api's API object this adapter uses (the package has no types). */
interface WechatApiInstance {
  endpoint: string;
  token?: { accessToken: string; expireTime: number };
  setOpts(opts: Record<string, unknown>): void;
  getAccessToken(callback: (err: Error | null) => void): void;
  _sendTemplate(
    openid: string,
    templateId: string,
    dest: { url?: string; miniprogram?: { appid: string; pagepath?: string } },
    data: Record<string, { value: string }>,
    callback: ApiCallback<{ msgid?: number }>,
  ): void;
  _getFollowers(nextOpenid: string, callback: ApiCallback<FollowersAnswer>): void;
  _batchGetUsers(openids: string[], callback: ApiCallback<{ user_info_list?: UserInfoAnswer[] }>): void;
}
type WechatApiConstructor = new (
  appid: string,
  secret: string,
  getToken: (cb: (err: Error | null, token?: unknown) => void) => void,
  saveToken: (token: unknown, cb: (err: Error | null) => void) => void,
) => WechatApiInstance;

const WechatApi = require('wechat-api') as WechatApiConstructor;

const TEMPLATE_PATH = '/cgi-bin/message/template/send';
const FOLLOWERS_PATH = '/cgi-bin/user/get';
const USERS_PATH = '/cgi-bin/user/info/batchget';

/** `cgi-bin/user/get` as WeChat answers it (`data` is absent on an empty page). */
interface FollowersAnswer {
  total?: number;
  count?: number;
  data?: { openid?: string[] };
  next_openid?: string;
}

interface UserInfoAnswer {
  subscribe?: number;
  openid?: string;
  unionid?: string;
}

/** One page of the account's followers: up to 10,000 openids. */
export interface FollowerPage {
  total: number;
  openids: string[];
  /** Where the next page starts; empty when there is none. */
  nextOpenid: string;
}

/** A user as `cgi-bin/user/info/batchget` describes them. */
export interface OfficialAccountUser {
  openid: string;
  subscribed: boolean;
  /** Absent when the account is not bound to the open platform (or the user did not follow). */
  unionid?: string;
}

export interface OfficialTemplateInput {
  openid: string;
  templateId: string;
  miniprogram?: { appid: string; pagepath?: string };
  url?: string;
  data: Record<string, string>;
}

export interface OfficialAccountAdapterOptions {
  baseUrl: string;
  appId: string;
  secret: string;
  timeoutMs?: number;
  getAccessToken: () => Promise<string>;
  invalidateAccessToken: (token: string) => Promise<void>;
}

export class OfficialAccountAdapter {
  private readonly api: WechatApiInstance;

  constructor(private readonly options: OfficialAccountAdapterOptions) {
    const refuse = (cb: (err: Error | null) => void) =>
      cb(new Error('wechat-api must not fetch or store tokens itself; the token store does'));
    this.api = new WechatApi(options.appId, options.secret, refuse, (_token, cb) => refuse(cb));
    this.api.getAccessToken = refuse;
    // setEndpoint() forces https://; the property takes a plain-HTTP fake as well.
    this.api.endpoint = options.baseUrl.replace(/\/+$/, '');
    this.api.setOpts({ timeout: options.timeoutMs ?? 5000 });
  }

  /** Sends one template message; throws WechatError (classified like the typed clients' errors). */
  sendTemplate(input: OfficialTemplateInput): Promise<{ msgid?: number }> {
    const data: Record<string, { value: string }> = {};
    for (const [k, v] of Object.entries(input.data)) data[k] = { value: v };
    const dest = input.miniprogram ? { url: input.url, miniprogram: input.miniprogram } : { url: input.url };
    return this.call<{ msgid?: number }>(TEMPLATE_PATH, (api, done) =>
      api._sendTemplate(input.openid, input.templateId, dest, data, done),
    ).then((answer) => (typeof answer?.msgid === 'number' ? { msgid: answer.msgid } : {}));
  }

  /** One page of the account's followers (`cgi-bin/user/get`), starting after `nextOpenid`. */
  async getFollowers(nextOpenid = ''): Promise<FollowerPage> {
    const answer = await this.call<FollowersAnswer>(FOLLOWERS_PATH, (api, done) => api._getFollowers(nextOpenid, done));
    const openids = answer?.data?.openid ?? [];
    if (!Array.isArray(openids) || openids.some((o) => typeof o !== 'string')) {
      throw new WechatError({ errcode: ERRCODE_TRANSPORT, errmsg: 'malformed response: data.openid', path: FOLLOWERS_PATH, kind: 'retryable' });
    }
    return {
      total: typeof answer?.total === 'number' ? answer.total : openids.length,
      openids,
      nextOpenid: typeof answer?.next_openid === 'string' ? answer.next_openid : '',
    };
  }

  /** Up to 100 users at once (`cgi-bin/user/info/batchget`): whether they follow, and their unionid. */
  async batchGetUsers(openids: string[]): Promise<OfficialAccountUser[]> {
    const answer = await this.call<{ user_info_list?: UserInfoAnswer[] }>(USERS_PATH, (api, done) =>
      api._batchGetUsers(openids, done),
    );
    const list = answer?.user_info_list;
    if (!Array.isArray(list)) {
      throw new WechatError({ errcode: ERRCODE_TRANSPORT, errmsg: 'malformed response: user_info_list', path: USERS_PATH, kind: 'retryable' });
    }
    return list
      .filter((u) => typeof u?.openid === 'string')
      .map((u) => ({
        openid: u.openid!,
        subscribed: u.subscribe === 1,
        ...(typeof u.unionid === 'string' && u.unionid !== '' ? { unionid: u.unionid } : {}),
      }));
  }

  /** Calls wechat-api with a token from our store; on a token error drops it and retries once. */
  private async call<T>(path: string, invoke: (api: WechatApiInstance, done: ApiCallback<T>) => void): Promise<T> {
    const token = await this.options.getAccessToken();
    try {
      return await this.callWith(token, path, invoke);
    } catch (error) {
      if (!(error instanceof WechatError) || error.kind !== 'token') throw error;
      await this.options.invalidateAccessToken(token);
      return this.callWith(await this.options.getAccessToken(), path, invoke);
    }
  }

  private callWith<T>(token: string, path: string, invoke: (api: WechatApiInstance, done: ApiCallback<T>) => void): Promise<T> {
    // A per-call object carrying its own token, so concurrent calls never share wechat-api's `token` field.
    const api = Object.create(this.api) as WechatApiInstance;
    api.token = { accessToken: token, expireTime: Number.MAX_SAFE_INTEGER };
    return new Promise((resolve, reject) => {
      invoke(api, (err, answer, res) => {
        if (err) reject(toWechatError(err, path, res?.status));
        else resolve(answer as T);
      });
    });
  }
}

function toWechatError(err: Error & { code?: number }, path: string, status?: number): WechatError {
  if (err.name === 'WeChatAPIError' && typeof err.code === 'number' && err.code !== -1) {
    return new WechatError({ errcode: err.code, errmsg: err.message, path });
  }
  if (status !== undefined && status !== 200) {
    return new WechatError({ errcode: ERRCODE_TRANSPORT, errmsg: `HTTP ${status}`, path, status });
  }
  if (err.name === 'WeChatAPIError' && err.code === -1) {
    return new WechatError({ errcode: -1, errmsg: err.message, path });
  }
  return new WechatError({ errcode: ERRCODE_TRANSPORT, errmsg: `network error: ${err.message}`, path, kind: 'retryable' });
}
