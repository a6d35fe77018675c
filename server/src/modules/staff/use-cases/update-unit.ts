// PATCH /api/admin/units/:code: an admin changes a unit's settings: the hours when the parties may
// process a case themselves, whether expressway cases may, the district centre that routes a
// located case to it, the duty phone the parties of a transferred case are shown, and the review
// limit after which a case waiting for its officers is overdue (reviewLimitMinutes). The change
// applies to the next report (nothing is cached). Audited with the values before and after.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { toUnitSettings, unitSelect } from '../views';

export interface UpdateUnitInput {
  caller: Extract<Caller, { kind: 'staff' }>;
  code: string;
  serviceHours?: { start: string; end: string } | null;
  expresswayQuick?: boolean;
  area?: { latitude: number; longitude: number } | null;
  areaDescription?: string | null;
  dutyPhone?: string | null;
  reviewLimitMinutes?: number;
  ip?: string;
}

export async function updateUnit(deps: Pick<AppDeps, 'db' | 'config'>, input: UpdateUnitInput) {
  const defaultMinutes = Math.round(deps.config.accidents.reviewMs / 60_000);
  const updated = await deps.db.$transaction(async (tx) => {
    const before = await tx.unit.findUnique({ where: { code: input.code }, select: unitSelect });
    if (!before) throw notFound('没有这个大队');
    const after = await tx.unit.update({
      where: { id: before.id },
      data: {
        serviceHours: input.serviceHours === undefined ? undefined : input.serviceHours && `${input.serviceHours.start}-${input.serviceHours.end}`,
        expresswayQuick: input.expresswayQuick,
        areaLatitude: input.area === undefined ? undefined : (input.area?.latitude ?? null),
        areaLongitude: input.area === undefined ? undefined : (input.area?.longitude ?? null),
        areaDescription: input.areaDescription === undefined ? undefined : input.areaDescription || null,
        dutyPhone: input.dutyPhone === undefined ? undefined : input.dutyPhone || null,
        reviewLimitMinutes: input.reviewLimitMinutes,
      },
      select: unitSelect,
    });
    await audit(tx, {
      actor: { type: 'STAFF', id: input.caller.id },
      action: 'unit.updated',
      entityType: 'Unit',
      entityId: input.code,
      details: { before: toUnitSettings(before, defaultMinutes), after: toUnitSettings(after, defaultMinutes) },
      ip: input.ip,
    });
    return after;
  });
  return toUnitSettings(updated, defaultMinutes);
}
