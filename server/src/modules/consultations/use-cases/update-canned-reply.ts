// PATCH /api/agent/canned-replies/:id: change a canned reply's category, title or text.
import type { AppDeps } from '../../../deps';
import type { ConsultationCategory } from '../../../generated/prisma/enums';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';

export interface UpdateCannedReplyInput {
  staffId: number;
  id: number;
  category?: ConsultationCategory | null;
  title?: string;
  content?: string;
  ip?: string;
}

export function updateCannedReply(deps: Pick<AppDeps, 'db'>, input: UpdateCannedReplyInput) {
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.cannedReply.updateMany({
      where: { id: input.id },
      data: { category: input.category, title: input.title, content: input.content },
    });
    if (count !== 1) throw notFound('没有找到这条快捷回复');
    const fields = (['category', 'title', 'content'] as const).filter((k) => input[k] !== undefined);
    await audit(tx, { actor: { type: 'STAFF', id: input.staffId }, action: 'canned_reply.updated', entityType: 'CannedReply', entityId: input.id, details: { fields }, ip: input.ip });
    return tx.cannedReply.findUniqueOrThrow({ where: { id: input.id } });
  });
}
