// The admin imports' common shape: a JSON array or {"csv": "…"} whose header names the fields;
// each row checked by its schema, each refused row reported by line with its reason.
import { parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import { issuesToDetails } from '../../http/api';
import { badRequest } from '../../http/errors';

export interface RejectedRow {
  line: number;
  reason: string;
}

/** The rows of an import body; CSV rows as records of strings keyed by the header. */
export function importRows(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const csv = (body as { csv?: unknown })?.csv;
  if (typeof csv !== 'string') return [];
  try {
    return parseCsv(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[];
  } catch (err) {
    // csv-parse's own errors (CSV_…, and INVALID_OPENING_QUOTE for a quote inside a field) are
    // bad input: answer which line, never a 500.
    const e = err as { code?: string; lines?: number };
    if (typeof e.code !== 'string' || !(e.code.startsWith('CSV_') || e.code === 'INVALID_OPENING_QUOTE')) throw err;
    const message = `CSV 第${e.lines ?? '?'}行格式不正确`;
    throw badRequest([{ path: 'csv', message, ...(e.lines !== undefined ? { line: e.lines } : {}) }], message);
  }
}

/**
 * Runs `apply` for each row its schema accepts, in order; a row the schema refuses, or whose
 * `apply` throws an error carrying a `userMessage`, is rejected with its line (1-based).
 */
export async function eachValidRow<S extends z.ZodType>(
  rows: unknown[],
  schema: S,
  apply: (row: z.output<S>) => Promise<void>,
): Promise<RejectedRow[]> {
  const rejected: RejectedRow[] = [];
  for (const [i, row] of rows.entries()) {
    const line = i + 1;
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      rejected.push({ line, reason: issuesToDetails(parsed.error).map((d) => `${d.path}: ${d.message}`).join('; ') });
      continue;
    }
    try {
      await apply(parsed.data);
    } catch (err) {
      const message = (err as { userMessage?: string }).userMessage;
      if (!message) throw err;
      rejected.push({ line, reason: message });
    }
  }
  return rejected;
}
