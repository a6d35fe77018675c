// GET /api/admin/units: every unit with its settings, in reference order (the 大队设置 page).
import type { AppDeps } from '../../../deps';
import { toUnitSettings, unitSelect } from '../views';

export async function listUnitSettings(deps: Pick<AppDeps, 'db' | 'config'>, _input: Record<string, never> = {}) {
  const defaultMinutes = Math.round(deps.config.accidents.reviewMs / 60_000);
  const items = (await deps.db.unit.findMany({ select: unitSelect, orderBy: { id: 'asc' } })).map((u) => toUnitSettings(u, defaultMinutes));
  return { items, total: items.length };
}
