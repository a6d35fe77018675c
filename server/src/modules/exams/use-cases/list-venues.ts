// GET /api/exam/venues and GET /api/admin/venues: every exam venue with its unit.
import type { AppDeps } from '../../../deps';

export type ListVenuesInput = Record<string, never>;

export async function listVenues(deps: AppDeps, _input: ListVenuesInput = {}) {
  const items = await deps.db.venue.findMany({
    select: { id: true, name: true, address: true, unit: { select: { code: true, name: true } } },
    orderBy: { id: 'asc' },
  });
  return { items, total: items.length };
}
