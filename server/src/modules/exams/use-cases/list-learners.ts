// GET /api/admin/learners: newest first; search by name or the start of an ID number. A page that
// shows anyone is audited (personal_data.viewed: names, masked ID numbers, exam progress).
import type { AppDeps } from '../../../deps';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import { maskedSearch, recordPersonalDataRead } from '../../privacy/personal-data';
import { learnerSelect, learnerView, type LearnerRow } from '../learners';

export interface ListLearnersInput extends PageQuery {
  staffId: number;
  search?: string;
  ip?: string;
}

export async function listLearners(deps: AppDeps, input: ListLearnersInput) {
  const where = input.search
    ? { OR: [{ name: { contains: input.search } }, { idNumber: { startsWith: input.search.toUpperCase() } }] }
    : {};
  const page = await paginate(
    deps.db.learner.findMany({ where, select: learnerSelect, orderBy: { id: 'desc' }, ...pageArgs(input) }),
    deps.db.learner.count({ where }),
    (l) => learnerView(l as LearnerRow),
  );
  if (page.items.length > 0) {
    await recordPersonalDataRead(deps.db, {
      staffId: input.staffId,
      kind: 'viewed',
      entityType: 'Learner',
      entityId: page.items.length === 1 ? page.items[0].id : undefined,
      shown: ['name', 'idNumber', 'licenceClass', 'examProgress'],
      details: { search: maskedSearch(input.search), learnerIds: page.items.map((l) => l.id), total: page.total },
      ip: input.ip,
    });
  }
  return page;
}
