// The detachment's units (大队), in their reference order.
import type { AppDeps } from '../../../deps';

export async function listUnits(deps: Pick<AppDeps, 'db'>, _input: Record<string, never> = {}) {
  const items = await deps.db.unit.findMany({ select: { code: true, name: true }, orderBy: { id: 'asc' } });
  return { items, total: items.length };
}
