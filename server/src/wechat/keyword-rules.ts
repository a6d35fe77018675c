// WeChat subscribe-message keyword value rules (WECHAT.md §3), shared by the fake WeChat and the notification templates.

/** Keyword types of subscribe-message templates; a data key is the type plus a numeric suffix (`thing3`). */
export const KEYWORD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;

export type KeywordType = (typeof KEYWORD_TYPES)[number];

/** Longest value (in characters) each type accepts; `name` allows 20 only without Chinese characters. */
export const KEYWORD_MAX_LENGTH: Readonly<Record<KeywordType, number>> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  time: 64,
  date: 64,
  amount: 13,
  phone_number: 17,
  car_number: 8,
  name: 20,
  phrase: 5,
};

const KEY_PATTERN = /^([a-z_]+?)(\d+)$/;
const HAN = /\p{Script=Han}/u;
const ONLY_HAN = /^\p{Script=Han}+$/u;
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Keyword type of a data key such as `thing3` or `character_string12`; null when the key is not a known type. */
export function keywordType(key: string): KeywordType | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const type = match[1] as KeywordType;
  return (KEYWORD_TYPES as readonly string[]).includes(type) ? type : null;
}

function length(value: string): number {
  return [...value].length;
}

function isValidClock(hour: string, minute: string, second?: string): boolean {
  const h = Number(hour);
  const m = Number(minute);
  const s = second === undefined ? 0 : Number(second);
  return h >= 0 && h <= 23 && m >= 0 && m <= 59 && s >= 0 && s <= 59;
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

// 2019年10月1日 | 2019-10-01 | 2019/10/1 | 2019.10.01 | 10月1日 (year optional only in the Chinese form)
const DATE_PART =
  /^(?:(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日|(\d{4})([-/.])(\d{1,2})\5(\d{1,2}))/u;
// 15:01 | 15:01:30 | 9:05
const TIME_PART = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

interface PointShape {
  hasDate: boolean;
  hasTime: boolean;
}

/** Parses one point in time ("2019年10月1日 15:01", "15:01", "2019-10-01"); null when malformed. */
function parsePoint(text: string): PointShape | null {
  let rest = text.trim();
  if (rest === '') return null;
  let hasDate = false;
  const dateMatch = DATE_PART.exec(rest);
  if (dateMatch) {
    const year = Number(dateMatch[1] ?? dateMatch[4] ?? 2000);
    const month = Number(dateMatch[2] ?? dateMatch[6]);
    const day = Number(dateMatch[3] ?? dateMatch[7]);
    if (!isValidCalendarDate(year, month, day)) return null;
    hasDate = true;
    rest = rest.slice(dateMatch[0].length);
    if (rest === '') return { hasDate, hasTime: false };
    // A date and a time are separated by a space (or "T"); "2019年10月1日15:01" is accepted too.
    rest = rest.replace(/^(?: +|T)/, '');
  }
  const timeMatch = TIME_PART.exec(rest);
  if (!timeMatch) return null;
  if (!isValidClock(timeMatch[1]!, timeMatch[2]!, timeMatch[3])) return null;
  return { hasDate, hasTime: true };
}

/** `time`: 24-hour time, a date may be prepended; `date`: a date, a time may be appended; ranges joined by `~`. */
function isValidPointOrRange(value: string, type: 'time' | 'date'): boolean {
  const parts = value.split('~');
  if (parts.length > 2) return false;
  const points = parts.map(parsePoint);
  if (points.some((p) => p === null)) return false;
  const [first, second] = points as PointShape[];
  if (type === 'time') {
    if (!first!.hasTime) return false;
    // The end of a time range may omit the date ("2019年10月1日 15:01~16:00").
    return second === undefined || second.hasTime;
  }
  if (!first!.hasDate) return false;
  // The end of a date range may be a bare time only when the start carries one ("… 15:01~16:00").
  return second === undefined || second.hasDate || (first!.hasTime && second.hasTime);
}

function isValidAmount(value: string): boolean {
  const match = /^([¥￥$€£])?(\d+)(?:\.(\d+))?(元)?$/u.exec(value);
  if (!match) return false;
  const digits = match[2]!.length + (match[3]?.length ?? 0);
  return digits <= 10;
}

function isValidCarNumber(value: string): boolean {
  if (length(value) > 8) return false;
  return /^\p{Script=Han}?[A-Za-z0-9]+\p{Script=Han}?$/u.test(value);
}

function isValidName(value: string): boolean {
  // Chinese characters, Latin letters and the symbols names use (space, middle dot, dot, hyphen, apostrophe).
  if (!/^[\p{Script=Han}A-Za-z ·.\-'•]+$/u.test(value)) return false;
  if (value.trim() === '') return false;
  return HAN.test(value) ? length(value) <= 10 : length(value) <= 20;
}

/** Whether `value` is accepted by WeChat for a keyword of `type` (empty values never are). */
export function isValidKeywordValue(type: KeywordType, value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  switch (type) {
    case 'thing':
      return length(value) <= 20 && !CONTROL.test(value);
    case 'number':
      return value.length <= 32 && /^\d+(?:\.\d+)?$/.test(value);
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value);
    case 'symbol':
      return length(value) <= 5 && /^[\p{P}\p{S}]+$/u.test(value);
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value);
    case 'time':
      return length(value) <= KEYWORD_MAX_LENGTH.time && isValidPointOrRange(value, 'time');
    case 'date':
      return length(value) <= KEYWORD_MAX_LENGTH.date && isValidPointOrRange(value, 'date');
    case 'amount':
      return isValidAmount(value);
    case 'phone_number':
      return value.length <= 17 && /^[0-9+\-()#*]+$/.test(value) && /\d/.test(value);
    case 'car_number':
      return isValidCarNumber(value);
    case 'name':
      return isValidName(value);
    case 'phrase':
      return length(value) <= 5 && ONLY_HAN.test(value);
    default:
      return false;
  }
}

/**
 * The first key of a subscribe-message `data` object whose value WeChat would refuse (unknown keyword
 * type, missing `value`, or a value breaking its type's rule), or null when all are valid.
 */
export function findInvalidDataField(data: Record<string, unknown>): string | null {
  for (const [key, entry] of Object.entries(data)) {
    const type = keywordType(key);
    if (type === null) return key;
    const value =
      typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    if (!isValidKeywordValue(type, value)) return key;
  }
  return null;
}
