// Which FAQ answers match what a driver is typing: keyword hits (keywords are stored comma-separated),
// and the question itself containing the text counts double.
export interface FaqCandidate {
  id: number;
  question: string;
  keywords: string;
}

/** Fewer than two characters match too much to be worth a look-up. */
export const worthSearching = (typed: string) => typed.trim().length >= 2;

export function rankFaq<E extends FaqCandidate>(entries: readonly E[], typed: string, limit = 3): E[] {
  if (!worthSearching(typed)) return [];
  const text = typed.trim().toLowerCase();
  return entries
    .map((e) => {
      const keywords = e.keywords.split(/[,，、\s]+/).map((k) => k.trim().toLowerCase()).filter(Boolean);
      const hits = keywords.filter((k) => text.includes(k)).length + (e.question.toLowerCase().includes(text) ? 2 : 0);
      return { entry: e, hits };
    })
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.entry.id - b.entry.id)
    .slice(0, limit)
    .map((s) => s.entry);
}

/** Keywords as stored: split on any comma, 、 or space, trimmed, duplicates dropped, joined by commas. */
export function normaliseKeywords(typed: string): string {
  const words = typed.split(/[,，、\s]+/).map((k) => k.trim()).filter(Boolean);
  return [...new Set(words)].join(',').slice(0, 255);
}
