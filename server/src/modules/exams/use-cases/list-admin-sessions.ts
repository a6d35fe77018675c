// GET /api/admin/exam-sessions: the admin list (newest exam first unless a range is given) with fill rates.
import type { AppDeps } from '../../../deps';
import { pageArgs, paginate } from '../../../lib/pagination';
import { adminSessionView, sessionSelect, type SessionFilter, type SessionRow } from '../sessions';

export type ListAdminSessionsInput = SessionFilter;

export function listAdminSessions(deps: AppDeps, input: ListAdminSessionsInput) {
  const where = {
    subject: input.subject,
    licenceClass: input.licenceClass,
    venueId: input.venueId,
    ...(input.from || input.to ? { startsAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } } : {}),
  };
  const now = new Date();
  return paginate(
    deps.db.examSession.findMany({ where, select: sessionSelect, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }], ...pageArgs(input) }),
    deps.db.examSession.count({ where }),
    (s) => adminSessionView(s as SessionRow, now),
  );
}
