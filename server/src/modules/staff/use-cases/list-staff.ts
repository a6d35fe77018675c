// Staff accounts for the admin console, newest first.
import type { AppDeps } from '../../../deps';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import { staffSelect, toStaffView } from '../views';

export interface ListStaffInput {
  page: PageQuery;
}

export async function listStaff(deps: Pick<AppDeps, 'db'>, input: ListStaffInput) {
  return paginate(
    deps.db.staff.findMany({ select: staffSelect, orderBy: { id: 'desc' }, ...pageArgs(input.page) }),
    deps.db.staff.count(),
    toStaffView,
  );
}
