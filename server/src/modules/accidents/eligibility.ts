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

/** Approximate centres of the detachment's district units, for choosing a unit from a place. */
const UNIT_CENTRES: { code: string; latitude: number; longitude: number }[] = [
  { code: 'shizhong', latitude: 34.864, longitude: 117.556 },
  { code: 'xuecheng', latitude: 34.795, longitude: 117.263 },
  { code: 'yicheng', latitude: 34.772, longitude: 117.59 },
  { code: 'taierzhuang', latitude: 34.562, longitude: 117.734 },
  { code: 'shanting', latitude: 35.099, longitude: 117.461 },
  { code: 'tengzhou', latitude: 35.114, longitude: 117.165 },
];

/** The unit whose district centre is nearest; expressway cases go to the expressway unit. */
export function unitCodeForPlace(latitude: number, longitude: number, onExpressway: boolean): string {
  if (onExpressway) return 'expressway';
  let best = UNIT_CENTRES[0];
  let bestDistance = Infinity;
  const cosLat = Math.cos((latitude * Math.PI) / 180);
  for (const c of UNIT_CENTRES) {
    const d = (c.latitude - latitude) ** 2 + ((c.longitude - longitude) * cosLat) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best.code;
}
