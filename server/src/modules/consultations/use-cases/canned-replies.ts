// Canned replies for a category, and the general ones.
import type { AppDeps } from '../../../deps';
import type { ConsultationCategory } from '../../../generated/prisma/enums';

export interface CannedRepliesInput {
  category?: ConsultationCategory;
}

export async function cannedReplies(deps: Pick<AppDeps, 'db'>, input: CannedRepliesInput) {
  const items = await deps.db.cannedReply.findMany({
    where: input.category ? { OR: [{ category: input.category }, { category: null }] } : undefined,
    orderBy: { id: 'asc' },
  });
  return { items, total: items.length };
}
