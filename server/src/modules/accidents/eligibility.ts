// Who may use quick processing (DOMAIN.md A2: L-146 Art. 13/14/15, unit service hours, expressways).
import type { eligibilityAnswers } from '@jiaoguan/contracts/schemas/accidents';
import type { z } from 'zod';
import { INELIGIBLE_TEXT, type IneligibleReason } from '@jiaoguan/contracts/labels';
import { parseDailyWindow, withinDailyWindow } from '@jiaoguan/contracts/time';

/** The questionnaire's answers, defaults applied (the contract's `eligibilityAnswers`). */
export type Eligibility = z.output<typeof eligibilityAnswers>;

export { INELIGIBLE_TEXT, type IneligibleReason };

/** The reasons that rule quick processing out, most serious first; empty when the case may proceed. */
export function ineligibleReasons(e: Eligibility): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (e.injuries) reasons.push('INJURIES');
  if (e.impaired) reasons.push('IMPAIRED');
  if (e.dangerousGoods) reasons.push('DANGEROUS_GOODS');
  if (!e.licencesValid) reasons.push('LICENCE_INVALID');
  if (!e.platesValid) reasons.push('PLATE_INVALID');
  if (!e.vehiclesDrivable) reasons.push('NOT_DRIVABLE');
  if (e.partyLeft) reasons.push('PARTY_LEFT');
  if (e.deliberate) reasons.push('DELIBERATE');
  if (!e.insured) reasons.push('NOT_INSURED');
  if (!e.inspectionValid) reasons.push('INSPECTION_MISSING');
  if (e.facilitiesDamaged) reasons.push('FACILITIES_DAMAGED');
  return reasons;
}

/** Whether a Shanghai wall-clock time falls in a unit's "HH:MM-HH:MM" window (null or unreadable: all day). */
export function withinServiceHours(window: string | null, at: Date): boolean {
  const parsed = window ? parseDailyWindow(window) : null;
  return parsed ? withinDailyWindow(parsed, at) : true;
}

/** A unit's district centre (Unit.areaLatitude/areaLongitude, kept on the 大队设置 page). */
export interface UnitCentre {
  code: string;
  latitude: number;
  longitude: number;
}

/** Expressway cases go to this unit, wherever they happen. */
export const EXPRESSWAY_UNIT = 'expressway';

/**
 * The unit whose district centre is nearest (units without a centre are never chosen by place);
 * expressway cases go to the expressway unit. Null when no unit has a centre.
 */
export function unitCodeForPlace(centres: readonly UnitCentre[], latitude: number, longitude: number, onExpressway: boolean): string | null {
  if (onExpressway) return EXPRESSWAY_UNIT;
  let best: UnitCentre | null = null;
  let bestDistance = Infinity;
  const cosLat = Math.cos((latitude * Math.PI) / 180);
  for (const c of centres) {
    const d = (c.latitude - latitude) ** 2 + ((c.longitude - longitude) * cosLat) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best?.code ?? null;
}
