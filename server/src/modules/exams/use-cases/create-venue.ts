// POST /api/admin/venues: a new exam venue, optionally of a unit; names are unique.
import type { AppDeps } from '../../../deps';
import { conflict, notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { isUniqueViolation } from '../../../lib/db-errors';

export interface CreateVenueInput {
  staffId: number;
  name: string;
  address: string;
  unit?: string;
  ip?: string;
}

export async function createVenue(deps: AppDeps, input: CreateVenueInput) {
  const unit = input.unit ? await deps.db.unit.findUnique({ where: { code: input.unit }, select: { id: true } }) : null;
  if (input.unit && !unit) throw notFound('没有这个大队');
  try {
    return await deps.db.$transaction(async (tx) => {
      const venue = await tx.venue.create({
        data: { name: input.name, address: input.address, unitId: unit?.id },
        select: { id: true, name: true, address: true },
      });
      await audit(tx, { actor: { type: 'STAFF', id: input.staffId }, action: 'exam.venue_created', entityType: 'Venue', entityId: venue.id, ip: input.ip });
      return venue;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('VENUE_EXISTS', '已有同名考场');
    throw err;
  }
}
