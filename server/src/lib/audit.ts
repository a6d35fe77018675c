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

/**
 * MariaDB's JSON check refuses a lone UTF-16 surrogate (JSON.stringify writes it as \udXXX), which
 * user input may hold: such a character is kept as U+FFFD, not turned into a 500.
 */
function wellFormed(details: Prisma.InputJsonValue | undefined): Prisma.InputJsonValue | undefined {
  if (details === undefined) return undefined;
  return JSON.parse(JSON.stringify(details, (_key, v: unknown) => (typeof v === 'string' ? v.replace(/\p{Surrogate}/gu, '\uFFFD') : v)));
}

export function audit(tx: Tx, entry: AuditEntry) {
  return tx.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined ? undefined : String(entry.entityId),
      details: wellFormed(entry.details),
      ip: entry.ip,
    },
    select: { id: true },
  });
}
