// POST /api/admin/import/exam-results: rows of bookingId + result (a JSON array or {"csv": "…"});
// each refused row reported with its line and reason.
import { z } from 'zod';
import type { AppDeps } from '../../../deps';
import { eachValidRow, importRows } from '../import-rows';
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

export async function importResults(deps: AppDeps, input: ImportResultsInput) {
  let created = 0;
  const rejected = await eachValidRow(importRows(input.body), resultRow, async (row) => {
    await recordResult(deps, { staffId: input.staffId, ...row, ip: input.ip });
    created++;
  });
  return { created, updated: 0, rejected };
}
