// The asker adds to their question (same text check); the agent who has it sees it next.
import type { AppDeps } from '../../../deps';
import type { ConsultationStatus } from '../../../generated/prisma/enums';
import { notFound } from '../../../http/errors';
import { requireAcceptableText } from '../../../lib/text-check';
import { invalidState, loadOwn, lockRow, ownView, type Driver } from '../store';

export interface FollowUpInput {
  caller: Driver;
  id: number;
  content: string;
}

export async function followUp(deps: AppDeps, input: FollowUpInput) {
  const { caller, id, content } = input;
  await loadOwn(deps, caller, id);
  const verdict = await requireAcceptableText(deps, caller.id, [content]);
  await deps.db.$transaction(async (tx) => {
    const row = await lockRow(tx, id);
    if (!row) throw notFound();
    if (row.status === 'CLOSED') throw invalidState('咨询已结束，如有新问题请重新提问');
    await tx.consultationReply.create({ data: { consultationId: id, authorType: 'DRIVER', authorId: caller.id, content } });
    const status: ConsultationStatus =
      row.status === 'HELD' || verdict !== 'pass' ? 'HELD' : row.claimedById ? 'CLAIMED' : 'OPEN';
    await tx.consultation.update({ where: { id }, data: { status }, select: { id: true } });
  });
  return ownView(deps, caller, id);
}
