// POST /api/agent/canned-replies: a reply agents insert with one tap (of a category, or general).
import type { AppDeps } from '../../../deps';
import type { ConsultationCategory } from '../../../generated/prisma/enums';
import { audit } from '../../../lib/audit';

export interface CreateCannedReplyInput {
  staffId: number;
  category: ConsultationCategory | null;
  title: string;
  content: string;
  ip?: string;
}

export function createCannedReply(deps: Pick<AppDeps, 'db'>, input: CreateCannedReplyInput) {
  return deps.db.$transaction(async (tx) => {
    const reply = await tx.cannedReply.create({ data: { category: input.category, title: input.title, content: input.content } });
    await audit(tx, { actor: { type: 'STAFF', id: input.staffId }, action: 'canned_reply.created', entityType: 'CannedReply', entityId: reply.id, ip: input.ip });
    return reply;
  });
}
