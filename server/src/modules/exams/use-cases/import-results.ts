// POST /api/admin/import/exam-results: rows of bookingId + result (a JSON array or {"csv": "…"});
// each refused row reported with its line and reason.
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { AppDeps } from '../../../deps';
import { issuesToDetails } from '../../../http/api';
import { recordResult } from './record-result';

export interface ImportResultsInput {
  staffId: number;
  /** The request body: an array of rows or `{ csv }`. */
  body: unknown;
  ip?: string;
}

const resultRow = z.object({
  bookingId: z.coerce.number().int().positive(),
  result: z.enum(['PASS', 'FAIL', 'NO_SHOW'], { error: '成绩应为 PASS、FAIL 或 NO_SHOW' }),
});

function resultImportRows(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  const csv = (input as { csv?: unknown })?.csv;
  if (typeof csv !== 'string') return [];
  return parseCsv(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[];
}

export async function importResults(deps: AppDeps, input: ImportResultsInput) {
  let created = 0;
  const rejected: { line: number; reason: string }[] = [];
  for (const [i, row] of resultImportRows(input.body).entries()) {
    const line = i + 1;
    const parsed = resultRow.safeParse(row);
    if (!parsed.success) {
      rejected.push({ line, reason: issuesToDetails(parsed.error).map((d) => `${d.path}: ${d.message}`).join('; ') });
      continue;
    }
    try {
      await recordResult(deps, { staffId: input.staffId, ...parsed.data, ip: input.ip });
      created++;
    } catch (err) {
      const message = (err as { userMessage?: string }).userMessage;
      if (!message) throw err;
      rejected.push({ line, reason: message });
    }
  }
  return { created, updated: 0, rejected };
}

