// Typed client for the WeChat mini-program server APIs used by the backend (login, token, subscribe messages, text security).
import { WechatError } from './errors';
import { WechatHttp, withAccessToken, type WechatAnswer, type WechatApiOptions } from './http';

export { WechatError, classifyWechatError, ERRCODE_TRANSPORT, type WechatErrorKind } from './errors';

export type MiniProgramClientOptions = WechatApiOptions;

export interface Code2SessionResult {
  openid: string;
  unionid?: string;
  /** Secret: keep it server-side, never send it to the client. */
  sessionKey: string;
}

export interface AccessTokenResult {
  accessToken: string;
  /** Seconds the token stays valid from now. */
  expiresIn: number;
}

export type MiniProgramState = 'developer' | 'trial' | 'formal';
export type SubscribeLang = 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
/** A keyword value, either the bare string or WeChat's `{ value }` wrapper. */
export type SubscribeDataValue = string | { value: string };

export interface SubscribeMessageInput {
  openid: string;
  templateId: string;
  /** Mini-program page to open, query allowed (`pages/accident/detail?id=1`). */
  page?: string;
  /** Keyword values by key, e.g. `{ thing1: '事故快处', time2: '2026-01-05 10:00' }`. */
  data: Record<string, SubscribeDataValue>;
  /** `miniprogram_state`: which build the message opens (default formal). */
  state?: MiniProgramState;
  lang?: SubscribeLang;
}

export interface SubscribeMessageResult {
  msgid?: number;
}

/** msg_sec_check v2 scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type SecCheckScene = 1 | 2 | 3 | 4;

export interface MsgSecCheckInput {
  openid: string;
  content: string;
  /** Default 2 (comment). */
  scene?: SecCheckScene;
}

export type SecCheckSuggest = 'pass' | 'review' | 'risky';

export interface MsgSecCheckResult {
  suggest: SecCheckSuggest;
  label: number;
  traceId: string;
}

const SUGGESTS: readonly string[] = ['pass', 'review', 'risky'];

export class MiniProgramClient {
  private readonly http: WechatHttp;
  private readonly appId: string;
  private readonly secret: string;
  private readonly getAccessToken: () => Promise<string>;
  private readonly invalidateAccessToken: ((token: string) => Promise<void> | void) | undefined;

  constructor(options: MiniProgramClientOptions) {
    this.http = new WechatHttp(options);
    this.appId = options.appId;
    this.secret = options.secret;
    this.getAccessToken = options.getAccessToken;
    this.invalidateAccessToken = options.invalidateAccessToken;
  }

  /** `GET /sns/jscode2session`: exchanges a `wx.login` code (single use) for the user's ids. */
  async code2Session(code: string): Promise<Code2SessionResult> {
    const path = '/sns/jscode2session';
    const answer = await this.http.call({
      method: 'GET',
      path,
      query: { appid: this.appId, secret: this.secret, js_code: code, grant_type: 'authorization_code' },
    });
    const openid = requireString(answer, 'openid', path);
    const sessionKey = requireString(answer, 'session_key', path);
    const result: Code2SessionResult = { openid, sessionKey };
    if (typeof answer.unionid === 'string' && answer.unionid !== '') result.unionid = answer.unionid;
    return result;
  }

  /** `POST /cgi-bin/stable_token`: normal mode returns the current token; `forceRefresh` replaces it. */
  async getStableToken(forceRefresh = false): Promise<AccessTokenResult> {
    const path = '/cgi-bin/stable_token';
    const answer = await this.http.call({
      method: 'POST',
      path,
      body: { grant_type: 'client_credential', appid: this.appId, secret: this.secret, force_refresh: forceRefresh },
    });
    return { accessToken: requireString(answer, 'access_token', path), expiresIn: requireNumber(answer, 'expires_in', path) };
  }

  /** `POST /cgi-bin/message/subscribe/send`; 43101 (no grant left) throws a WechatError of kind 'quota'. */
  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<SubscribeMessageResult> {
    const path = '/cgi-bin/message/subscribe/send';
    const data: Record<string, { value: string }> = {};
    for (const [key, value] of Object.entries(input.data)) {
      data[key] = typeof value === 'string' ? { value } : { value: value.value };
    }
    const body: Record<string, unknown> = { touser: input.openid, template_id: input.templateId, data };
    if (input.page !== undefined) body.page = input.page;
    if (input.state !== undefined) body.miniprogram_state = input.state;
    if (input.lang !== undefined) body.lang = input.lang;
    const answer = await this.tokenCall(path, body);
    return typeof answer.msgid === 'number' ? { msgid: answer.msgid } : {};
  }

  /**
   * `POST /wxa/business/getuserphonenumber`: the phone number WeChat vouches for behind a
   * getPhoneNumber button's code (single use, 5 minutes); 40029 for a bad or used code.
   */
  async getPhoneNumber(code: string): Promise<{ phone: string; countryCode: string }> {
    const path = '/wxa/business/getuserphonenumber';
    const answer = await this.tokenCall(path, { code });
    const info = answer.phone_info as { purePhoneNumber?: unknown; countryCode?: unknown } | undefined;
    if (!info || typeof info.purePhoneNumber !== 'string' || info.purePhoneNumber === '') throw malformed(path, 'phone_info.purePhoneNumber');
    return { phone: info.purePhoneNumber, countryCode: typeof info.countryCode === 'string' ? info.countryCode : '86' };
  }

  /** `POST /wxa/msg_sec_check` (v2); decide on `suggest`, errcode 0 only means the check ran. */
  async msgSecCheck(input: MsgSecCheckInput): Promise<MsgSecCheckResult> {
    const path = '/wxa/msg_sec_check';
    const answer = await this.tokenCall(path, {
      version: 2,
      openid: input.openid,
      scene: input.scene ?? 2,
      content: input.content,
    });
    const result = answer.result as { suggest?: unknown; label?: unknown } | undefined;
    if (!result || typeof result.suggest !== 'string' || !SUGGESTS.includes(result.suggest)) {
      throw malformed(path, 'result.suggest');
    }
    return {
      suggest: result.suggest as SecCheckSuggest,
      label: typeof result.label === 'number' ? result.label : Number(result.label ?? 0),
      traceId: typeof answer.trace_id === 'string' ? answer.trace_id : '',
    };
  }

  private tokenCall(path: string, body: unknown): Promise<WechatAnswer> {
    return withAccessToken(this.getAccessToken, this.invalidateAccessToken, (token) =>
      this.http.call({ method: 'POST', path, query: { access_token: token }, body }),
    );
  }
}

function malformed(path: string, field: string): WechatError {
  return new WechatError({ errcode: -2, errmsg: `malformed response: ${field} missing`, path, kind: 'retryable' });
}

function requireString(answer: WechatAnswer, field: string, path: string): string {
  const value = answer[field];
  if (typeof value !== 'string' || value === '') throw malformed(path, field);
  return value;
}

function requireNumber(answer: WechatAnswer, field: string, path: string): number {
  const value = answer[field];
  if (typeof value !== 'number') throw malformed(path, field);
  return value;
}
