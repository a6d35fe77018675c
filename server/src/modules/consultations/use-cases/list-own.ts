// The asker's questions, newest first, each with how many answers it has had.
import type { AppDeps } from '../../../deps';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import type { Driver } from '../store';
import { summary } from '../views';

export interface ListOwnInput {
  caller: Driver;
  page: PageQuery;
}

export async function listOwn(deps: Pick<AppDeps, 'db'>, input: ListOwnInput) {
  const where = { driverId: input.caller.id };
  return paginate(
    deps.db.consultation.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(input.page),
      include: { _count: { select: { replies: { where: { internal: false, authorType: 'AGENT' } } } } },
    }),
    deps.db.consultation.count({ where }),
    (r) => ({ ...summary(r), replyCount: r._count.replies }),
  );
}
