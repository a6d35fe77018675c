// GET /api/exam/sessions: upcoming sessions by start time, soonest first, from the instance's
// list cache (counts shown may lag by EXAM_LIST_CACHE_MS; seats are only taken by the update).
import type { AppDeps } from '../../../deps';
import { pageArgs, paginate } from '../../../lib/pagination';
import { sessionSelect, sessionView, type SessionFilter, type SessionRow } from '../sessions';

export type ListSessionsInput = SessionFilter;

export function listSessions(deps: AppDeps, input: ListSessionsInput) {
  return deps.exams.sessionList.get(JSON.stringify(input), () => {
    const now = new Date();
    const where = {
      subject: input.subject,
      licenceClass: input.licenceClass,
      venueId: input.venueId,
      // A cancelled session is gone from the learners' list (their booking shows why).
      status: 'SCHEDULED' as const,
      startsAt: { gte: input.from ?? now, ...(input.to ? { lte: input.to } : {}) },
    };
    return paginate(
      deps.db.examSession.findMany({ where, select: sessionSelect, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], ...pageArgs(input) }),
      deps.db.examSession.count({ where }),
      (s) => sessionView(s as SessionRow, now),
    );
  });
}
