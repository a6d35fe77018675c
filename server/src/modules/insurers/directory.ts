// The insurers' directory (保险公司): code, name and claims hotline, with the other names parties
// write for a company. A party may give a code or a name; a claim handed over links to the insurer
// its party's text names (by code, name or alias), whose staff then see it.
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../db';

type Tx = Db | Prisma.TransactionClient;

export interface InsurerEntry {
  id: number;
  code: string;
  name: string;
  hotline: string;
  aliases: string[];
}

const aliasesOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : []);

/** Every insurer of the directory, by code. */
export async function loadDirectory(db: Tx): Promise<InsurerEntry[]> {
  const rows = await db.insurer.findMany({ orderBy: { id: 'asc' }, select: { id: true, code: true, name: true, hotline: true, aliases: true } });
  return rows.map((r) => ({ ...r, aliases: aliasesOf(r.aliases) }));
}

const squash = (s: string) => s.normalize('NFKC').replace(/[\s·（）()]/g, '').toLowerCase();

/**
 * The directory's insurer a party's text names: its code (any case), its name or an alias; else
 * the longest name or alias (four characters or more) the text begins with, so a branch's full
 * name (中国人民财产保险股份有限公司枣庄市分公司) finds its company. Null when none does.
 */
export function matchInsurer(directory: readonly InsurerEntry[], text: string | null | undefined): InsurerEntry | null {
  if (!text) return null;
  const t = squash(text);
  if (!t) return null;
  for (const i of directory) {
    if (squash(i.code) === t || squash(i.name) === t || i.aliases.some((a) => squash(a) === t)) return i;
  }
  let best: { entry: InsurerEntry; length: number } | null = null;
  for (const i of directory) {
    for (const n of [i.name, ...i.aliases].map(squash)) {
      if (n.length >= 4 && t.startsWith(n) && (!best || n.length > best.length)) best = { entry: i, length: n.length };
    }
  }
  return best?.entry ?? null;
}

/** What a party's insurer field keeps: a directory code (PICC) becomes its name (中国人保财险); any other text is kept as typed. */
export async function partyInsurerText(db: Tx, text: string): Promise<string> {
  const t = squash(text);
  const byCode = (await loadDirectory(db)).find((i) => squash(i.code) === t);
  return byCode?.name ?? text;
}
