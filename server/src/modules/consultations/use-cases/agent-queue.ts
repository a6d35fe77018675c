// The agents' queue, oldest first, by status and category (or the caller's own); overdue first replies flagged.
import type { AppDeps } from '../../../deps';
import type { Prisma } from '../../../generated/prisma/client';
import type { ConsultationCategory, ConsultationStatus } from '../../../generated/prisma/enums';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import type { Staff } from '../store';
import { agentSummary } from '../views';

export interface AgentQueueInput {
  caller: Staff;
  status: ConsultationStatus;
  category?: ConsultationCategory;
  mine?: boolean;
  page: PageQuery;
}

export async function agentQueue(deps: Pick<AppDeps, 'db'>, input: AgentQueueInput) {
  const now = new Date();
  const where: Prisma.ConsultationWhereInput = {
    status: input.status,
    ...(input.category ? { category: input.category } : {}),
    ...(input.mine ? { claimedById: input.caller.id } : {}),
  };
  return paginate(
    deps.db.consultation.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(input.page),
      include: { claimedBy: { select: { id: true, displayName: true } }, driver: { select: { id: true, nickname: true, realName: true } } },
    }),
    deps.db.consultation.count({ where }),
    (c) => agentSummary(c, now),
  );
}
