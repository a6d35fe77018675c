// The one entry for services: notify(tx, …) inside the service's own transaction writes the
// message-centre entry and one outbox row per WeChat channel; the dedupe key makes it once-only.
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../db';
import type { EventName, NotifyInput } from './events';
import { MESSAGE_CENTRE, type CentreText } from './message-centre-text';

type Tx = Db | Prisma.TransactionClient;

/** Any one notice, its data checked against its event. */
export type Notice = { [E in EventName]: NotifyInput<E> }[EventName];

/** One parameterised statement, for Prisma's `$executeRawUnsafe` or the driver's `query`. */
export interface SqlStatement {
  sql: string;
  values: unknown[];
}

/**
 * Two statements for any number of notices, no read: notify() runs inside hot transactions
 * (taking an exam seat). INSERT IGNORE on the unique dedupe keys makes a repeated call add nothing;
 * joining Driver makes an unknown driver add nothing; the official-account row exists only for
 * followers.
 */
export function notifyStatements(inputs: readonly Notice[]): SqlStatement[] {
  if (inputs.length === 0) return [];
  const now = new Date();
  const rows = inputs.map((input) => {
    const text = (MESSAGE_CENTRE[input.event] as unknown as (d: unknown) => CentreText)(input.data);
    return { input, text };
  });
  // One derived table of the notices, a SELECT of parameters per notice; k keeps their order.
  const notices = rows
    .map((_, k) =>
      k === 0
        ? 'SELECT 0 AS k, ? AS driverId, ? AS event, ? AS title, ? AS body, ? AS link, ? AS templateKey, ? AS dedupeKey, ? AS payload, ? AS notBefore'
        : `SELECT ${k}, ?, ?, ?, ?, ?, ?, ?, ?, ?`,
    )
    .join(' UNION ALL ');
  const values = rows.flatMap(({ input, text }) => [
    input.driverId, input.event, text.title, text.body, text.link, text.templateKey, input.dedupeKey,
    JSON.stringify(input.data), input.notBefore ?? now,
  ]);
  return [
    {
      // Dated when due: a scheduled notice shows in the message centre from then on.
      sql: `INSERT IGNORE INTO MessageCentreEntry (driverId, event, title, body, link, dedupeKey, createdAt)
            SELECT d.id, n.event, n.title, n.body, n.link, n.dedupeKey, n.notBefore
              FROM (${notices}) n JOIN Driver d ON d.id = n.driverId
             ORDER BY n.k`,
      values,
    },
    {
      sql: `INSERT IGNORE INTO NotificationOutbox
                   (driverId, channel, event, templateKey, dedupeKey, payload, status, attempts, nextAttemptAt, quotaHeld, createdAt, updatedAt)
            SELECT d.id, c.channel, n.event, n.templateKey, n.dedupeKey, n.payload, 'PENDING', 0, n.notBefore, false, ?, ?
              FROM (${notices}) n
              JOIN Driver d ON d.id = n.driverId
              JOIN (SELECT 'SUBSCRIBE' AS channel UNION ALL SELECT 'OFFICIAL_TEMPLATE') c
                ON c.channel = 'SUBSCRIBE' OR (d.followsOfficialAccount AND d.unionid IS NOT NULL)
             ORDER BY n.k, c.channel DESC`,
      values: [now, now, ...values],
    },
  ];
}

/** Writes the message-centre entries and the outbox rows inside the caller's transaction. */
export async function notify(tx: Tx, input: Notice | readonly Notice[]): Promise<void> {
  const inputs: readonly Notice[] = Array.isArray(input) ? input : [input as Notice];
  for (const { sql, values } of notifyStatements(inputs)) await tx.$executeRawUnsafe(sql, ...values);
}
