// PATCH /api/agent/faq/:id: change an entry's category, question, answer or keywords.
import type { AppDeps } from '../../../deps';
import type { ConsultationCategory } from '../../../generated/prisma/enums';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { normaliseKeywords } from '../faq';

export interface UpdateFaqEntryInput {
  staffId: number;
  id: number;
  category?: ConsultationCategory;
  question?: string;
  answer?: string;
  keywords?: string;
  ip?: string;
}

export function updateFaqEntry(deps: Pick<AppDeps, 'db'>, input: UpdateFaqEntryInput) {
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.faqEntry.updateMany({
      where: { id: input.id },
      data: {
        category: input.category,
        question: input.question,
        answer: input.answer,
        keywords: input.keywords === undefined ? undefined : normaliseKeywords(input.keywords),
      },
    });
    if (count !== 1) throw notFound('没有找到这条常见问题');
    const fields = (['category', 'question', 'answer', 'keywords'] as const).filter((k) => input[k] !== undefined);
    await audit(tx, { actor: { type: 'STAFF', id: input.staffId }, action: 'faq.updated', entityType: 'FaqEntry', entityId: input.id, details: { fields }, ip: input.ip });
    return tx.faqEntry.findUniqueOrThrow({ where: { id: input.id } });
  });
}
