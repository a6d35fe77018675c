// What the outbox needs from an SMS provider: send one templated message to one phone, pull the
// delivery receipts, and errors classified (like WechatError's kinds) so it can retry or give up.
import { startOfDayAfter } from '@jiaoguan/contracts/time';
import type { SmsTemplateKey } from './templates';

export interface SmsSendInput {
  /** A mainland mobile number: 11 digits (13800138000), or with +86 / 86 / 0086. */
  phone: string;
  template: SmsTemplateKey;
  /** The template's variables in order, as `buildSms()` makes them; cut to the template's limits again on send. */
  params: string[];
  /** Echoed by the provider in the receipt (the outbox row's id, say); under 512 bytes. */
  sessionContext?: string;
}

export interface SmsSendResult {
  /** The provider's id of this send (Tencent: SerialNo); receipts carry it. */
  messageId: string;
  /** Billed message parts, when the provider says (a long text counts several). */
  fee?: number;
}

export interface SmsReceipt {
  messageId: string;
  /** 11 digits, without +86. */
  phone: string;
  status: 'DELIVERED' | 'FAILED';
  /** When the phone received it (provider's clock); null when not said. */
  deliveredAt: Date | null;
  /** The provider's description of the outcome (for FAILED: why). */
  description?: string;
  sessionContext?: string;
}

export interface SmsProvider {
  /** `tencent`, … (logs). */
  readonly name: string;
  /** Sends one message; rejects with an SmsError. */
  send(input: SmsSendInput): Promise<SmsSendResult>;
  /** Receipts not pulled before (a queue: each comes once); absent where the provider only calls back. */
  pullReceipts?(): Promise<SmsReceipt[]>;
}

/**
 * - `retryable`: network errors and timeouts, HTTP 5xx/429, the provider busy or throttling the
 *   account (InternalError.*, RequestLimitExceeded.*, LimitExceeded.AppDailyLimit): try later.
 * - `quota`: the provider's own frequency limit for this phone (LimitExceeded.PhoneNumber*Limit,
 *   LimitExceeded.DeliveryFrequencyLimit): not this message's fault; `retryAfterMs` says when the
 *   limit lifts where it is known.
 * - `invalid`: anything else (bad phone, template, params, signature, credentials): the same
 *   request will fail again.
 */
export type SmsErrorKind = 'retryable' | 'invalid' | 'quota';

/** Codes for failures that got no provider answer. */
export const SMS_NETWORK_ERROR = 'NetworkError';
export const SMS_BAD_RESPONSE = 'BadResponse';
/** Our own refusal: no template id is configured for the key. */
export const SMS_TEMPLATE_NOT_CONFIGURED = 'TemplateNotConfigured';

const PER_PHONE_LIMITS: Record<string, ((now: Date) => number) | null> = {
  'LimitExceeded.PhoneNumberThirtySecondLimit': () => 30_000,
  'LimitExceeded.PhoneNumberOneHourLimit': () => 3_600_000,
  'LimitExceeded.PhoneNumberDailyLimit': (now) => startOfDayAfter(now, 1).getTime() - now.getTime(),
  'LimitExceeded.PhoneNumberSameContentDailyLimit': (now) => startOfDayAfter(now, 1).getTime() - now.getTime(),
  'LimitExceeded.DeliveryFrequencyLimit': null,
};

const RETRYABLE_CODES = new Set([SMS_NETWORK_ERROR, SMS_BAD_RESPONSE, 'LimitExceeded.AppDailyLimit', 'RequestLimitExceeded', 'InternalError']);
const RETRYABLE_PREFIXES = ['InternalError.', 'RequestLimitExceeded.'];

/** The kind of a Tencent Cloud error code (Response.Error.Code or SendStatus.Code), or of an HTTP status. */
export function classifySmsError(code: string, status?: number): SmsErrorKind {
  if (status !== undefined && (status >= 500 || status === 429)) return 'retryable';
  if (status !== undefined && status >= 400) return 'invalid';
  if (code in PER_PHONE_LIMITS) return 'quota';
  if (RETRYABLE_CODES.has(code) || RETRYABLE_PREFIXES.some((p) => code.startsWith(p))) return 'retryable';
  return 'invalid';
}

/** How long the provider's per-phone limit behind `code` lasts, when known. */
export function smsRetryAfterMs(code: string, now = new Date()): number | undefined {
  const wait = PER_PHONE_LIMITS[code];
  return wait ? wait(now) : undefined;
}

export class SmsError extends Error {
  override readonly name = 'SmsError';
  readonly kind: SmsErrorKind;
  /** The provider's error code (`LimitExceeded.PhoneNumberDailyLimit`), or NetworkError / BadResponse / TemplateNotConfigured. */
  readonly code: string;
  readonly provider: string;
  /** HTTP status when the answer was not 200. */
  readonly status?: number;
  readonly requestId?: string;
  /** For `quota`: when the provider's limit lifts, if known. */
  readonly retryAfterMs?: number;

  constructor(init: { provider: string; code: string; message: string; status?: number; requestId?: string; kind?: SmsErrorKind; cause?: unknown }) {
    super(`SMS ${init.provider} failed: ${init.code}${init.status ? ` (HTTP ${init.status})` : ''} ${init.message}`, { cause: init.cause });
    this.provider = init.provider;
    this.code = init.code;
    this.kind = init.kind ?? classifySmsError(init.code, init.status);
    if (init.status !== undefined) this.status = init.status;
    if (init.requestId) this.requestId = init.requestId;
    if (this.kind === 'quota') {
      const wait = smsRetryAfterMs(init.code);
      if (wait !== undefined) this.retryAfterMs = wait;
    }
  }
}

/** A mainland mobile number as E.164 (+8613800138000); other input unchanged (the provider judges it). */
export function toE164(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  const match = /^(?:\+86|0086|86)?(1\d{10})$/.exec(compact);
  return match ? `+86${match[1]}` : compact;
}

/** 11 digits from +86… / 86… / 0086…; other input unchanged. */
export function nationalNumber(phone: string): string {
  const match = /^(?:\+86|0086|86)?(1\d{10})$/.exec(phone.replace(/[\s-]/g, ''));
  return match ? match[1]! : phone;
}
