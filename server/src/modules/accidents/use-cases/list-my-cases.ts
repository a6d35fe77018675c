// GET /api/accidents: the caller's cases, newest first.
import type { AppDeps } from '../../../deps';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import type { DriverCaller } from '../callers';
import { loadCases } from '../case-store';
import { caseView } from '../views';

export interface ListMyCasesInput extends PageQuery {
  caller: DriverCaller;
}

export async function listMyCases(deps: AppDeps, input: ListMyCasesInput) {
  const where = { parties: { some: { driverId: input.caller.id } } };
  const page = await paginate(
    deps.db.accidentCase.findMany({ where, select: { id: true }, orderBy: { id: 'desc' }, ...pageArgs(input) }),
    deps.db.accidentCase.count({ where }),
  );
  const cases = await loadCases(deps.db, page.items.map((c) => c.id));
  return { items: cases.map((c) => caseView(c, { kind: 'party', driverId: input.caller.id })), total: page.total };
}
