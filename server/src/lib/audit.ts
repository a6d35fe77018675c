// Writes an audit row; pass the transaction client so the row commits with the change it records.
import type { Prisma } from '../generated/prisma/client';
import type { Db } from '../db';

type Tx = Db | Prisma.TransactionClient;

export interface AuditEntry {
  actor: { type: 'DRIVER' | 'STAFF' | 'SYSTEM'; id?: number };
  action: string;
  entityType: string;
  entityId?: string | number;
  details?: Prisma.InputJsonValue;
  ip?: string;
}

export function audit(tx: Tx, entry: AuditEntry) {
  return tx.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined ? undefined : String(entry.entityId),
      details: entry.details,
      ip: entry.ip,
    },
    select: { id: true },
  });
}
