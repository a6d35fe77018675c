// The officer's queue in SQL (two queries): both walk the (unitId, status, updatedAt) index; the
// plates come from a subquery per listed row only. Measured by bench/accidents.ts (the queue).
import { Prisma } from '../../generated/prisma/client';
import type { AccidentStatus } from '../../generated/prisma/enums';

export interface QueueRow {
  id: number;
  caseNumber: string;
  status: AccidentStatus;
  occurredAt: Date;
  address: string;
  vehicleCount: number;
  disputed: boolean | number;
  scenario: string | null;
  updatedAt: Date | string;
  decidedAt: Date | null;
  plates: string | null;
}

export interface QueueFilter {
  unitId: number;
  status: AccidentStatus;
  disputed?: boolean;
}

const where = (f: QueueFilter) =>
  Prisma.sql`c.unitId = ${f.unitId} AND c.status = ${f.status} ${f.disputed === undefined ? Prisma.empty : Prisma.sql`AND c.disputed = ${f.disputed}`}`;

/** The review queue is oldest first; history (any other status) newest first. */
export function queuePageSql(f: QueueFilter, limit: number, offset: number): Prisma.Sql {
  const order = f.status === 'PENDING_REVIEW' ? Prisma.sql`c.updatedAt ASC, c.id ASC` : Prisma.sql`c.updatedAt DESC, c.id DESC`;
  return Prisma.sql`
      SELECT c.id, c.caseNumber, c.status, c.occurredAt, c.address, c.vehicleCount, c.disputed, c.scenario,
             c.updatedAt, c.decidedAt,
             (SELECT GROUP_CONCAT(p.plate ORDER BY p.role SEPARATOR ',') FROM AccidentParty p WHERE p.caseId = c.id) AS plates
        FROM AccidentCase c
       WHERE ${where(f)}
       ORDER BY ${order}
       LIMIT ${limit} OFFSET ${offset}`;
}

export function queueCountSql(f: QueueFilter): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS total FROM AccidentCase c WHERE ${where(f)}`;
}
