// The Tencent Cloud SMS adapter (API 3.0, version 2021-01-11) over the official SDK
// (tencentcloud-sdk-nodejs-sms): SendSms and PullSmsSendStatus, errors classified into SmsError kinds.
//
// How it reaches an http loopback server (the fake gateway): the SDK's AbstractClient builds the
// URL as `httpProfile.protocol + httpProfile.endpoint + "/"`, so SMS_ENDPOINT `http://127.0.0.1:3002`
// becomes protocol `http://` and endpoint `127.0.0.1:3002`. It signs TC3-HMAC-SHA256 over the host
// name without the port and the service `endpoint.split(".")[0]` (`sms` for
// sms.tencentcloudapi.com, `127` for 127.0.0.1); the fake gateway verifies the signature the same
// way. The SDK's fetch puts an https proxy agent on every request when `http_proxy` is set and no
// agent is given; for http endpoints we give a plain keep-alive http.Agent, so loopback never goes
// through a proxy.
import http from 'node:http';
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import type { SmsConfig } from '../config';
import {
  SMS_BAD_RESPONSE,
  SMS_NETWORK_ERROR,
  SMS_TEMPLATE_NOT_CONFIGURED,
  SmsError,
  nationalNumber,
  toE164,
  type SmsProvider,
  type SmsReceipt,
  type SmsSendInput,
  type SmsSendResult,
} from './provider';
import { SMS_TEMPLATES, fitParams } from './templates';

const SmsClient = sms.v20210111.Client;
type Client = InstanceType<typeof SmsClient>;

/** PullSmsSendStatus answers at most 100 receipts a call. */
export const RECEIPTS_PER_PULL = 100;
const SESSION_CONTEXT_MAX_BYTES = 511;

export type TencentSmsOptions = Pick<SmsConfig, 'endpoint' | 'region' | 'secretId' | 'secretKey' | 'sdkAppId' | 'signName' | 'templates' | 'timeoutMs'>;

export class TencentSmsProvider implements SmsProvider {
  readonly name = 'tencent';
  private readonly client: Client;
  private readonly agent?: http.Agent;

  constructor(private readonly options: TencentSmsOptions) {
    const url = new URL(options.endpoint);
    if (url.protocol === 'http:') this.agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    this.client = new SmsClient({
      credential: { secretId: options.secretId, secretKey: options.secretKey },
      region: options.region,
      profile: {
        signMethod: 'TC3-HMAC-SHA256',
        httpProfile: {
          reqMethod: 'POST',
          protocol: `${url.protocol}//`,
          endpoint: url.host,
          reqTimeout: options.timeoutMs / 1000,
          ...(this.agent ? { agent: this.agent } : {}),
        },
      },
    });
  }

  async send(input: SmsSendInput): Promise<SmsSendResult> {
    const template = SMS_TEMPLATES[input.template];
    const templateId = this.options.templates[input.template];
    if (!template || !templateId) {
      throw new SmsError({
        provider: this.name,
        code: SMS_TEMPLATE_NOT_CONFIGURED,
        message: `no template id configured for ${input.template}`,
        kind: 'invalid',
      });
    }
    const response = await this.call(() =>
      this.client.SendSms({
        PhoneNumberSet: [toE164(input.phone)],
        SmsSdkAppId: this.options.sdkAppId,
        SignName: this.options.signName,
        TemplateId: templateId,
        TemplateParamSet: fitParams(template.params, input.params),
        ...(input.sessionContext ? { SessionContext: cutBytes(input.sessionContext, SESSION_CONTEXT_MAX_BYTES) } : {}),
      }),
    );
    const status = response.SendStatusSet?.[0];
    if (!status || typeof status.Code !== 'string') {
      throw new SmsError({ provider: this.name, code: SMS_BAD_RESPONSE, message: 'SendSms answered without a SendStatusSet', requestId: response.RequestId });
    }
    if (status.Code !== 'Ok') {
      throw new SmsError({ provider: this.name, code: status.Code, message: status.Message ?? '', requestId: response.RequestId });
    }
    if (!status.SerialNo) {
      throw new SmsError({ provider: this.name, code: SMS_BAD_RESPONSE, message: 'SendSms answered Ok without a SerialNo', requestId: response.RequestId });
    }
    return { messageId: status.SerialNo, ...(typeof status.Fee === 'number' ? { fee: status.Fee } : {}) };
  }

  async pullReceipts(): Promise<SmsReceipt[]> {
    const response = await this.call(() => this.client.PullSmsSendStatus({ Limit: RECEIPTS_PER_PULL, SmsSdkAppId: this.options.sdkAppId }));
    return (response.PullSmsSendStatusSet ?? [])
      .filter((r) => typeof r.SerialNo === 'string' && r.SerialNo !== '')
      .map((r) => ({
        messageId: r.SerialNo!,
        phone: nationalNumber(r.SubscriberNumber || r.PhoneNumber || ''),
        status: r.ReportStatus === 'SUCCESS' ? ('DELIVERED' as const) : ('FAILED' as const),
        deliveredAt: typeof r.UserReceiveTime === 'number' && r.UserReceiveTime > 0 ? new Date(r.UserReceiveTime * 1000) : null,
        ...(r.Description ? { description: r.Description } : {}),
        ...(r.SessionContext ? { sessionContext: r.SessionContext } : {}),
      }));
  }

  /** Closes the keep-alive connections (tests, shutdown). */
  close(): void {
    this.agent?.destroy();
  }

  /** Runs an SDK call; whatever it throws becomes an SmsError. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.toSmsError(error);
    }
  }

  private toSmsError(error: unknown): SmsError {
    // TencentCloudSDKHttpException: `code` = Response.Error.Code, `httpCode` = a non-200 status,
    // neither for network errors and timeouts (message only).
    const e = (error ?? {}) as { code?: unknown; httpCode?: unknown; message?: unknown; requestId?: unknown };
    const message = typeof e.message === 'string' ? e.message : String(error);
    const requestId = typeof e.requestId === 'string' && e.requestId !== '' ? e.requestId : undefined;
    if (typeof e.httpCode === 'number') {
      return new SmsError({ provider: this.name, code: `HTTP${e.httpCode}`, message, status: e.httpCode, requestId, cause: error });
    }
    if (typeof e.code === 'string' && e.code !== '') {
      return new SmsError({ provider: this.name, code: e.code, message, requestId, cause: error });
    }
    // A 200 whose body is not the API's JSON: res.json() fails, or `data.Response` is missing,
    // outside the SDK's own try.
    if (error instanceof SyntaxError || error instanceof TypeError || (error as { type?: unknown }).type === 'invalid-json') {
      return new SmsError({ provider: this.name, code: SMS_BAD_RESPONSE, message, cause: error });
    }
    return new SmsError({ provider: this.name, code: SMS_NETWORK_ERROR, message, cause: error });
  }
}

function cutBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > max) break;
    out += char;
  }
  return out;
}
