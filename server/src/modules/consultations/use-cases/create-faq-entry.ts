// POST /api/agent/faq: a new FAQ entry; drivers see it as they type from the next keystroke on.
import type { AppDeps } from '../../../deps';
import type { ConsultationCategory } from '../../../generated/prisma/enums';
import { audit } from '../../../lib/audit';
import { normaliseKeywords } from '../faq';

export interface CreateFaqEntryInput {
  staffId: number;
  category: ConsultationCategory;
  question: string;
  answer: string;
  keywords: string;
  ip?: string;
}

export function createFaqEntry(deps: Pick<AppDeps, 'db'>, input: CreateFaqEntryInput) {
  return deps.db.$transaction(async (tx) => {
    const entry = await tx.faqEntry.create({
      data: { category: input.category, question: input.question, answer: input.answer, keywords: normaliseKeywords(input.keywords) },
    });
    await audit(tx, { actor: { type: 'STAFF', id: input.staffId }, action: 'faq.created', entityType: 'FaqEntry', entityId: entry.id, details: { category: entry.category }, ip: input.ip });
    return entry;
  });
}
