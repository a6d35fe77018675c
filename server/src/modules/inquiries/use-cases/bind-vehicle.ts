// Binds a vehicle registered to the caller by its plate and the end of its VIN. Failed attempts are
// counted per driver and per plate, so neither can be guessed by trying.
import { normalisePlate } from '@jiaoguan/contracts/plate';
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { notFound, ruleSaysNo } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { consumeAll, refundAll, type Counted } from '../../../lib/rate-limit';
import { vehicleView } from '../views';

const identityRequired = () =>
  ruleSaysNo('IDENTITY_REQUIRED', 'IDENTITY_NOT_BOUND', '请先在“我的”中完成身份认证，再查询本人信息');

export interface BindVehicleInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  plate: string;
  /** The last 4 or 6 characters of the VIN. */
  vinSuffix: string;
  ip?: string;
}

/** Answers whether the link is new: binding a vehicle already bound changes nothing. */
export async function bindVehicle(deps: Pick<AppDeps, 'db' | 'config' | 'limits'>, input: BindVehicleInput) {
  const { caller, ip } = input;
  const limits = deps.config.inquiries.vehicleBind;
  if (!caller.idNumber) throw identityRequired();
  const plate = normalisePlate(input.plate);
  const suffix = input.vinSuffix.trim().toUpperCase();
  const { maxFailures, windowMs } = limits;
  const counted: Counted[] = [
    { limiter: deps.limits.limiter('vehicle-bind-driver', { points: maxFailures, windowMs }), key: String(caller.id) },
    { limiter: deps.limits.limiter('vehicle-bind-plate', { points: maxFailures * 2, windowMs }), key: plate },
  ];
  await consumeAll(counted, () => '尝试次数过多，请稍后再试');
  const candidates = await deps.db.vehicle.findMany({ where: { plate } });
  const match = candidates.find((v) => v.vin.endsWith(suffix) && v.ownerIdNumber === caller.idNumber);
  if (!match) throw notFound('号牌号码或车架号后几位不正确，或该车不在您名下');
  await refundAll(counted);
  const { link, created } = await deps.db.$transaction(async (tx) => {
    const existing = await tx.driverVehicle.findUnique({
      where: { driverId_vehicleId: { driverId: caller.id, vehicleId: match.id } },
    });
    if (existing) return { link: existing, created: false };
    const bound = await tx.driverVehicle.create({ data: { driverId: caller.id, vehicleId: match.id } });
    await audit(tx, {
      actor: { type: 'DRIVER', id: caller.id },
      action: 'vehicle.bound',
      entityType: 'Vehicle',
      entityId: match.id,
      details: { plate: match.plate },
      ip,
    });
    return { link: bound, created: true };
  });
  return { created, vehicle: vehicleView(match, link.boundAt, new Date()) };
}
