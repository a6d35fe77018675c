// POST /api/admin/import/learners: a JSON array, or {"csv": "…"} whose header names the fields
// (passedSubjects as "1;2"); each row upserted, each refused row reported with its line.
import { parse as parseCsv } from 'csv-parse/sync';
import type { AppDeps } from '../../../deps';
import { issuesToDetails } from '../../../http/api';
import { learnerInput } from '../learners';
import { upsertLearner } from './upsert-learner';

export interface ImportLearnersInput {
  staffId: number;
  /** The request body: an array of rows or `{ csv }`. */
  body: unknown;
  ip?: string;
}

function learnerImportRows(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  const csv = (input as { csv?: unknown })?.csv;
  if (typeof csv !== 'string') return [];
  const records = parseCsv(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  return records.map((r) => ({
    ...r,
    permitIssuedAt: r.permitIssuedAt ? r.permitIssuedAt : null,
    appliedAt: r.appliedAt || undefined,
    passedSubjects: (r.passedSubjects ?? '')
      .split(/[;,\s|]+/)
      .filter(Boolean)
      .map(Number),
  }));
}

export async function importLearners(deps: AppDeps, input: ImportLearnersInput) {
  let created = 0;
  let updated = 0;
  const rejected: { line: number; reason: string }[] = [];
  for (const [i, row] of learnerImportRows(input.body).entries()) {
    const line = i + 1;
    const parsed = learnerInput.safeParse(row);
    if (!parsed.success) {
      rejected.push({ line, reason: issuesToDetails(parsed.error).map((d) => `${d.path}: ${d.message}`).join('; ') });
      continue;
    }
    const result = await upsertLearner(deps, { staffId: input.staffId, learner: parsed.data, ip: input.ip });
    if (result.created) created++;
    else updated++;
  }
  return { created, updated, rejected };
}
