// DELETE /api/agent/canned-replies/:id (a second delete: 404).
import type { AppDeps } from '../../../deps';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';

export function deleteCannedReply(deps: Pick<AppDeps, 'db'>, input: { staffId: number; id: number; ip?: string }) {
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.cannedReply.deleteMany({ where: { id: input.id } });
    if (count !== 1) throw notFound('没有找到这条快捷回复');
    await audit(tx, { actor: { type: 'STAFF', id: input.staffId }, action: 'canned_reply.deleted', entityType: 'CannedReply', entityId: input.id, ip: input.ip });
    return { id: input.id, deleted: true as const };
  });
}
