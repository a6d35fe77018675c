// Promise adapter around the `wechat-api` package for official-account template messages only.
// The package's own token handling is bypassed (WECHAT.md §9.4): tokens come from our store, and
// token errors are handled here (drop the token, fetch once more, retry once).
import { WechatError, ERRCODE_TRANSPORT } from './errors';

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
    callback: (err: (Error & { code?: number }) | null, data?: { msgid?: number }, res?: { status?: number }) => void,
  ): void;
}
type WechatApiConstructor = new (
  appid: string,
  secret: string,
  getToken: (cb: (err: Error | null, token?: unknown) => void) => void,
  saveToken: (token: unknown, cb: (err: Error | null) => void) => void,
) => WechatApiInstance;

const WechatApi = require('wechat-api') as WechatApiConstructor;

const PATH = '/cgi-bin/message/template/send';

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
  async sendTemplate(input: OfficialTemplateInput): Promise<{ msgid?: number }> {
    const token = await this.options.getAccessToken();
    try {
      return await this.sendWith(token, input);
    } catch (error) {
      if (!(error instanceof WechatError) || error.kind !== 'token') throw error;
      await this.options.invalidateAccessToken(token);
      return this.sendWith(await this.options.getAccessToken(), input);
    }
  }

  private sendWith(token: string, input: OfficialTemplateInput): Promise<{ msgid?: number }> {
    // A per-call object carrying its own token, so concurrent sends never share wechat-api's `token` field.
    const call = Object.create(this.api) as WechatApiInstance;
    call.token = { accessToken: token, expireTime: Number.MAX_SAFE_INTEGER };
    const data: Record<string, { value: string }> = {};
    for (const [k, v] of Object.entries(input.data)) data[k] = { value: v };
    const dest = input.miniprogram ? { url: input.url, miniprogram: input.miniprogram } : { url: input.url };
    return new Promise((resolve, reject) => {
      call._sendTemplate(input.openid, input.templateId, dest, data, (err, answer, res) => {
        if (!err) {
          resolve(typeof answer?.msgid === 'number' ? { msgid: answer.msgid } : {});
          return;
        }
        reject(toWechatError(err, res?.status));
      });
    });
  }
}

function toWechatError(err: Error & { code?: number }, status?: number): WechatError {
  if (err.name === 'WeChatAPIError' && typeof err.code === 'number' && err.code !== -1) {
    return new WechatError({ errcode: err.code, errmsg: err.message, path: PATH });
  }
  if (status !== undefined && status !== 200) {
    return new WechatError({ errcode: ERRCODE_TRANSPORT, errmsg: `HTTP ${status}`, path: PATH, status });
  }
  if (err.name === 'WeChatAPIError' && err.code === -1) {
    return new WechatError({ errcode: -1, errmsg: err.message, path: PATH });
  }
  return new WechatError({ errcode: ERRCODE_TRANSPORT, errmsg: `network error: ${err.message}`, path: PATH, kind: 'retryable' });
}
