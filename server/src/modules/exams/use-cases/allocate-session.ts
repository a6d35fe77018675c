// POST /api/admin/exam-sessions/:id/allocate: close a RANKED session's booking now and allocate
// it (again: nothing changes); answers the session as it stands afterwards.
import type { AppDeps } from '../../../deps';
import { conflict, notFound } from '../../../http/errors';
import { allocateSession as allocate } from '../allocation';
import { adminSessionView, loadSession } from '../sessions';

export interface AllocateSessionInput {
  staffId: number;
  sessionId: number;
}

export async function allocateSession(deps: AppDeps, input: AllocateSessionInput) {
  const session = await deps.db.examSession.findUnique({ where: { id: input.sessionId }, select: { allocation: true, status: true } });
  if (!session) throw notFound('没有找到该考试场次');
  if (session.status === 'CANCELLED') throw conflict('INVALID_STATE', '该场次已取消，无需分配考位');
  if (session.allocation !== 'RANKED') throw conflict('INVALID_STATE', '先到先得的场次在预约时即已确定考位，无需分配');
  const outcome = await allocate(deps, input.sessionId, { closeNow: true, actor: { type: 'STAFF', id: input.staffId } });
  const after = (await loadSession(deps.db, input.sessionId))!;
  return { ...adminSessionView(after), outcome };
}
