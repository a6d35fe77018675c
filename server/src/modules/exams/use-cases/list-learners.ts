// GET /api/admin/learners: newest first; search by name or the start of an ID number.
import type { AppDeps } from '../../../deps';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import { learnerSelect, learnerView, type LearnerRow } from '../learners';

export interface ListLearnersInput extends PageQuery {
  search?: string;
}

export function listLearners(deps: AppDeps, input: ListLearnersInput) {
  const where = input.search
    ? { OR: [{ name: { contains: input.search } }, { idNumber: { startsWith: input.search.toUpperCase() } }] }
    : {};
  return paginate(
    deps.db.learner.findMany({ where, select: learnerSelect, orderBy: { id: 'desc' }, ...pageArgs(input) }),
    deps.db.learner.count({ where }),
    (l) => learnerView(l as LearnerRow),
  );
}
