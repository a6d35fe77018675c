// GET /api/admin/units: every unit with its settings, in reference order (the 大队设置 page).
import type { AppDeps } from '../../../deps';
import { toUnitSettings, unitSelect } from '../views';

export async function listUnitSettings(deps: Pick<AppDeps, 'db'>, _input: Record<string, never> = {}) {
  const items = (await deps.db.unit.findMany({ select: unitSelect, orderBy: { id: 'asc' } })).map(toUnitSettings);
  return { items, total: items.length };
}
