// Vehicles the driver bound and still owns (a vehicle sold since is no longer shown).
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { vehicleView } from '../views';

export interface OwnVehiclesInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  now?: Date;
}

export async function ownVehicles(deps: Pick<AppDeps, 'db'>, input: OwnVehiclesInput) {
  const { caller, now = new Date() } = input;
  if (!caller.idNumber) return { items: [], total: 0 };
  const links = await deps.db.driverVehicle.findMany({
    where: { driverId: caller.id, vehicle: { ownerIdNumber: caller.idNumber } },
    include: { vehicle: true },
    orderBy: { boundAt: 'desc' },
  });
  const items = links.map((l) => vehicleView(l.vehicle, l.boundAt, now));
  return { items, total: items.length };
}
