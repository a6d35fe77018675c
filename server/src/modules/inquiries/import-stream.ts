// Reads an import file from a stream in bounded memory: CSV with a header row, or a JSON array of objects.
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { AppError, badRequest } from '../../http/errors';

export interface RawRecord {
  /** CSV: the line the record ends on (the header is line 1). JSON: the element's position, from 1. */
  line: number;
  record: Record<string, unknown>;
}

/** One JSON element may not be larger than this. */
const MAX_ELEMENT_CHARS = 64 * 1024;

const tooLarge = () => new AppError(413, 'PAYLOAD_TOO_LARGE', '导入文件太大了');
const malformed = (message: string, line?: number) =>
  badRequest([{ path: 'file', message, ...(line !== undefined ? { line } : {}) }], message);

/** Passes the chunks on, and stops with 413 once more than maxBytes have arrived. */
export async function* limitBytes(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.length;
    if (total > maxBytes) throw tooLarge();
    yield buf;
  }
}

/**
 * Records of a CSV file whose first line names the fields, yielded a chunk's worth at a time (one
 * promise per chunk rather than per record: the per-record cost is what limits the import rate).
 */
export async function* csvRecords(
  source: AsyncIterable<Buffer>,
  checkHeader: (names: string[]) => void,
): AsyncGenerator<RawRecord[]> {
  const parser = parse({ bom: true, relax_column_count: true });
  let failure: unknown;
  parser.on('error', (err) => {
    failure = err;
  });
  let header: string[] | null = null;
  let line = 0;
  const fail = (err: unknown): never => {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; lines?: number };
    // csv-parse's codes start with CSV_, but for one: INVALID_OPENING_QUOTE (a quote inside a field).
    if (typeof e.code === 'string' && (e.code.startsWith('CSV_') || e.code === 'INVALID_OPENING_QUOTE')) {
      throw malformed(`CSV 文件第${e.lines ?? '?'}行格式不正确`, e.lines);
    }
    throw err;
  };
  const drain = (): RawRecord[] => {
    if (failure) fail(failure);
    const out: RawRecord[] = [];
    let fields: string[] | null;
    while ((fields = parser.read() as string[] | null) !== null) {
      const start = line + 1;
      line = start;
      for (const f of fields) if (f.includes('\n')) line += f.split('\n').length - 1;
      if (fields.length === 1 && fields[0].trim() === '') continue;
      if (!header) {
        header = fields.map((f) => f.trim());
        checkHeader(header);
        continue;
      }
      const record: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) record[header[i]] = fields[i] ?? '';
      out.push({ line: start, record });
    }
    return out;
  };
  try {
    for await (const chunk of source) {
      parser.write(chunk);
      const records = drain();
      if (records.length) yield records;
    }
    parser.end();
    await new Promise((resolve) => setImmediate(resolve));
    const rest = drain();
    if (rest.length) yield rest;
  } finally {
    parser.destroy();
  }
}

/**
 * Elements of a JSON array, one at a time: a small scanner finds where each top-level object ends
 * (tracking strings and nesting) and JSON.parse reads that object alone.
 */
export async function* jsonArrayRecords(source: AsyncIterable<Buffer>): AsyncGenerator<RawRecord[]> {
  const decoder = new StringDecoder('utf8');
  let state: 'start' | 'between' | 'afterElement' | 'done' = 'start';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let index = 0;

  const finish = (): RawRecord => {
    index += 1;
    let value: unknown;
    try {
      value = JSON.parse(element);
    } catch {
      throw malformed(`JSON 第${index}条记录格式不正确`, index);
    }
    element = '';
    return { line: index, record: value as Record<string, unknown> };
  };

  const scan = (chunk: string): RawRecord[] => {
    const out: RawRecord[] = [];
    let i = 0;
    // An object that began in an earlier chunk continues from this chunk's start.
    let from = depth > 0 ? 0 : -1;
    while (i < chunk.length) {
      const c = chunk.charCodeAt(i);
      if (depth > 0) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true; // backslash
          else if (c === 34) inString = false; // quote
        } else if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth += 1; // { [
        else if (c === 125 || c === 93) {
          depth -= 1;
          if (depth === 0) {
            element += chunk.slice(from, i + 1);
            from = -1;
            if (element.length > MAX_ELEMENT_CHARS) throw malformed(`JSON 第${index + 1}条记录太大`, index + 1);
            out.push(finish());
            state = 'afterElement';
          }
        }
        i += 1;
        continue;
      }
      const isSpace = c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
      if (isSpace) {
        i += 1;
        continue;
      }
      if (state === 'start') {
        if (c !== 91) throw malformed('JSON 导入内容应为一个数组');
        state = 'between';
      } else if (state === 'done') {
        throw malformed('JSON 数组结束后还有多余内容');
      } else if (c === 93 && (state === 'afterElement' || (state === 'between' && index === 0))) {
        state = 'done';
      } else if (c === 44 && state === 'afterElement') {
        state = 'between';
      } else if (c === 123 && state === 'between') {
        depth = 1;
        from = i;
      } else {
        throw malformed(`JSON 第${index + 1}条记录应为对象`, index + 1);
      }
      i += 1;
    }
    if (from >= 0) {
      element += chunk.slice(from);
      if (element.length > MAX_ELEMENT_CHARS) throw malformed(`JSON 第${index + 1}条记录太大`, index + 1);
    }
    return out;
  };

  for await (const buf of source) yield scan(decoder.write(buf));
  yield scan(decoder.end());
  if ((state as string) !== 'done') throw malformed('JSON 内容不完整');
}
