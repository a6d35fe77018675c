// The questionnaire and the unit's rules (POST /api/accidents/eligibility, and every report); nothing is stored.
import type { AppDeps } from '../../../deps';
import { AppError, badRequest, ruleSaysNo } from '../../../http/errors';
import { EXPRESSWAY_UNIT, INELIGIBLE_TEXT, ineligibleReasons, unitCodeForPlace, withinServiceHours, type Eligibility } from '../eligibility';

export interface CheckEligibilityInput {
  location: { latitude?: number; longitude?: number; address: string };
  unit?: string;
  eligibility: Eligibility;
}

export function notEligible(reasons: (keyof typeof INELIGIBLE_TEXT)[]): AppError {
  return ruleSaysNo('NOT_ELIGIBLE', reasons[0], `${INELIGIBLE_TEXT[reasons[0]]}。`, {
    reasons,
    call: '122',
    advice: reasons.map((r) => INELIGIBLE_TEXT[r]),
  });
}

/** The unit that handles the case, when quick processing is allowed at all. */
export async function checkEligibility(deps: AppDeps, input: CheckEligibilityInput) {
  const reasons = ineligibleReasons(input.eligibility);
  if (reasons.length) throw notEligible(reasons);
  const { latitude, longitude } = input.location;
  const located = latitude !== undefined && longitude !== undefined;
  if (!input.unit && !located) {
    throw badRequest([{ path: 'unit', message: 'required without coordinates', in: 'body' }], '没有定位时请选择事故所在的大队');
  }
  const code = input.unit ?? unitCodeForPlace(await unitCentres(deps), latitude!, longitude!, input.eligibility.onExpressway);
  if (!code) throw badRequest([{ path: 'unit', message: 'no unit has a district set', in: 'body' }], '无法按位置确定大队，请选择事故所在的大队');
  const unit = await deps.db.unit.findUnique({ where: { code }, select: { id: true, code: true, name: true, serviceHours: true, expresswayQuick: true } });
  if (!unit) throw badRequest([{ path: 'unit', message: 'unknown unit', in: 'body' }], '没有这个大队');
  if ((input.eligibility.onExpressway || unit.code === EXPRESSWAY_UNIT) && !unit.expresswayQuick) throw notEligible(['EXPRESSWAY']);
  if (!withinServiceHours(unit.serviceHours, new Date())) throw notEligible(['OUTSIDE_SERVICE_HOURS']);
  return unit;
}

/** The district centres the admins keep in the unit settings (a few rows, read per report). */
async function unitCentres(deps: Pick<AppDeps, 'db'>) {
  const rows = await deps.db.unit.findMany({
    where: { areaLatitude: { not: null }, areaLongitude: { not: null } },
    select: { code: true, areaLatitude: true, areaLongitude: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({ code: r.code, latitude: Number(r.areaLatitude), longitude: Number(r.areaLongitude) }));
}
