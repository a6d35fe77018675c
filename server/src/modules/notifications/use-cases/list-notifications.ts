// The driver's message centre, newest first, with the unread count.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import { arrived, entrySelect, toEntryView } from '../message-centre';

export interface ListNotificationsInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  page: PageQuery;
}

export async function listNotifications(deps: Pick<AppDeps, 'db'>, input: ListNotificationsInput) {
  const where = arrived(input.caller.id);
  const [page, unread] = await Promise.all([
    paginate(
      deps.db.messageCentreEntry.findMany({ where, select: entrySelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...pageArgs(input.page) }),
      deps.db.messageCentreEntry.count({ where }),
      toEntryView,
    ),
    deps.db.messageCentreEntry.count({ where: { ...where, readAt: null } }),
  ]);
  return { ...page, unread };
}
