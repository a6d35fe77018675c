// GET /api/agent/faq: every FAQ entry for its keepers (agents, admins), of a category or matching a search.
import type { AppDeps } from '../../../deps';
import type { ConsultationCategory } from '../../../generated/prisma/enums';

export interface ListFaqEntriesInput {
  category?: ConsultationCategory;
  search?: string;
}

export async function listFaqEntries(deps: Pick<AppDeps, 'db'>, input: ListFaqEntriesInput) {
  const search = input.search?.trim();
  const items = await deps.db.faqEntry.findMany({
    where: {
      ...(input.category ? { category: input.category } : {}),
      ...(search ? { OR: [{ question: { contains: search } }, { answer: { contains: search } }, { keywords: { contains: search } }] } : {}),
    },
    orderBy: [{ category: 'asc' }, { id: 'asc' }],
  });
  return { items, total: items.length };
}
