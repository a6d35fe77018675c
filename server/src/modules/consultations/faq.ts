// Finds FAQ answers that match what a driver is typing, by keyword hits (keywords are stored comma-separated).
import type { AppDeps } from '../../deps';
import type { ConsultationCategory } from '../../generated/prisma/enums';

export async function suggestFaq(deps: AppDeps, input: { text: string; category?: ConsultationCategory; limit?: number }) {
  const text = input.text.trim().toLowerCase();
  if (text.length < 2) return { items: [], total: 0 };
  const entries = await deps.db.faqEntry.findMany({
    where: input.category ? { category: input.category } : undefined,
    orderBy: { id: 'asc' },
  });
  const scored = entries
    .map((e) => {
      const keywords = e.keywords.split(/[,，、\s]+/).map((k) => k.trim().toLowerCase()).filter(Boolean);
      const hits = keywords.filter((k) => text.includes(k)).length + (e.question.toLowerCase().includes(text) ? 2 : 0);
      return { entry: e, hits };
    })
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.entry.id - b.entry.id)
    .slice(0, input.limit ?? 3);
  const items = scored.map(({ entry }) => ({ id: entry.id, category: entry.category, question: entry.question, answer: entry.answer }));
  return { items, total: items.length };
}
