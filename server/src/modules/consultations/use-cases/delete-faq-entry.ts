// DELETE /api/agent/faq/:id: the entry is gone from the suggestions at once (a second delete: 404).
import type { AppDeps } from '../../../deps';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';

export function deleteFaqEntry(deps: Pick<AppDeps, 'db'>, input: { staffId: number; id: number; ip?: string }) {
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.faqEntry.deleteMany({ where: { id: input.id } });
    if (count !== 1) throw notFound('没有找到这条常见问题');
    await audit(tx, { actor: { type: 'STAFF', id: input.staffId }, action: 'faq.deleted', entityType: 'FaqEntry', entityId: input.id, ip: input.ip });
    return { id: input.id, deleted: true as const };
  });
}
