// The template table: each event's template key, the page it opens and its keyword values, fitted
// to WeChat's value rules (WECHAT.md §3) so that a send is never refused for a value's shape.
import type { Config } from '../../config';
import { findInvalidDataField, isValidKeywordValue } from '../../wechat/keyword-rules';
import type { EventData, EventName, TemplateKey } from './events';
import { subjectLabel } from '@jiaoguan/contracts/labels';
import { formatDate, formatDateTime } from '@jiaoguan/contracts/time';
import { MESSAGE_CENTRE, lastDayOf, penaltyText, type CentreText } from './message-centre-text';

const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** `time`: 2026年12月9日 09:00 in Asia/Shanghai (a form WeChat's time rule accepts). */
export const fitTime = (date: Date): string => formatDateTime(date);

/** `date`: 2026年12月9日 in Asia/Shanghai. */
export const fitDate = (date: Date): string => formatDate(date);

/** `thing`: at most 20 characters, cut at a character boundary (never inside a surrogate pair), with an ellipsis. */
export function fitThing(value: string, fallback = '详见小程序'): string {
  const chars = [...value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()];
  if (chars.length === 0) return fallback;
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`;
}

/** `phrase`: at most 5 Chinese characters only. */
export function fitPhrase(value: string, fallback = '已更新'): string {
  const han = [...value].filter((c) => /\p{Script=Han}/u.test(c));
  return han.length === 0 ? fallback : han.slice(0, 5).join('');
}

/** `car_number`: at most 8 characters, Chinese only first or last, letters upper-cased; null when it cannot be one. */
export function fitCarNumber(value: string): string | null {
  const compact = value.replace(/[\s·.\-]/g, '').toUpperCase();
  return isValidKeywordValue('car_number', compact) ? compact : null;
}

/** `character_string`: printable ASCII only, at most 32. */
export function fitCharacterString(value: string, fallback = '-'): string {
  const kept = value.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
  return kept === '' ? fallback : kept;
}

/** `number`: digits (and one decimal point) only, at most 32. */
export function fitNumber(value: number): string {
  const text = Number.isInteger(value) ? String(Math.abs(value)) : Math.abs(value).toFixed(2);
  return text.slice(0, 32);
}

/** `name`: at most 10 characters when it holds Chinese, else at most 20; other symbols dropped. */
export function fitName(value: string, fallback = '用户'): string {
  const kept = [...value.replace(/[^\p{Script=Han}A-Za-z ·.\-']/gu, '').trim()];
  if (kept.length === 0) return fallback;
  const max = kept.some((c) => /\p{Script=Han}/u.test(c)) ? 10 : 20;
  return kept.slice(0, max).join('').trim();
}

/** `phone_number`: digits and + - only, at most 17. */
export function fitPhoneNumber(value: string): string | null {
  const kept = value.replace(/[^0-9+\-]/g, '').slice(0, 17);
  return /\d/.test(kept) ? kept : null;
}

/** `amount` from fen: ¥12.50 (at most 10 digits). */
export function fitAmount(fen: number): string {
  return `¥${(Math.abs(Math.trunc(fen)) / 100).toFixed(2)}`;
}

/** The keyword layout of each subscribe template (the keys the template was created with). */
export const TEMPLATE_KEYWORDS: Record<TemplateKey, Record<string, string>> = {
  accident_progress: { character_string1: '案件编号', phrase2: '处理进度', thing3: '说明', time4: '更新时间' },
  exam_booking: { thing1: '考试科目', time2: '考试时间', thing3: '考试地点', phrase4: '预约状态' },
  consultation_reply: { thing1: '回复内容', time2: '回复时间' },
  traffic_reminder: { thing1: '提醒事项', thing2: '详细说明', date3: '日期' },
};

export interface RenderedMessage {
  templateKey: TemplateKey;
  /** Mini-program page, no leading slash (`pages/…?id=1`). */
  page: string;
  /** Subscribe-message keyword values. */
  data: Record<string, string>;
  /** Title and body of the message centre (reused by the official-account message). */
  title: string;
  body: string;
}

type Keywords = { [E in EventName]: (d: EventData[E], at: Date) => Record<string, string> };

const accident = (caseNumber: string, phrase: string, note: string, at: Date) => ({
  character_string1: fitCharacterString(caseNumber),
  phrase2: fitPhrase(phrase),
  thing3: fitThing(note),
  time4: fitTime(at),
});
const exam = (d: EventData['exam.reminder'], phrase: string) => ({
  thing1: fitThing(`${subjectLabel(d.subject)}考试`),
  time2: fitTime(new Date(d.startsAt)),
  thing3: fitThing(d.venue),
  phrase4: fitPhrase(phrase),
});
const reminder = (what: string, detail: string, on: Date | string) => ({
  thing1: fitThing(what),
  thing2: fitThing(detail),
  date3: fitDate(new Date(on)),
});
const RESULT_PHRASE = { PASS: '合格', FAIL: '不合格', NO_SHOW: '缺考' } as const;

const KEYWORDS: Keywords = {
  'accident.partner_joined': (d, at) =>
    accident(d.caseNumber, '对方已加入', d.partnerPlate ? `对方车辆${fitCarNumber(d.partnerPlate) ?? ''}已加入` : '对方已加入，请继续填写', at),
  'accident.signature_awaited': (d, at) => accident(d.caseNumber, '待签字', '对方已确认责任，请您核对后签字', at),
  'accident.submitted': (d, at) => accident(d.caseNumber, '待审核', '已提交民警审核', at),
  'accident.confirmed': (d, at) => accident(d.caseNumber, '已确认', '可以下载协议书并办理理赔', at),
  'accident.returned': (d, at) => accident(d.caseNumber, '已退回', `退回原因：${d.reason}`, at),
  'accident.transferred': (d, at) => accident(d.caseNumber, '转现场', d.note ? `转现场处理：${d.note}` : '请在原地等候或拨打122', at),
  'accident.expired': (d, at) => accident(d.caseNumber, '已过期', '长时间未完成，已自动关闭', at),
  'exam.booking_confirmed': (d) => exam(d, '预约成功'),
  'exam.booking_rejected': (d) => exam(d, '未排上'),
  'exam.reminder': (d) => exam(d, '明天考试'),
  'exam.result': (d) => exam(d, RESULT_PHRASE[d.result]),
  'exam.session_changed': (d) => exam(d, '考试变更'),
  'exam.session_cancelled': (d) => exam(d, '考试取消'),
  'consultation.replied': (d, at) => ({ thing1: fitThing(d.excerpt), time2: fitTime(at) }),
  'claim.received': (d, at) => accident(d.caseNumber, '理赔受理', d.note ?? `${d.insurer}已受理理赔`, at),
  'claim.assessing': (d, at) => accident(d.caseNumber, '定损中', d.note ?? `${d.insurer}正在定损理算`, at),
  'claim.settled': (d, at) => accident(d.caseNumber, '理赔办结', d.note ?? `${d.insurer}已办结理赔`, at),
  'violation.new': (d) => reminder(`新增交通违法 ${d.plate}`, penaltyText(d.fineFen, d.points), d.occurredAt),
  'vehicle.inspection_due': (d) => reminder(`${d.plate}年检即将到期`, d.daysLeft <= 0 ? '今天到期，请及时年检' : `还有${d.daysLeft}天，请及时年检`, d.dueAt),
  'licence.expiring': (d) => reminder('驾驶证即将到期', d.daysLeft <= 0 ? '今天到期，请申请换证' : `还有${d.daysLeft}天，可以申请换证`, d.validUntil),
  'licence.points_high': (d) =>
    reminder(`本周期已记${d.points}分`, d.points >= 12 ? '已满分，请参加学习和考试' : '满12分将暂扣驾驶证', lastDayOf(d.cycleEndsAt)),
};

/** Everything a send needs for one event; `at` is when it happened (the outbox row's creation). */
export function renderMessage<E extends EventName>(event: E, stored: EventData[E], at: Date): RenderedMessage {
  // Payloads come back from JSON: times are ISO strings again.
  const data = { ...stored } as EventData[E] & { startsAt?: Date | string; previousStartsAt?: Date | string };
  if (typeof data.startsAt === 'string') data.startsAt = new Date(data.startsAt);
  if (typeof data.previousStartsAt === 'string') data.previousStartsAt = new Date(data.previousStartsAt);
  const centre = (MESSAGE_CENTRE[event] as unknown as (d: EventData[E]) => CentreText)(data);
  const values = (KEYWORDS[event] as (d: EventData[E], at: Date) => Record<string, string>)(data, at);
  return {
    templateKey: centre.templateKey,
    page: centre.link.replace(/^\//, ''),
    data: values,
    title: centre.title,
    body: centre.body,
  };
}

/** The WeChat template id configured for a key (subscribe or official-account). */
export function templateId(config: Config, key: TemplateKey, channel: 'SUBSCRIBE' | 'OFFICIAL_TEMPLATE'): string {
  return channel === 'SUBSCRIBE' ? config.wechat.templates[key] : config.wechat.officialTemplates[key];
}

/** Official-account template data: the title first, the subscribe values as keywords, the body as remark. */
export function officialTemplateData(message: RenderedMessage): Record<string, string> {
  const out: Record<string, string> = { first: message.title };
  Object.values(message.data).forEach((v, i) => {
    out[`keyword${i + 1}`] = v;
  });
  out.remark = message.body;
  return out;
}

/** The first keyword whose value WeChat would refuse, or null. */
export function invalidKeyword(data: Record<string, string>): string | null {
  return findInvalidDataField(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }])));
}
