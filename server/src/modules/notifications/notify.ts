// The one entry for services: notify(tx, …) inside the service's own transaction writes the
// message-centre entry and one outbox row, whose one push channel the dispatcher chooses when it
// sends (channel-rule.ts); the dedupe key makes it once-only.
import type { Prisma } from '../../generated/prisma/client';
import type { Db, SqlStatement } from '../../db';
import type { EventName, NotifyInput } from './events';
import { MESSAGE_CENTRE, type CentreText } from './message-centre-text';

type Tx = Db | Prisma.TransactionClient;

/** Any one notice, its data checked against its event. */
export type Notice = { [E in EventName]: NotifyInput<E> }[EventName];

/** Who a notice goes to: a driver whose account is in use. */
export interface Recipient {
  driverId: number;
}

/** The recipients among these drivers, read inside the transaction; unknown and deleted accounts are left out. */
export async function recipientsOf(tx: Tx, driverIds: readonly number[]): Promise<Recipient[]> {
  const ids = [...new Set(driverIds)];
  if (ids.length === 0) return [];
  const rows = await tx.driver.findMany({ where: { id: { in: ids }, deletedAt: null }, select: { id: true } });
  return rows.map((d) => ({ driverId: d.id }));
}

/**
 * Two multi-row INSERT IGNOREs for any number of notices, given their recipients (notices to
 * anyone else are left out). INSERT IGNORE on the unique dedupe keys makes a repeated call add
 * nothing. Plain VALUES on purpose: INSERT … SELECT takes the table's AUTO-INC lock until the
 * statement ends (innodb_autoinc_lock_mode 1), which serialised concurrent bookings' notices;
 * measured in docs/benchmarks.md.
 */
export function notifyStatements(inputs: readonly Notice[], recipients: readonly Recipient[]): SqlStatement[] {
  const byDriver = new Map(recipients.map((r) => [r.driverId, r]));
  const now = new Date();
  const centre: unknown[][] = [];
  const outbox: unknown[][] = [];
  for (const input of inputs) {
    const recipient = byDriver.get(input.driverId);
    if (!recipient) continue;
    const text = (MESSAGE_CENTRE[input.event] as unknown as (d: unknown) => CentreText)(input.data);
    const due = input.notBefore ?? now;
    // Dated when due: a scheduled notice shows in the message centre from then on.
    centre.push([input.driverId, input.event, text.title, text.body, text.link, input.dedupeKey, due]);
    outbox.push([input.driverId, input.event, text.templateKey, input.dedupeKey, JSON.stringify(input.data), due, now, now]);
  }
  if (centre.length === 0) return [];
  const rowsOf = (rows: unknown[][], row: string) => rows.map(() => row).join(', ');
  return [
    {
      sql: `INSERT IGNORE INTO MessageCentreEntry (driverId, event, title, body, link, dedupeKey, createdAt)
            VALUES ${rowsOf(centre, '(?, ?, ?, ?, ?, ?, ?)')}`,
      values: centre.flat(),
    },
    {
      sql: `INSERT IGNORE INTO NotificationOutbox
                   (driverId, event, templateKey, dedupeKey, payload, nextAttemptAt, createdAt, updatedAt, channel, status, attempts, quotaHeld)
            VALUES ${rowsOf(outbox, "(?, ?, ?, ?, ?, ?, ?, ?, 'AUTO', 'PENDING', 0, false)")}`,
      values: outbox.flat(),
    },
  ];
}

/** Writes the message-centre entries and the outbox rows inside the caller's transaction. */
export async function notify(tx: Tx, input: Notice | readonly Notice[]): Promise<void> {
  const inputs: readonly Notice[] = Array.isArray(input) ? input : [input as Notice];
  const recipients = await recipientsOf(tx, inputs.map((n) => n.driverId));
  for (const { sql, values } of notifyStatements(inputs, recipients)) await tx.$executeRawUnsafe(sql, ...values);
}
