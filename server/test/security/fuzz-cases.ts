// The bad requests of a route, made from its well-formed request (requests.ts) and its declared
// schemas: wrong types, missing and extra fields, huge strings, odd Unicode, extreme numbers,
// arrays where objects go, malformed JSON and bodies over the limit, odd ids in the path, and the
// same route pointed at someone else's records. Each case says what the answer must be when the
// declared schema already decides it (400 for what the schema refuses); otherwise any answer but
// a 5xx. A seeded generator picks the random part, so a failure reproduces with its seed.
import { z } from 'zod';
import type { Sample } from './requests';
import { fillPath } from './requests';
import type { Outgoing, Spec } from './send';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface FuzzCase {
  what: string;
  req: Outgoing;
  /** The statuses the answer must have, when the schema (or the limits) decide it; else any but a 5xx. */
  statuses?: number[];
  /** Strings planted in the request that no answer may echo (mass assignment). */
  planted?: string[];
  /** Kept when a route has more cases than the budget (the families every route must get). */
  essential?: boolean;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
export function pickSome<T>(rng: Rng, xs: readonly T[], k: number): T[] {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < k && copy.length) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
  return out;
}

// ---- the values ----

export const PLANTED = 'FUZZ_INJECTED';
export const PLANTED_ID = 987654321;

/** Sent to every string field of every route. */
export const CORE_ODD_STRINGS: readonly string[] = [
  '\u202Eabc\u202C', // right-to-left override … pop
  'a\u0000b', // NUL
  '\uD800', // a lone high surrogate (sent as the JSON escape \ud800)
  'x\uDFFFy', // a lone low surrogate
  '😀🚗💥👨‍👩‍👧', // emoji, a ZWJ sequence
  '𠀀𪚥𰻞𠮷', // 4-byte CJK (extensions B, C, G)
];

/** Shared out among the string fields of a route (each value to one field at least). */
export const ODD_STRINGS: readonly string[] = [
  '\u200F\u200E\u061C', // RTL mark, LTR mark, Arabic letter mark
  'e\u0301\u0301\u0301', // stacked combining marks
  '\uFEFF', // byte order mark
  '   ', // spaces only
  '', // empty
  '\r\n\t\v\f', // control whitespace
  '\u0085\u2028\u2029', // NEL, line and paragraph separators
  "'; DROP TABLE Driver; --",
  '%s%n%x%d',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '١٢٣٤٥٦', // Arabic-Indic digits
  '１２３４５６', // fullwidth digits
  'null',
  'NaN',
];

/** 100k characters each: ASCII, BMP CJK (300 kB of UTF-8), astral CJK (400 kB); all below the 1 MB limit. */
export const HUGE_STRINGS: readonly string[] = ['x'.repeat(100_000), '汉'.repeat(100_000), '𠮷'.repeat(50_000)];

export const NUMBERS: readonly number[] = [
  1e308,
  -1e308,
  -1,
  0,
  -0,
  0.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MIN_VALUE,
  8.64e15, // the last millisecond a JavaScript Date can hold
];

export const WRONG_TYPES: readonly Json[] = [true, null, 0, 'text', [], {}, [1, 'a'], { a: { b: [] } }];

export const DATES: readonly string[] = [
  '0000-01-01T00:00:00Z',
  '0001-01-01',
  '1000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-02-30',
  '2026-13-01',
  '2026-01-01T25:61:61Z',
  '1970-01-01T00:00:00+14:00',
  '1e308',
];

/** Path segments that are not ids (already percent-encoded, as they go on the wire). */
export const BAD_IDS: readonly string[] = [
  'abc',
  '-1',
  '0',
  '1.5',
  '1e3',
  '0x10',
  '2147483648',
  '99999999999999999999',
  '%00',
  '%E2%80%AE1',
  '%201',
  'null',
  '%EF%BC%91', // fullwidth 1
  '%F0%9F%98%80',
  "1'%20OR%20'1'%3D'1",
  '..%2F..%2Fetc',
  '%',
  '%ZZ',
  '%ED%A0%80', // a surrogate as UTF-8 (invalid)
  '1%2F2',
  'x'.repeat(2000),
];

/** Query values as they go on the wire (percent-encoded). */
const QUERY_VALUES: readonly string[] = [
  '',
  'abc',
  '-1',
  '0',
  '1.5',
  '1e308',
  '9007199254740993',
  '2147483648',
  'NaN',
  'Infinity',
  '%',
  '%ED%A0%80',
  '%00',
  'x'.repeat(8000), // the request line must stay below Node's 16 kB header limit
];

/**
 * The share of `pool` for the i-th of n fields: the fields of a route take turns, so every value
 * of the pool is sent to some field of every route; at least `min` each, the rest drawn at random.
 */
function spread<T>(pool: readonly T[], i: number, n: number, min: number, rng: Rng): T[] {
  const k = Math.max(1, Math.ceil(pool.length / Math.max(1, n)));
  const mine = Array.from({ length: Math.min(k, pool.length) }, (_, j) => pool[(i * k + j) % pool.length]);
  const rest = pool.filter((v) => !mine.includes(v));
  return [...mine, ...pickSome(rng, rest, Math.max(0, min - mine.length))];
}

// ---- JSON paths ----

type Path = (string | number)[];

function nodes(value: Json, path: Path = []): { path: Path; value: Json }[] {
  const here = path.length ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodes(v, [...path, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  return here;
}

const DELETE = Symbol('delete');
function setAt(value: Json, path: Path, replacement: Json | typeof DELETE): Json {
  if (!path.length) return replacement === DELETE ? null : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === DELETE) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && replacement === DELETE) delete copy[head as string];
  else copy[head as string] = setAt(copy[head as string], rest, replacement);
  return copy;
}

const show = (path: Path) => path.join('.') || '(body)';
const describeValue = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 20)}…(${v.length} chars)` : v) : JSON.stringify(v);
  return s === undefined ? String(v) : s;
};

// ---- what the server will make of it ----

/** Koa's query parsing (koa/lib/search-params.js): URLSearchParams, repeated keys as arrays. */
function parseQuery(qs: string): Record<string, string | string[]> {
  const params = new URLSearchParams(qs);
  const out: Record<string, string | string[]> = {};
  for (const key of params.keys()) {
    const values = params.getAll(key);
    Object.defineProperty(out, key, { value: values.length <= 1 ? values[0] : values, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const accepts = (schema: z.ZodType | undefined, value: unknown) => !schema || schema.safeParse(value).success;

function encodeValue(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80'; // a lone surrogate cannot be percent-encoded: its (invalid) UTF-8 then
  }
}

// ---- the cases ----

export interface CaseInput {
  spec: Spec;
  base: Sample;
  /** The same request aimed at another person's records. */
  foreign?: Sample;
  rng: Rng;
}

/** The cases of one route. */
export function fuzzCases({ spec, base, foreign, rng }: CaseInput): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const path = () => fillPath(spec.path, base.params);
  const hasBody = spec.method !== 'get';

  // ---- JSON bodies (declared ones; the streamed imports' rows too, without a schema to predict with) ----
  const rawJson = base.raw?.contentType === 'application/json' ? (JSON.parse(base.raw.text) as Json) : undefined;
  const bodyBase = (base.body as Json | undefined) ?? rawJson;
  const asBody = (value: Json): Outgoing =>
    rawJson !== undefined ? { ...base, raw: { contentType: 'application/json', text: JSON.stringify(value) } } : { ...base, body: value };
  const predictBody = (value: unknown): number[] | undefined =>
    spec.body ? (accepts(spec.body, JSON.parse(JSON.stringify(value) ?? 'null')) ? undefined : [400]) : undefined;
  const bodyCase = (what: string, value: Json, planted?: string[]) =>
    cases.push({ what: `body ${what}`, req: asBody(value), statuses: predictBody(value), planted });

  if (bodyBase !== undefined && (spec.body || rawJson !== undefined)) {
    for (const whole of [[], [bodyBase], 'text', 42, null, true, {}] as Json[]) bodyCase(`replaced by ${describeValue(whole)}`, whole);
    const all = nodes(bodyBase);
    const strings = all.filter((n) => typeof n.value === 'string');
    const numbers = all.filter((n) => typeof n.value === 'number');
    for (const { path: p, value } of all) {
      bodyCase(`${show(p)} missing`, setAt(bodyBase, p, DELETE));
      const unlike = WRONG_TYPES.filter((w) => !(typeof w === typeof value && Array.isArray(w) === Array.isArray(value)));
      for (const wrong of [null, ...pickSome(rng, unlike.filter((w) => w !== null), 2)]) {
        bodyCase(`${show(p)} = ${describeValue(wrong)}`, setAt(bodyBase, p, wrong));
      }
      if (value && typeof value === 'object' && !Array.isArray(value)) bodyCase(`${show(p)} as an array of itself`, setAt(bodyBase, p, [value]));
      if (Array.isArray(value) && value.length) bodyCase(`${show(p)} as its first item`, setAt(bodyBase, p, value[0]));
      if (typeof value === 'string') {
        const i = strings.findIndex((n) => n.path === p);
        for (const odd of [...CORE_ODD_STRINGS, ...spread(ODD_STRINGS, i, strings.length, 2, rng)]) bodyCase(`${show(p)} = ${describeValue(odd)}`, setAt(bodyBase, p, odd));
        // Appended, odd characters pass the checks a bare odd value fails (lengths, patterns).
        for (const odd of ['\uD800', 'a\u0000b', ...pickSome(rng, [...CORE_ODD_STRINGS.slice(4), ...ODD_STRINGS], 1)]) {
          bodyCase(`${show(p)} + ${describeValue(odd)}`, setAt(bodyBase, p, value + odd));
          cases[cases.length - 1].essential = true;
        }
        const huge = HUGE_STRINGS[i % HUGE_STRINGS.length];
        bodyCase(`${show(p)} = ${describeValue(huge)}`, setAt(bodyBase, p, huge));
        if (/^\d{4}-\d\d-\d\d/.test(value)) for (const d of DATES) bodyCase(`${show(p)} = ${describeValue(d)}`, setAt(bodyBase, p, d));
      }
      if (typeof value === 'number') {
        const i = numbers.findIndex((n) => n.path === p);
        for (const num of spread(NUMBERS, i, numbers.length, 6, rng)) bodyCase(`${show(p)} = ${describeValue(num)}`, setAt(bodyBase, p, num));
      }
    }
    // Extra fields: ignored, never assigned (the answer must not echo them).
    if (bodyBase && typeof bodyBase === 'object' && !Array.isArray(bodyBase)) {
      const extras = {
        id: PLANTED_ID,
        driverId: PLANTED_ID,
        reporterId: PLANTED_ID,
        staffId: PLANTED_ID,
        unitId: PLANTED_ID,
        status: PLANTED,
        role: PLANTED,
        caller: { kind: 'staff', role: 'admin', id: PLANTED_ID },
      };
      bodyCase('with extra fields (mass assignment)', { ...bodyBase, ...extras }, [PLANTED, String(PLANTED_ID)]);
      cases[cases.length - 1].essential = true;
      const objects = nodes(bodyBase).filter((n) => n.value && typeof n.value === 'object' && !Array.isArray(n.value));
      for (const o of pickSome(rng, objects, 2)) bodyCase(`${show(o.path)} with an extra field`, setAt(bodyBase, [...o.path, 'fuzzExtra'], PLANTED), [PLANTED]);
      const text = JSON.stringify(bodyBase);
      for (const [what, json] of [
        ['__proto__', `{"__proto__":{"polluted":"${PLANTED}"},${text.slice(1)}`],
        ['constructor.prototype', `{"constructor":{"prototype":{"polluted":"${PLANTED}"}},${text.slice(1)}`],
      ] as const) {
        cases.push({ what: `body with ${what}`, req: { ...base, body: undefined, raw: { contentType: 'application/json', text: json } }, statuses: spec.body ? (accepts(spec.body, JSON.parse(json)) ? undefined : [400]) : undefined, planted: [PLANTED], essential: true });
      }
    }
    // Numbers JSON can write but a double cannot hold.
    for (const n of numbers.slice(0, 3)) {
      for (const literal of ['1e309', '-1e309', '1e-400', '123456789012345678901234567890']) {
        const text = JSON.stringify(setAt(bodyBase, n.path, 7.123456789e-77)).replace('7.123456789e-77', literal);
        cases.push({ what: `body ${show(n.path)} = ${literal} (as written in the JSON)`, req: { ...base, body: undefined, raw: { contentType: 'application/json', text } }, statuses: spec.body ? (accepts(spec.body, JSON.parse(text)) ? undefined : [400]) : undefined });
      }
    }
    // A few random mutations, one to three fields at once.
    const pool: Json[] = [...CORE_ODD_STRINGS, ...ODD_STRINGS, ...NUMBERS, ...WRONG_TYPES, ...DATES];
    for (let i = 0; i < 8 && all.length; i++) {
      let value = bodyBase;
      const changed: string[] = [];
      for (let j = 0, k = 1 + Math.floor(rng() * 3); j < k; j++) {
        const target = pick(rng, nodes(value).length ? nodes(value) : all);
        const replacement = rng() < 0.2 ? randomString(rng) : pick(rng, pool);
        value = setAt(value, target.path, replacement);
        changed.push(`${show(target.path)} = ${describeValue(replacement)}`);
      }
      bodyCase(`random: ${changed.join(', ')}`, value);
    }
  }

  // ---- raw bodies: malformed JSON, other types, over the limit ----
  if (hasBody) {
    const jsonRoute = !!spec.body;
    const raw = (what: string, contentType: string, text: string, statuses?: number[]) =>
      cases.push({ what: `raw body ${what}`, req: { ...base, body: undefined, multipart: undefined, raw: { contentType, text } }, statuses, essential: true });
    const malformed = base.raw && !rawJson ? undefined : [400];
    raw('malformed JSON "{"', 'application/json', '{', rawJson !== undefined ? undefined : malformed);
    raw('with a trailing comma', 'application/json', '{"a":1,}', rawJson !== undefined ? undefined : malformed);
    raw('with a raw NUL in a string', 'application/json', '{"a":"x\u0000y"}', rawJson !== undefined ? undefined : malformed);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    raw('nested 5000 deep', 'application/json', deep, jsonRoute && !accepts(spec.body, JSON.parse(deep)) ? [400] : undefined);
    raw('as text/plain', 'text/plain', JSON.stringify(bodyBase ?? {}), jsonRoute ? [415] : undefined);
    raw('as a form', 'application/x-www-form-urlencoded', 'a=1&b=2', jsonRoute ? [415] : undefined);
    raw('in latin1', 'application/json; charset=latin1', JSON.stringify(bodyBase ?? {}));
    raw('with a byte order mark', 'application/json', `\uFEFF${JSON.stringify(bodyBase ?? {})}`);
    if (!base.raw) raw('over 1 MB', 'application/json', `{"x":"${'a'.repeat(1_100_000)}"}`, [413]);
  }

  // ---- uploads and CSV imports ----
  if (base.multipart) cases.push(...multipartCases(base, rng));
  if (rawJson !== undefined) cases.push(...csvCases(base, rng));
  if (base.raw && /xml/.test(base.raw.contentType)) cases.push(...xmlCases(base, rng));
  // The JSON imports that also take {"csv": "..."}: the same CSV, inside the JSON.
  if (spec.body && Array.isArray(base.body) && accepts(spec.body, { csv: 'a' })) {
    const rows = JSON.stringify(base.body);
    for (const c of csvCases({ raw: { contentType: 'text/csv', text: rows } }, rng)) {
      if (c.req.raw?.contentType !== 'text/csv') continue;
      cases.push({ what: `body {"csv"} ${c.what}`, req: { ...base, body: { csv: c.req.raw.text } } });
    }
  }

  // ---- the query ----
  const queryKeys = new Set<string>(Object.keys(base.query ?? {}));
  let required: string[] = [];
  if (spec.query) {
    const js = z.toJSONSchema(spec.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
    for (const k of Object.keys(js.properties ?? {})) queryKeys.add(k);
    required = js.required ?? [];
  }
  const baseQuery: [string, string][] = Object.entries(base.query ?? {}).map(([k, v]) => [k, encodeValue(v)]);
  const queryCase = (what: string, pairs: [string, string][]) => {
    const qs = pairs.map(([k, v]) => `${k}=${v}`).join('&');
    const statuses = spec.query ? (accepts(spec.query, parseQuery(qs)) ? undefined : [400]) : undefined;
    cases.push({ what: `query ${what}`, req: { ...base, query: undefined, url: `${path()}?${qs}` }, statuses });
  };
  for (const key of queryKeys) {
    const others = baseQuery.filter(([k]) => k !== key);
    const i = [...queryKeys].indexOf(key);
    const values = [
      ...pickSome(rng, QUERY_VALUES, 6),
      ...[...CORE_ODD_STRINGS.slice(0, 4), ...spread(ODD_STRINGS, i, queryKeys.size, 1, rng)].map(encodeValue),
      ...(/^(from|to|since|at)$|At$/.test(key) ? pickSome(rng, DATES, 4).map(encodeValue) : []),
    ];
    for (const v of values) queryCase(`${key}=${describeValue(safeDecode(v))}`, [...others, [key, v]]);
    queryCase(`${key} twice`, [...others, [key, baseQuery.find(([k]) => k === key)?.[1] ?? '1'], [key, 'x']]);
    if (required.includes(key) || baseQuery.some(([k]) => k === key)) queryCase(`${key} missing`, others);
  }
  for (const extra of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'fuzz']) queryCase(`with an extra ${extra}`, [...baseQuery, [extra, '%00x']]);

  // ---- the path ----
  const names = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  for (const name of names) {
    for (const bad of [...BAD_IDS.slice(0, 3), ...pickSome(rng, BAD_IDS.slice(3), 8)]) {
      const url = spec.path.replace(/:(\w+)/g, (_, n: string) => (n === name ? bad : encodeURIComponent(String(base.params?.[n]))));
      const decoded = Object.fromEntries(names.map((n) => [n, n === name ? safeDecode(bad) : String(base.params?.[n])]));
      cases.push({ what: `path :${name} = ${describeValue(safeDecode(bad))}`, req: { ...base, url }, statuses: accepts(spec.params, decoded) ? undefined : [400] });
    }
  }

  // ---- someone else's records ----
  if (foreign) {
    if (names.length && foreign.params) cases.push({ what: "path at another person's records", req: { ...base, params: foreign.params }, essential: true });
    if (foreign.body !== undefined && JSON.stringify(foreign.body) !== JSON.stringify(base.body)) {
      cases.push({ what: "body naming another person's records", req: { ...base, body: foreign.body }, essential: true });
    }
  }
  return cases;
}

function xmlCases(base: Sample, rng: Rng): FuzzCase[] {
  const good = base.raw!.text;
  const xml = (what: string, text: string, contentType = base.raw!.contentType): FuzzCase => ({ what: `XML ${what}`, req: { ...base, raw: { contentType, text } }, essential: true });
  const field = (name: string, value: string) => good.replace(new RegExp(`<${name}>.*?</${name}>`), `<${name}>${value}</${name}>`);
  return [
    xml('empty', ''),
    xml('not closed', good.slice(0, good.length - 10)),
    xml('not XML', '{"xml": 1}'),
    xml('with entities (billion laughs)', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><xml><FromUserName>&lol2;</FromUserName><MsgType>event</MsgType><Event>subscribe</Event></xml>`),
    xml('with an external entity', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><FromUserName>&e;</FromUserName><MsgType>event</MsgType><Event>subscribe</Event></xml>`),
    xml('nested 5000 deep', `<xml>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</xml>`),
    xml('over its 64 kB limit', `<xml><FromUserName>${'x'.repeat(70_000)}</FromUserName></xml>`),
    xml('with a 65-character openid', field('FromUserName', 'o'.repeat(65))),
    xml('without an openid', field('FromUserName', '')),
    xml('with two openids', field('FromUserName', '<![CDATA[a]]></FromUserName><FromUserName><![CDATA[b]]>')),
    xml('unsubscribing', field('Event', '<![CDATA[unsubscribe]]>')),
    xml('of another event', field('Event', '<![CDATA[SCAN]]>')),
    ...[...CORE_ODD_STRINGS, ...pickSome(rng, ODD_STRINGS, 2)].map((o) => xml(`with openid ${describeValue(o)}`, field('FromUserName', `<![CDATA[${o}]]>`))),
    xml('as JSON', JSON.stringify({ FromUserName: 'x' }), 'application/json'),
  ];
}

const NOT_AN_IMAGE = Buffer.from('%PDF-1.4 this is not an image');
/** A PNG signature with a header claiming 100000 × 100000 pixels and nothing after it. */
const PNG_BOMB = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  Buffer.from([0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0, 8, 6, 0, 0, 0, 0, 0, 0, 0]),
]);

function multipartCases(base: Sample, rng: Rng): FuzzCase[] {
  const m = base.multipart!;
  const upload = (what: string, fields: Record<string, string>, file?: { bytes: Buffer; name: string }): FuzzCase => ({
    what: `upload ${what}`,
    req: { ...base, multipart: file ? { fields, file } : undefined, raw: file ? undefined : { contentType: 'multipart/form-data; boundary=x', text: `--x\r\nContent-Disposition: form-data; name="slot"\r\n\r\n${fields.slot ?? ''}\r\n--x--\r\n` } },
  });
  return [
    upload('without a file', m.fields),
    upload('without a slot', {}, m.file),
    ...['', 'NOT_A_SLOT', 'signature', ...CORE_ODD_STRINGS, 'x'.repeat(100_000)].map((slot) => upload(`with slot ${describeValue(slot)}`, { slot }, m.file)),
    upload('of a PDF named .png', m.fields, { bytes: NOT_AN_IMAGE, name: 'photo.png' }),
    upload('of zero bytes', m.fields, { bytes: Buffer.alloc(0), name: 'empty.png' }),
    upload('of a PNG header claiming 100000 × 100000 pixels', m.fields, { bytes: PNG_BOMB, name: 'bomb.png' }),
    upload('of a truncated PNG', m.fields, { bytes: m.file.bytes.subarray(0, 60), name: 'cut.png' }),
    ...['../../../etc/passwd', 'a\u0000.png', '\u202Egnp.exe', '😀'.repeat(300), 'x'.repeat(5000)].map((name) => upload(`named ${describeValue(name)}`, m.fields, { ...m.file, name })),
    upload('over 10 MB', m.fields, { bytes: Buffer.alloc(11 * 1024 * 1024, 7), name: 'big.png' }),
    { what: 'upload as JSON', req: { ...base, multipart: undefined, body: { slot: m.fields.slot, file: 'iVBORw0KGgo=' } } },
  ];
}

function csvCases(base: Sample, rng: Rng): FuzzCase[] {
  const rows = JSON.parse(base.raw!.text) as Record<string, Json>[];
  const header = Object.keys(rows[0] ?? { a: 1 });
  const line = (r: Record<string, Json>) => header.map((h) => String(r[h] ?? '')).join(',');
  const good = rows.map(line);
  const csv = (what: string, text: string, contentType = 'text/csv'): FuzzCase => ({ what: `CSV ${what}`, req: { ...base, raw: { contentType, text } } });
  const odd = [...CORE_ODD_STRINGS, ...pickSome(rng, ODD_STRINGS, 2)];
  return [
    csv('header only', `${header.join(',')}\n`),
    csv('empty', ''),
    csv('with an unknown column', `${header.join(',')},fuzz\n${good[0]},x\n`),
    csv('missing a column', `${header.slice(1).join(',')}\n${good[0]}\n`),
    csv('with an unterminated quote', `${header.join(',')}\n"${good[0]}\n`),
    csv('with a quote inside a field', `${header.join(',')}\n${good[0].replace(/^([^,]*)/, '$1"x')}\n`),
    csv('with too many cells', `${header.join(',')}\n${good[0]},1,2,3\n`),
    csv('with NUL bytes', `${header.join(',')}\n${good[0].replace(/,/, '\u0000,')}\n`),
    csv('with a byte order mark and CRLF', `\uFEFF${header.join(',')}\r\n${good[0]}\r\n`),
    csv('with a 100k-character cell', `${header.join(',')}\n${good[0].replace(/^[^,]*/, 'x'.repeat(100_000))}\n`),
    ...odd.map((o) => csv(`with a cell ${describeValue(o)}`, `${header.join(',')}\n${good[0].replace(/^[^,]*/, `"${o.replace(/"/g, '""')}"`)}\n`)),
    csv('of 2 000 junk lines', `${header.join(',')}\n${'junk,line\n'.repeat(2_000)}`),
    csv('as XML', '<rows/>', 'application/xml'),
    csv('as JSON that is an object', '{"rows":[]}', 'application/json'),
    csv('as JSON null', 'null', 'application/json'),
  ];
}

/** A random string of odd code points: controls, marks, surrogates, astral planes, private use. */
function randomString(rng: Rng): string {
  const ranges: [number, number][] = [
    [0x00, 0x1f],
    [0x7f, 0x9f],
    [0x300, 0x36f],
    [0x590, 0x6ff],
    [0x200b, 0x200f],
    [0x202a, 0x202e],
    [0xd800, 0xdfff],
    [0xe000, 0xf8ff],
    [0xfff0, 0xffff],
    [0x1f300, 0x1faff],
    [0x20000, 0x2a6df],
    [0x4e00, 0x9fff],
  ];
  let s = '';
  for (let i = 0, n = 1 + Math.floor(rng() * 40); i < n; i++) {
    const [lo, hi] = pick(rng, ranges);
    s += String.fromCodePoint(lo + Math.floor(rng() * (hi - lo + 1)));
  }
  return s;
}
