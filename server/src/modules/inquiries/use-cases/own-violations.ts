// Violations of the driver's own vehicles and licence, newest first, with late fees and what is outstanding.
import { VIOLATION_STATUS_LABELS } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import { Prisma } from '../../../generated/prisma/client';
import type { Caller } from '../../../http/auth';
import { slicePage, type PageQuery } from '../../../lib/pagination';
import type { ViolationRow } from '../import-rows';
import { PLATE_TYPE_NAMES } from '../codes';
import { lateFeeFen, paymentDueAt } from '../rules';

type ViolationRecord = Omit<ViolationRow, 'licenceNumber'> & { id: number };

export interface OwnViolationsInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  page: PageQuery;
  status?: 'UNPROCESSED' | 'PROCESSED' | 'PAID';
  now?: Date;
}

/**
 * Violations of the driver's own vehicles (bound and still owned) and of their licence, newest
 * first, with totals of what is outstanding. One round trip: the vehicles come from a join, on
 * plate AND plate type, since one plate number can be a large car and a small car of two owners.
 */
export async function ownViolations(deps: Pick<AppDeps, 'db'>, input: OwnViolationsInput) {
  const { caller, now = new Date() } = input;
  const empty = { items: [], total: 0, totals: { outstandingCount: 0, fineFen: 0, lateFeeFen: 0, amountDueFen: 0, points: 0 } };
  if (!caller.idNumber) return empty;
  const columns = Prisma.sql`x.id, x.plate, x.plateType, x.occurredAt, x.place, x.code, x.description, x.fineFen, x.points, x.status, x.decidedAt`;
  const rows = await deps.db.$queryRaw<ViolationRecord[]>`
    SELECT ${columns} FROM Violation x
      JOIN Vehicle v ON v.plate = x.plate AND v.plateType = x.plateType AND v.ownerIdNumber = ${caller.idNumber}
      JOIN DriverVehicle dv ON dv.vehicleId = v.id AND dv.driverId = ${caller.id}
    UNION
    SELECT ${columns} FROM Violation x WHERE x.licenceNumber = ${caller.idNumber}
    ORDER BY occurredAt DESC, id DESC`;
  let outstandingCount = 0;
  let fineFen = 0;
  let lateFee = 0;
  let points = 0;
  const views = rows.map((r) => {
    const fee = lateFeeFen(r, now);
    if (r.status !== 'PAID') {
      outstandingCount += 1;
      fineFen += r.fineFen;
      lateFee += fee;
      points += r.points;
    }
    return {
      id: r.id,
      plate: r.plate,
      plateType: r.plateType,
      plateTypeText: PLATE_TYPE_NAMES[r.plateType] ?? r.plateType,
      occurredAt: r.occurredAt,
      place: r.place,
      code: r.code,
      description: r.description,
      fineFen: r.fineFen,
      points: r.points,
      status: r.status,
      statusText: VIOLATION_STATUS_LABELS[r.status],
      decidedAt: r.decidedAt,
      paymentDueAt: paymentDueAt(r.decidedAt),
      lateFeeFen: fee,
      amountDueFen: r.status === 'PAID' ? 0 : r.fineFen + fee,
    };
  });
  const filtered = input.status ? views.filter((v) => v.status === input.status) : views;
  return {
    ...slicePage(filtered, input.page),
    totals: { outstandingCount, fineFen, lateFeeFen: lateFee, amountDueFen: fineFen + lateFee, points },
  };
}
