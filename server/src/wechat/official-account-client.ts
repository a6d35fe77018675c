// Typed client for the official-account (公众号) APIs the backend uses: stable token and template messages (WECHAT.md §4).
import { WechatError } from './errors';
import { WechatHttp, withAccessToken, type WechatApiOptions } from './http';

export type OfficialAccountClientOptions = WechatApiOptions;

export interface TemplateMessageInput {
  /** The user's official-account openid (differs from the mini-program openid; link them via unionid). */
  openid: string;
  templateId: string;
  url?: string;
  /** Opens the linked mini-program instead of `url`. */
  miniprogram?: { appid: string; pagepath?: string };
  /** Keyword values (each ≤ 20 characters; longer ones are truncated by WeChat). */
  data: Record<string, string | { value: string }>;
  /** De-duplication id. */
  clientMsgId?: string;
}

export class OfficialAccountClient {
  private readonly http: WechatHttp;
  private readonly appId: string;
  private readonly secret: string;
  private readonly getAccessToken: () => Promise<string>;
  private readonly invalidateAccessToken: ((token: string) => Promise<void> | void) | undefined;

  constructor(options: OfficialAccountClientOptions) {
    this.http = new WechatHttp(options);
    this.appId = options.appId;
    this.secret = options.secret;
    this.getAccessToken = options.getAccessToken;
    this.invalidateAccessToken = options.invalidateAccessToken;
  }

  /** `POST /cgi-bin/stable_token` for the official account. */
  async getStableToken(forceRefresh = false): Promise<{ accessToken: string; expiresIn: number }> {
    const path = '/cgi-bin/stable_token';
    const answer = await this.http.call({
      method: 'POST',
      path,
      body: { grant_type: 'client_credential', appid: this.appId, secret: this.secret, force_refresh: forceRefresh },
    });
    if (typeof answer.access_token !== 'string' || typeof answer.expires_in !== 'number') {
      throw new WechatError({ errcode: -2, errmsg: 'malformed response: access_token missing', path, kind: 'retryable' });
    }
    return { accessToken: answer.access_token, expiresIn: answer.expires_in };
  }

  /** `POST /cgi-bin/message/template/send` → the message id. */
  async sendTemplateMessage(input: TemplateMessageInput): Promise<{ msgid?: number }> {
    const path = '/cgi-bin/message/template/send';
    const data: Record<string, { value: string }> = {};
    for (const [key, value] of Object.entries(input.data)) {
      data[key] = typeof value === 'string' ? { value } : { value: value.value };
    }
    const body: Record<string, unknown> = { touser: input.openid, template_id: input.templateId, data };
    if (input.url !== undefined) body.url = input.url;
    if (input.miniprogram !== undefined) body.miniprogram = input.miniprogram;
    if (input.clientMsgId !== undefined) body.client_msg_id = input.clientMsgId;
    const answer = await withAccessToken(this.getAccessToken, this.invalidateAccessToken, (token) =>
      this.http.call({ method: 'POST', path, query: { access_token: token }, body }),
    );
    return typeof answer.msgid === 'number' ? { msgid: answer.msgid } : {};
  }
}
