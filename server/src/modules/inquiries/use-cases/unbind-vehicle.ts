// Unbinds one of the caller's vehicles (audited); someone else's, or one not bound, is 404.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';

export interface UnbindVehicleInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  vehicleId: number;
  ip?: string;
}

export async function unbindVehicle(deps: Pick<AppDeps, 'db'>, input: UnbindVehicleInput) {
  const { caller, vehicleId, ip } = input;
  const removed = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.driverVehicle.deleteMany({ where: { driverId: caller.id, vehicleId } });
    if (count) {
      await audit(tx, { actor: { type: 'DRIVER', id: caller.id }, action: 'vehicle.unbound', entityType: 'Vehicle', entityId: vehicleId, ip });
    }
    return count;
  });
  if (!removed) throw notFound();
  return { id: vehicleId, bound: false };
}
