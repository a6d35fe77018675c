// GET /api/exam/sessions/:id: one session as a learner sees it.
import type { AppDeps } from '../../../deps';
import { notFound } from '../../../http/errors';
import { loadSession, sessionView } from '../sessions';

export interface GetSessionInput {
  sessionId: number;
}

export async function getSession(deps: AppDeps, input: GetSessionInput) {
  const s = await loadSession(deps.db, input.sessionId);
  if (!s) throw notFound('没有找到该考试场次');
  return sessionView(s);
}
