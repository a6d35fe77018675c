// FAQ answers matching the text being typed, offered before a question is sent.
import type { AppDeps } from '../../../deps';
import type { ConsultationCategory } from '../../../generated/prisma/enums';
import { rankFaq, worthSearching } from '../faq';

export interface SuggestFaqInput {
  text: string;
  category?: ConsultationCategory;
  limit?: number;
}

export async function suggestFaq(deps: Pick<AppDeps, 'db'>, input: SuggestFaqInput) {
  if (!worthSearching(input.text)) return { items: [], total: 0 };
  const entries = await deps.db.faqEntry.findMany({
    where: input.category ? { category: input.category } : undefined,
    orderBy: { id: 'asc' },
  });
  const items = rankFaq(entries, input.text, input.limit).map((e) => ({ id: e.id, category: e.category, question: e.question, answer: e.answer }));
  return { items, total: items.length };
}
