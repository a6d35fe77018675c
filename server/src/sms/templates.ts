// The SMS templates: one per event that must reach people when WeChat cannot (API.md, Notifications).
// SMS providers send only approved templates with numbered variables ({1}, {2}, … for Tencent Cloud);
// each entry holds the text registered with the provider (used by the fake gateway and the docs),
// its parameters with their length limits, and the function that builds them from the event's data.
import { EXAM_RESULT_LABELS, subjectLabel } from '@jiaoguan/contracts/labels';
import { formatDate, formatShortDateTime } from '@jiaoguan/contracts/time';
import type { EventData } from '../modules/notifications/events';

export const SMS_TEMPLATE_KEYS = [
  'exam_result',
  'exam_booking_confirmed',
  'exam_booking_rejected',
  'exam_session_cancelled',
  'accident_returned',
  'accident_confirmed',
  'accident_transferred',
  'claim_settled',
  'violation_new',
] as const;
export type SmsTemplateKey = (typeof SMS_TEMPLATE_KEYS)[number];

export const isSmsTemplateKey = (value: string): value is SmsTemplateKey =>
  (SMS_TEMPLATE_KEYS as readonly string[]).includes(value);

/**
 * Tencent Cloud's SMS error list documents 12 characters as the limit of one template variable
 * (error 1036, 单个模板变量字符数超过12个; InvalidParameterValue.TemplateParameterLengthLimit in API
 * 3.0). Some accounts and variable types allow more; 12 is the conservative limit for free text.
 * Case numbers (SG + 8 digits + 6 digits) are 16: their variable is registered as a number-type
 * variable (其他号码) that takes them; we never let one exceed 20.
 */
export const SMS_TEXT_PARAM_MAX = 12;
export const SMS_CODE_PARAM_MAX = 20;

/** The data each template is built from: the event's data where the event exists already. */
export interface SmsTemplateData {
  exam_result: EventData['exam.result'];
  exam_booking_confirmed: EventData['exam.booking_confirmed'];
  exam_booking_rejected: EventData['exam.booking_rejected'];
  /** The office cancelled an exam session (event `exam.session_cancelled`). */
  exam_session_cancelled: Omit<EventData['exam.session_cancelled'], 'reason'> & { reason?: string };
  accident_returned: EventData['accident.returned'];
  accident_confirmed: EventData['accident.confirmed'];
  accident_transferred: EventData['accident.transferred'];
  /** The insurer settled the claim of a confirmed case (event `claim.settled`). */
  claim_settled: { caseId: number; caseNumber: string; insurer: string };
  violation_new: EventData['violation.new'];
}

export interface SmsParamSpec {
  /** What the variable holds (docs, and the remark to give when registering the template). */
  label: string;
  /** Longest value, in characters (see SMS_TEXT_PARAM_MAX). */
  max: number;
  /** Printable ASCII only (case numbers): never cut with an ellipsis, only trimmed to max. */
  code?: boolean;
}

export interface SmsTemplate<K extends SmsTemplateKey = SmsTemplateKey> {
  key: K;
  /** The event (notify()'s `event`) the template reports. */
  event: string;
  /** The text registered with the provider, variables as {1}, {2}, … (no signature: the provider adds 【签名】). */
  text: string;
  params: readonly SmsParamSpec[];
  /** The variables, in order, each fitted to its limit. */
  build(data: SmsTemplateData[K]): string[];
}

const caseNumber: SmsParamSpec = { label: '案件编号', max: SMS_CODE_PARAM_MAX, code: true };
const subject: SmsParamSpec = { label: '考试科目', max: SMS_TEXT_PARAM_MAX };
const examTime: SmsParamSpec = { label: '考试时间（12月9日 09:00）', max: SMS_TEXT_PARAM_MAX };

/** The text of each template, as registered with the provider; `{n}` is the n-th parameter. */
export const SMS_TEMPLATES: { readonly [K in SmsTemplateKey]: SmsTemplate<K> } = {
  exam_result: {
    key: 'exam_result',
    event: 'exam.result',
    text: '您{1}参加的{2}考试结果为：{3}。详情请在交管服务小程序查看。',
    params: [
      { label: '考试日期（2026年12月9日）', max: SMS_TEXT_PARAM_MAX },
      subject,
      { label: '考试结果', max: SMS_TEXT_PARAM_MAX },
    ],
    build: (d) => fitAll(SMS_TEMPLATES.exam_result, [formatDate(d.startsAt), subjectLabel(d.subject), EXAM_RESULT_LABELS[d.result]]),
  },
  exam_booking_confirmed: {
    key: 'exam_booking_confirmed',
    event: 'exam.booking_confirmed',
    text: '您已成功预约{1}考试，时间：{2}，地点：{3}。请携带身份证按时参加。',
    params: [subject, examTime, { label: '考试地点', max: SMS_TEXT_PARAM_MAX }],
    build: (d) => fitAll(SMS_TEMPLATES.exam_booking_confirmed, [subjectLabel(d.subject), formatShortDateTime(d.startsAt), d.venue]),
  },
  exam_booking_rejected: {
    key: 'exam_booking_rejected',
    event: 'exam.booking_rejected',
    text: '您申请的{1}考试（{2}）名额已满，本次未获安排，请在交管服务小程序预约其他场次。',
    params: [subject, examTime],
    build: (d) => fitAll(SMS_TEMPLATES.exam_booking_rejected, [subjectLabel(d.subject), formatShortDateTime(d.startsAt)]),
  },
  exam_session_cancelled: {
    key: 'exam_session_cancelled',
    event: 'exam.session_cancelled',
    text: '因{1}，您预约的{2}考试（{3}）已取消，请在交管服务小程序重新预约。',
    params: [{ label: '取消原因', max: SMS_TEXT_PARAM_MAX }, subject, examTime],
    build: (d) =>
      fitAll(SMS_TEMPLATES.exam_session_cancelled, [d.reason ?? '', subjectLabel(d.subject), formatShortDateTime(d.startsAt)], ['考试安排调整']),
  },
  accident_returned: {
    key: 'accident_returned',
    event: 'accident.returned',
    text: '您的事故快处案件{1}已被退回，原因：{2}。请在交管服务小程序补充后重新提交。',
    params: [caseNumber, { label: '退回原因', max: SMS_TEXT_PARAM_MAX }],
    build: (d) => fitAll(SMS_TEMPLATES.accident_returned, [d.caseNumber, d.reason], [undefined, '材料需补充']),
  },
  accident_confirmed: {
    key: 'accident_confirmed',
    event: 'accident.confirmed',
    text: '您的事故快处案件{1}已由民警确认，请在交管服务小程序下载协议书并联系保险公司理赔。',
    params: [caseNumber],
    build: (d) => fitAll(SMS_TEMPLATES.accident_confirmed, [d.caseNumber]),
  },
  accident_transferred: {
    key: 'accident_transferred',
    event: 'accident.transferred',
    text: '您的事故快处案件{1}需由民警现场处理，请在原地等候或拨打122。',
    params: [caseNumber],
    build: (d) => fitAll(SMS_TEMPLATES.accident_transferred, [d.caseNumber]),
  },
  claim_settled: {
    key: 'claim_settled',
    event: 'claim.settled',
    text: '您的事故快处案件{1}的保险理赔已由{2}办结，详情请在交管服务小程序查看。',
    params: [caseNumber, { label: '保险公司', max: SMS_TEXT_PARAM_MAX }],
    build: (d) => fitAll(SMS_TEMPLATES.claim_settled, [d.caseNumber, d.insurer], [undefined, '保险公司']),
  },
  // The legal notice of a recorded violation (L-WF Art. 20: within 5 days, by app, SMS or post).
  violation_new: {
    key: 'violation_new',
    event: 'violation.new',
    text: '机动车{1}于{2}在{3}有一条交通违法记录，{4}。请在30日内处理，详情请在交管服务小程序查看。',
    params: [
      { label: '号牌号码', max: SMS_TEXT_PARAM_MAX },
      { label: '违法时间（12月9日 09:00）', max: SMS_TEXT_PARAM_MAX },
      { label: '违法地点', max: SMS_TEXT_PARAM_MAX },
      { label: '罚款和记分（罚款200元，记3分）', max: SMS_TEXT_PARAM_MAX },
    ],
    build: (d) =>
      fitAll(SMS_TEMPLATES.violation_new, [d.plate, formatShortDateTime(d.occurredAt), d.place, smsPenalty(d.fineFen, d.points)], [
        '号牌未知',
        undefined,
        '相关路段',
        '详见小程序',
      ]),
  },
};

/** 罚款200元，记3分 (at most 12 characters up to a fine of 9,999 yuan with 12 points). */
function smsPenalty(fineFen: number, points: number): string {
  const fine = fineFen > 0 ? `罚款${Math.round(fineFen / 100)}元` : '不罚款';
  return `${fine}，${points > 0 ? `记${points}分` : '不记分'}`;
}

/** The template key of an event, or null for events that do not go by SMS. */
export function smsTemplateOfEvent(event: string): SmsTemplateKey | null {
  for (const key of SMS_TEMPLATE_KEYS) if (SMS_TEMPLATES[key].event === event) return key;
  return null;
}

/** The template and its parameters for an event's data. */
export function buildSms<K extends SmsTemplateKey>(key: K, data: SmsTemplateData[K]): { template: K; params: string[] } {
  return { template: key, params: (SMS_TEMPLATES[key] as SmsTemplate<K>).build(data) };
}

/** How many variables a template text has ({1}…{n}). */
export function paramCount(text: string): number {
  const numbers = [...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
  return numbers.length === 0 ? 0 : Math.max(...numbers);
}

/** The text the recipient reads (without the signature): the template with its variables filled in. */
export function renderSms(text: string, params: readonly string[]): string {
  return text.replace(/\{(\d+)\}/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
}

// ---- fitting values to the provider's rules ----

const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// Tencent refuses links in variables; braces break the template's variables, 【】 look like a signature.
const URL_LIKE = /(?:https?:\/\/|www\.)\S*/giu;
const BREAKING = /[{}【】]/gu;

/**
 * One variable, fitted: control characters and links removed, whitespace collapsed, at most `max`
 * characters (UTF-16 units, so an emoji counts twice, as providers count it), cut at a character
 * boundary with “…”; empty → `fallback`.
 */
export function fitSmsParam(value: string, max = SMS_TEXT_PARAM_MAX, fallback = '-'): string {
  const clean = value.replace(CONTROL, ' ').replace(URL_LIKE, ' ').replace(BREAKING, '').replace(/\s+/g, ' ').trim();
  const text = clean === '' ? fallback : clean;
  return cutChars(text, max, '…');
}

/** A code (case number): printable ASCII only, at most `max`, never with an ellipsis. */
export function fitSmsCode(value: string, max = SMS_CODE_PARAM_MAX, fallback = '-'): string {
  const kept = value.replace(/[^\x21-\x7e]/g, '').replace(BREAKING, '');
  return (kept === '' ? fallback : kept).slice(0, max);
}

/** Fits each value to its parameter's spec (what send() applies too, so raw values are safe). */
export function fitParams(specs: readonly SmsParamSpec[], values: readonly string[], fallbacks: readonly (string | undefined)[] = []): string[] {
  return values.map((value, i) => {
    const spec = specs[i];
    const fallback = fallbacks[i] ?? '-';
    if (!spec) return fitSmsParam(value, SMS_TEXT_PARAM_MAX, fallback);
    return spec.code ? fitSmsCode(value, spec.max, fallback) : fitSmsParam(value, spec.max, fallback);
  });
}

function fitAll(template: SmsTemplate<any>, values: string[], fallbacks: (string | undefined)[] = []): string[] {
  return fitParams(template.params, values, fallbacks);
}

function cutChars(text: string, max: number, ellipsis: string): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length + ellipsis.length > max) break;
    out += char;
  }
  return out + ellipsis;
}
