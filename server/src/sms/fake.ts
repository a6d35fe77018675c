// The project's fake SMS gateway: an HTTP server on loopback speaking the Tencent Cloud API 3.0 of
// SMS (version 2021-01-11) for SendSms and PullSmsSendStatus, with the real request signature
// (TC3-HMAC-SHA256) checked, the real answer shapes and error codes, an inspection list and faults.
//
// Test hooks, on its own port and (through `createFakeWechat({ sms })`) on the fake WeChat's:
//   GET /__inspect/sms       → {"items": [{phone, template, templateId, params, text, at, code, messageId?, status?}]}
//   DELETE /__inspect/sms    → forgets the list
//   POST /__faults {"path": "/sms/SendSms" | "/sms/PullSmsSendStatus", "code"?: "LimitExceeded.PhoneNumberDailyLimit",
//                   "message"?, "status"?: 503, "delayMs"?: 20000, "times"?: 2}
//   GET /__faults, DELETE /__faults, POST /__reset
import { listenServer } from '../lib/listen';
import http from 'node:http';
import { createHash, createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { FAKE_SMS } from '../config';
import { SMS_TEMPLATES, SMS_TEMPLATE_KEYS, paramCount, renderSms, type SmsTemplateKey } from './templates';

export interface FakeSmsTemplate {
  /** Our template key (what the inspection list shows), or any name. */
  key: string;
  /** The registered text with {1}…{n}. */
  text: string;
  /** Longest value per variable (default 12 each). */
  maxChars?: readonly number[];
}

export interface FakeSmsGatewayOptions {
  secretId?: string;
  secretKey?: string;
  sdkAppId?: string;
  signName?: string;
  /** Approved templates by template id; default: every SMS_TEMPLATES entry under FAKE_SMS's ids. */
  templates?: Record<string, FakeSmsTemplate>;
  /** Sends per phone per UTC+8 day before LimitExceeded.PhoneNumberDailyLimit (default: no limit). */
  perPhoneDailyLimit?: number;
  /** Phones (11 digits) whose receipts say FAIL. */
  undeliverablePhones?: string[];
  /** Clock in ms; default Date.now. */
  now?: () => number;
}

/** One phone of one SendSms request, accepted (`code: "Ok"`) or refused. */
export interface FakeSmsMessage {
  /** 11 digits without +86 (as given, when it is not a mainland mobile number). */
  phone: string;
  /** Our template key, or the template id when the id is unknown. */
  template: string;
  templateId: string;
  params: string[];
  /** The text the phone would show, 【签名】 first (known templates only). */
  text?: string;
  /** ISO time of arrival. */
  at: string;
  /** `Ok`, or the error code answered (SendStatus.Code or Response.Error.Code); null while pending. */
  code: string | null;
  messageId?: string;
  /** HTTP status, only when a fault answered with one. */
  status?: number;
}

export interface FakeSmsFault {
  path: string;
  code?: string;
  message?: string;
  status?: number;
  delayMs?: number;
  times?: number;
}

export interface FakeSmsGatewayServer {
  url: string;
  close(): Promise<void>;
}

export interface FakeSmsGateway {
  /** The request listener (the gateway's whole API and hooks). */
  handler: http.RequestListener;
  listen(port?: number, host?: string): Promise<FakeSmsGatewayServer>;
  /** Forgets messages, receipts, faults and daily counts. */
  reset(): void;
  messages(): FakeSmsMessage[];
  clearMessages(): number;
  /** Adds a fault from a `/__faults` body; throws FakeSmsHookError when it is not one. */
  addFault(body: Record<string, unknown>): FakeSmsFault;
  faults(): FakeSmsFault[];
  clearFaults(): number;
}

/** A refused test-hook call (answered 400). */
export class FakeSmsHookError extends Error {}

export const FAKE_SMS_PATHS = ['/sms/SendSms', '/sms/PullSmsSendStatus'] as const;

/** The fake's default templates: ours, under the given ids (FAKE_SMS's by default). */
export function fakeSmsTemplates(ids: Partial<Record<SmsTemplateKey, string>> = FAKE_SMS.templates): Record<string, FakeSmsTemplate> {
  const out: Record<string, FakeSmsTemplate> = {};
  for (const key of SMS_TEMPLATE_KEYS) {
    const id = ids[key];
    if (id) out[id] = { key, text: SMS_TEMPLATES[key].text, maxChars: SMS_TEMPLATES[key].params.map((p) => p.max) };
  }
  return out;
}

const VERSION = '2021-01-11';
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_PARAM_MAX = 12;
const MAX_CONTENT_CHARS = 500;
const SIGNATURE_TTL_S = 300;
const URL_IN_PARAM = /(?:https?:\/\/|www\.)/i;
/** Codes Tencent answers per number inside SendStatusSet (the request itself succeeds). */
const PER_NUMBER_CODE = /^(?:LimitExceeded\.PhoneNumber|LimitExceeded\.DeliveryFrequencyLimit|InvalidParameterValue\.IncorrectPhoneNumber|FailedOperation\.PhoneNumberInBlacklist)/;

const MESSAGES: Record<string, string> = {
  'AuthFailure.InvalidAuthorization': 'Authorization header is not TC3-HMAC-SHA256',
  'AuthFailure.SecretIdNotFound': 'The SecretId is not found, please ensure that your SecretId is correct.',
  'AuthFailure.SignatureExpire': 'Signature expired. Timestamp and server time cannot differ by more than five minutes.',
  'AuthFailure.SignatureFailure': 'The provided credentials could not be validated. Please check your signature is correct.',
  'InvalidParameterValue.IncorrectPhoneNumber': 'incorrect number format',
  'InvalidParameterValue.SdkAppIdNotExist': 'the SdkAppId does not exist',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'signature format error or signature not approved',
  'FailedOperation.TemplateIncorrectOrUnapproved': 'template is not approved or request content does not match the approved template content',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': 'the number of template parameters does not match the approved template',
  'InvalidParameterValue.TemplateParameterLengthLimit': 'single variable of template exceeds the length limit',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': 'URLs are not allowed in template variables',
  'InvalidParameterValue.ContentLengthLimit': 'the request content is too long',
  'LimitExceeded.PhoneNumberDailyLimit': 'the number of SMS messages sent from a single mobile number every day exceeds the upper limit',
  'LimitExceeded.PhoneNumberCountLimit': 'the number of phone numbers exceeds 200',
  'InternalError.Timeout': 'request timed out',
  InternalError: 'internal error',
};
const message = (code: string) => MESSAGES[code] ?? code;

class ApiError extends Error {
  constructor(readonly code: string, msg?: string) {
    super(msg ?? message(code));
  }
}

interface Receipt {
  serialNo: string;
  phone: string;
  delivered: boolean;
  at: number;
  sessionContext: string;
}

export function createFakeSmsGateway(options: FakeSmsGatewayOptions = {}): FakeSmsGateway {
  const secretId = options.secretId ?? FAKE_SMS.secretId;
  const secretKey = options.secretKey ?? FAKE_SMS.secretKey;
  const sdkAppId = options.sdkAppId ?? FAKE_SMS.sdkAppId;
  const signName = options.signName ?? FAKE_SMS.signName;
  const templates = options.templates ?? fakeSmsTemplates();
  const now = options.now ?? Date.now;
  const undeliverable = new Set(options.undeliverablePhones ?? []);

  let messages: FakeSmsMessage[] = [];
  let faults: FakeSmsFault[] = [];
  let receipts: Receipt[] = [];
  let daily = new Map<string, number>();
  let serial = 0;
  const pendingDelays = new Set<() => void>();

  function reset(): void {
    messages = [];
    faults = [];
    receipts = [];
    daily = new Map();
  }

  // ---- faults ----------------------------------------------------------------------------------

  function addFault(body: Record<string, unknown>): FakeSmsFault {
    const { path, code, errcode, message: msg, status, delayMs, times } = body;
    if (typeof path !== 'string' || !(FAKE_SMS_PATHS as readonly string[]).includes(path)) {
      throw new FakeSmsHookError(`path must be one of ${FAKE_SMS_PATHS.join(', ')}`);
    }
    const fault: FakeSmsFault = { path };
    const errorCode = code ?? errcode;
    if (errorCode !== undefined) {
      if (typeof errorCode !== 'string' || !/^[A-Za-z][\w.]*$/.test(errorCode) || errorCode === 'Ok') {
        throw new FakeSmsHookError('code must be a Tencent Cloud error code such as LimitExceeded.PhoneNumberDailyLimit');
      }
      fault.code = errorCode;
      fault.message = typeof msg === 'string' ? msg : message(errorCode);
    }
    if (status !== undefined) {
      if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
        throw new FakeSmsHookError('status must be an HTTP error status (400-599)');
      }
      fault.status = status as number;
    }
    if (delayMs !== undefined) {
      if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) throw new FakeSmsHookError('delayMs must be a non-negative number');
      fault.delayMs = delayMs;
    }
    if (fault.code === undefined && fault.status === undefined && fault.delayMs === undefined) {
      throw new FakeSmsHookError('one of code, status or delayMs is required');
    }
    if (times !== undefined && times !== null) {
      if (!Number.isInteger(times) || (times as number) < 1) throw new FakeSmsHookError('times must be a positive integer');
      fault.times = times as number;
    }
    faults.push(fault);
    return { ...fault };
  }

  function takeFault(path: string): FakeSmsFault | undefined {
    const index = faults.findIndex((f) => f.path === path);
    if (index < 0) return undefined;
    const fault = faults[index]!;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) faults.splice(index, 1);
    }
    return { ...fault };
  }

  // ---- the signature (TC3-HMAC-SHA256) --------------------------------------------------------

  function checkSignature(req: http.IncomingMessage, raw: Buffer): void {
    const authorization = header(req, 'authorization');
    const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
    if (!match) throw new ApiError('AuthFailure.InvalidAuthorization');
    const [, id, date, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
    if (id !== secretId) throw new ApiError('AuthFailure.SecretIdNotFound');
    const timestamp = Number(header(req, 'x-tc-timestamp'));
    if (!Number.isInteger(timestamp) || Math.abs(now() / 1000 - timestamp) > SIGNATURE_TTL_S) throw new ApiError('AuthFailure.SignatureExpire');
    const hostname = header(req, 'host').replace(/:\d+$/, '').toLowerCase();
    // The SDK names the service after the endpoint's first label: `sms` for sms.tencentcloudapi.com.
    const expectedService = [...new Set(['sms', hostname.split('.')[0]])];
    const names = signedHeaders.split(';');
    if (date !== utcDate(timestamp) || !expectedService.includes(service) || !names.includes('host') || !names.includes('content-type')) {
      throw new ApiError('AuthFailure.SignatureFailure');
    }
    const canonicalHeaders = names
      .map((name) => {
        const value = name === 'host' ? hostname : name === 'content-type' ? header(req, name).toLowerCase() : header(req, name);
        return `${name}:${value.trim()}\n`;
      })
      .join('');
    const url = new URL(req.url ?? '/', 'http://fake');
    const canonicalRequest = [req.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, sha256Hex(raw)].join('\n');
    const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
    const kDate = hmac(`TC3${secretKey}`, date);
    const kService = hmac(kDate, service);
    const kSigning = hmac(kService, 'tc3_request');
    const expected = createHmac('sha256', kSigning).update(stringToSign).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw new ApiError('AuthFailure.SignatureFailure');
  }

  // ---- actions ---------------------------------------------------------------------------------

  interface SendPlan {
    entries: FakeSmsMessage[];
    phones: string[];
    templateId: string;
    params: string[];
    sessionContext: string;
  }

  /** Records the send as it arrived, one entry per phone, before anything is checked. */
  function recordSend(body: Record<string, unknown>): SendPlan {
    const phones = Array.isArray(body.PhoneNumberSet) ? body.PhoneNumberSet.map((p) => String(p)) : [];
    const templateId = typeof body.TemplateId === 'string' ? body.TemplateId : '';
    const params = Array.isArray(body.TemplateParamSet) ? body.TemplateParamSet.map((p) => String(p)) : [];
    const template = templates[templateId];
    const at = new Date(now()).toISOString();
    const text = template ? `【${typeof body.SignName === 'string' ? body.SignName : ''}】${renderSms(template.text, params)}` : undefined;
    const entries = (phones.length > 0 ? phones : ['']).map((phone) => ({
      phone: mainland(phone) ?? phone.replace(/^\+86/, ''),
      template: template?.key ?? templateId,
      templateId,
      params: [...params],
      ...(text === undefined ? {} : { text }),
      at,
      code: null,
    }));
    messages.push(...entries);
    return { entries, phones, templateId, params, sessionContext: typeof body.SessionContext === 'string' ? body.SessionContext : '' };
  }

  function sendSms(body: Record<string, unknown>, plan: SendPlan): Record<string, unknown> {
    const { phones, templateId, params } = plan;
    if (!Array.isArray(body.PhoneNumberSet) || phones.length === 0) throw new ApiError('MissingParameter', 'PhoneNumberSet is required');
    if (phones.length > 200) throw new ApiError('LimitExceeded.PhoneNumberCountLimit');
    if (body.SmsSdkAppId !== sdkAppId) throw new ApiError('InvalidParameterValue.SdkAppIdNotExist');
    if (body.SignName !== signName) throw new ApiError('FailedOperation.SignatureIncorrectOrUnapproved');
    const template = templates[templateId];
    if (!template) throw new ApiError('FailedOperation.TemplateIncorrectOrUnapproved');
    const given = body.TemplateParamSet;
    if (given !== undefined && (!Array.isArray(given) || given.some((p) => typeof p !== 'string'))) {
      throw new ApiError('InvalidParameter', 'TemplateParamSet must be an array of strings');
    }
    if (params.length !== paramCount(template.text)) throw new ApiError('FailedOperation.TemplateParamSetNotMatchApprovedTemplate');
    params.forEach((value, i) => {
      if (value.length > (template.maxChars?.[i] ?? DEFAULT_PARAM_MAX)) throw new ApiError('InvalidParameterValue.TemplateParameterLengthLimit');
      if (URL_IN_PARAM.test(value)) throw new ApiError('InvalidParameterValue.ProhibitedUseUrlInTemplateParameter');
    });
    const text = `【${signName}】${renderSms(template.text, params)}`;
    if (text.length > MAX_CONTENT_CHARS) throw new ApiError('InvalidParameterValue.ContentLengthLimit');
    const fee = text.length <= 70 ? 1 : Math.ceil(text.length / 67);
    const day = utcDate(now() / 1000 + 8 * 3600);

    const statuses = phones.map((given, i) => {
      const entry = plan.entries[i]!;
      const phone = mainland(given);
      const status = (code: string, extra: Record<string, unknown> = {}) => {
        entry.code = code;
        return {
          SerialNo: '',
          PhoneNumber: phone ? `+86${phone}` : given,
          Fee: 0,
          SessionContext: plan.sessionContext,
          Code: code,
          Message: code === 'Ok' ? 'send success' : message(code),
          IsoCode: phone ? 'CN' : 'DEF',
          ...extra,
        };
      };
      if (!phone) return status('InvalidParameterValue.IncorrectPhoneNumber');
      const key = `${day}:${phone}`;
      const count = daily.get(key) ?? 0;
      if (options.perPhoneDailyLimit !== undefined && count >= options.perPhoneDailyLimit) return status('LimitExceeded.PhoneNumberDailyLimit');
      daily.set(key, count + 1);
      serial += 1;
      const serialNo = `2433:${Math.floor(now() / 1000)}${String(serial).padStart(6, '0')}${randomInt(100, 1000)}`;
      entry.messageId = serialNo;
      receipts.push({ serialNo, phone, delivered: !undeliverable.has(phone), at: now(), sessionContext: plan.sessionContext });
      return status('Ok', { SerialNo: serialNo, Fee: fee });
    });
    return { SendStatusSet: statuses };
  }

  function pullSmsSendStatus(body: Record<string, unknown>): Record<string, unknown> {
    const limit = body.Limit;
    if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > 100) {
      throw new ApiError('InvalidParameterValue', 'Limit must be an integer from 1 to 100');
    }
    if (body.SmsSdkAppId !== sdkAppId) throw new ApiError('InvalidParameterValue.SdkAppIdNotExist');
    // A queue, as Tencent's: each receipt is answered once.
    const taken = receipts.splice(0, limit as number);
    return {
      PullSmsSendStatusSet: taken.map((r) => ({
        UserReceiveTime: Math.floor(r.at / 1000),
        CountryCode: '86',
        SubscriberNumber: r.phone,
        PhoneNumber: `+86${r.phone}`,
        SerialNo: r.serialNo,
        ReportStatus: r.delivered ? 'SUCCESS' : 'FAIL',
        Description: r.delivered ? '用户短信接收成功' : '用户手机关机或停机',
        SessionContext: r.sessionContext,
      })),
    };
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  function hook(req: http.IncomingMessage, raw: string): { status: number; body: unknown } | null {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const key = `${req.method} ${path}`;
    switch (key) {
      case 'GET /__health':
        return { status: 200, body: { ok: true } };
      case 'GET /__inspect/sms':
        return { status: 200, body: { items: messages } };
      case 'DELETE /__inspect/sms': {
        const cleared = messages.length;
        messages = [];
        return { status: 200, body: { cleared } };
      }
      case 'GET /__faults':
        return { status: 200, body: { faults } };
      case 'POST /__faults': {
        const parsed = parseObject(raw);
        if (!parsed) throw new FakeSmsHookError('body must be a JSON object');
        addFault(parsed);
        return { status: 200, body: { faults } };
      }
      case 'DELETE /__faults': {
        const cleared = faults.length;
        faults = [];
        return { status: 200, body: { cleared } };
      }
      case 'POST /__reset':
        reset();
        return { status: 200, body: { ok: true } };
      default:
        return path.startsWith('/__') ? { status: 404, body: { error: { code: 'NOT_FOUND', message: `no test hook ${key}` } } } : null;
    }
  }

  function delay(ms: number, res: http.ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pendingDelays.delete(done);
        res.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pendingDelays.add(done);
      // A client that gave up (timeout) closes the connection: stop waiting.
      res.once('close', done);
    });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (raw === null) return send(res, 413, 'Request Entity Too Large');
    const text = raw.toString('utf8');
    try {
      const hooked = hook(req, text);
      if (hooked) return send(res, hooked.status, hooked.body);
    } catch (error) {
      if (!(error instanceof FakeSmsHookError)) throw error;
      return send(res, 400, { error: { code: 'VALIDATION_FAILED', message: error.message } });
    }

    const requestId = randomUUID();
    const answer = (body: Record<string, unknown>) => send(res, 200, { Response: { ...body, RequestId: requestId } });
    const action = header(req, 'x-tc-action');
    const body = parseObject(text);
    const plan = action === 'SendSms' && body ? recordSend(body) : undefined;
    const refuse = (code: string, msg?: string) => {
      for (const entry of plan?.entries ?? []) entry.code = code;
      return answer({ Error: { Code: code, Message: msg ?? message(code) } });
    };

    const fault = takeFault(`/sms/${action}`);
    if (fault?.delayMs) await delay(fault.delayMs, res);
    if (res.destroyed) return;
    if (fault?.status !== undefined) {
      for (const entry of plan?.entries ?? []) entry.status = fault.status;
      return send(res, fault.status, http.STATUS_CODES[fault.status] ?? 'Error');
    }

    try {
      if (req.method !== 'POST') throw new ApiError('InvalidAction', 'the fake gateway takes POST with a JSON body');
      checkSignature(req, raw);
      if (header(req, 'x-tc-version') !== VERSION) throw new ApiError('NoSuchVersion', `only version ${VERSION} is served`);
      if (!body) throw new ApiError('InvalidParameter', 'the body must be a JSON object');
      if (fault?.code !== undefined) {
        if (plan && PER_NUMBER_CODE.test(fault.code)) {
          return answer({
            SendStatusSet: plan.phones.map((phone, i) => {
              plan.entries[i]!.code = fault.code!;
              return { SerialNo: '', PhoneNumber: phone, Fee: 0, SessionContext: plan.sessionContext, Code: fault.code, Message: fault.message, IsoCode: 'CN' };
            }),
          });
        }
        throw new ApiError(fault.code, fault.message);
      }
      if (action === 'SendSms') return answer(sendSms(body, plan!));
      if (action === 'PullSmsSendStatus') return answer(pullSmsSendStatus(body));
      throw new ApiError('InvalidAction', `the fake gateway serves SendSms and PullSmsSendStatus, not ${action || '(no X-TC-Action)'}`);
    } catch (error) {
      if (error instanceof ApiError) return refuse(error.code, error.message);
      return refuse('InternalError');
    }
  }

  const handler: http.RequestListener = (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  };

  function listen(port = 0, host = '127.0.0.1'): Promise<FakeSmsGatewayServer> {
    return listenServer(handler, port, host, () => {
      for (const done of [...pendingDelays]) done();
    });
  }

  return {
    handler,
    listen,
    reset,
    messages: () => messages.map((m) => ({ ...m, params: [...m.params] })),
    clearMessages: () => {
      const cleared = messages.length;
      messages = [];
      return cleared;
    },
    addFault,
    faults: () => faults.map((f) => ({ ...f })),
    clearFaults: () => {
      const cleared = faults.length;
      faults = [];
      return cleared;
    },
  };
}

// ---- helpers -------------------------------------------------------------------------------------

/** 11 digits for a mainland mobile number written as Tencent accepts it (+86, 0086, 86 or none); else null. */
function mainland(phone: string): string | null {
  const match = /^(?:\+86|0086|86)?(1\d{10})$/.exec(phone);
  return match ? match[1]! : null;
}

function header(req: http.IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

function utcDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
