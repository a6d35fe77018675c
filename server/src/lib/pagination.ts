// Lists take ?page=&pageSize= (pageSize up to 100) and answer {"items", "total"} (API.md, Conventions).
import { z } from 'zod';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  items: T[];
  total: number;
}

/** Prisma's `skip`/`take` for a page. */
export function pageArgs({ page, pageSize }: PageQuery): { skip: number; take: number } {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

/** SQL's LIMIT and OFFSET for a page. */
export function pageLimit({ page, pageSize }: PageQuery): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/** Runs the page's query and the count together and answers the contract's shape. */
export async function paginate<R, T = R>(
  rows: Promise<R[]>,
  count: Promise<number>,
  map?: (row: R) => T,
): Promise<Page<T>> {
  const [found, total] = await Promise.all([rows, count]);
  return { items: map ? found.map(map) : (found as unknown as T[]), total };
}

/** A page cut from a list already in memory. */
export function slicePage<T>(all: readonly T[], query: PageQuery): Page<T> {
  const { skip, take } = pageArgs(query);
  return { items: all.slice(skip, skip + take), total: all.length };
}

