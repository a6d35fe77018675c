// The asker adds to their question (same text check; DAILY_FOLLOW_UPS_PER_DRIVER a Shanghai day);
// the agent who has it sees it next.
import type { AppDeps } from '../../../deps';
import type { ConsultationStatus } from '../../../generated/prisma/enums';
import { notFound } from '../../../http/errors';
import { withinDailyLimit } from '../../../lib/rate-limit';
import { requireAcceptableText } from '../../../lib/text-check';
import { invalidState, loadOwn, lockRow, ownView, type Driver } from '../store';

export interface FollowUpInput {
  caller: Driver;
  id: number;
  content: string;
}

const closed = () => invalidState('咨询已结束，如有新问题请重新提问');

export async function followUp(deps: AppDeps, input: FollowUpInput) {
  const { caller, id } = input;
  // A closed question is turned away before anything is counted or checked; asked again when locked.
  if ((await loadOwn(deps, caller, id)).status === 'CLOSED') throw closed();
  const max = deps.config.dailyLimits.followUps;
  // Counted before the text check: the limit also spares WeChat's msg_sec_check quota.
  await withinDailyLimit(deps.limits, { name: 'daily-follow-ups', max, driverId: caller.id, reached: `今天的追问已达${max}条` }, () =>
    add(deps, input),
  );
  return ownView(deps, caller, id);
}

async function add(deps: AppDeps, { caller, id, content }: FollowUpInput): Promise<void> {
  const verdict = await requireAcceptableText(deps, caller.id, [content]);
  await deps.db.$transaction(async (tx) => {
    const row = await lockRow(tx, id);
    if (!row) throw notFound();
    if (row.status === 'CLOSED') throw closed();
    await tx.consultationReply.create({ data: { consultationId: id, authorType: 'DRIVER', authorId: caller.id, content } });
    const status: ConsultationStatus =
      row.status === 'HELD' || verdict !== 'pass' ? 'HELD' : row.claimedById ? 'CLAIMED' : 'OPEN';
    await tx.consultation.update({ where: { id }, data: { status }, select: { id: true } });
  });
}
