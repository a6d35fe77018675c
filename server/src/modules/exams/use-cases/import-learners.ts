// POST /api/admin/import/learners: a JSON array, or {"csv": "…"} whose header names the fields
// (passedSubjects as "1;2"); each row upserted, each refused row reported with its line.
import type { AppDeps } from '../../../deps';
import { eachValidRow, importRows } from '../import-rows';
import { learnerRequest } from '@jiaoguan/contracts/schemas/exams';
import { upsertLearner } from './upsert-learner';

export interface ImportLearnersInput {
  staffId: number;
  /** The request body: an array of rows or `{ csv }`. */
  body: unknown;
  ip?: string;
}

/** CSV cells are text: an empty permit is none, subjects are listed as "1;2". */
function fromCsv(r: Record<string, string>) {
  return {
    ...r,
    permitIssuedAt: r.permitIssuedAt ? r.permitIssuedAt : null,
    appliedAt: r.appliedAt || undefined,
    passedSubjects: (r.passedSubjects ?? '')
      .split(/[;,\s|]+/)
      .filter(Boolean)
      .map(Number),
  };
}

export async function importLearners(deps: AppDeps, input: ImportLearnersInput) {
  let created = 0;
  let updated = 0;
  const rows = Array.isArray(input.body) ? input.body : importRows(input.body).map((r) => fromCsv(r as Record<string, string>));
  const rejected = await eachValidRow(rows, learnerRequest, async (learner) => {
    const result = await upsertLearner(deps, { staffId: input.staffId, learner, ip: input.ip });
    if (result.created) created++;
    else updated++;
  });
  return { created, updated, rejected };
}
