// The one entry for services: notify(tx, …) inside the service's own transaction writes the
// message-centre entry and one outbox row per WeChat channel; the dedupe key makes it once-only.
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../db';
import type { EventName, NotifyInput } from './events';
import { MESSAGE_CENTRE, type CentreText } from './message-centre-text';

type Tx = Db | Prisma.TransactionClient;

/**
 * Two statements, no read: notify() runs inside hot transactions (taking an exam seat). INSERT
 * IGNORE on the unique dedupe keys makes a repeated call add nothing; selecting from Driver makes
 * an unknown driver add nothing; the official-account row exists only for followers.
 */
export async function notify<E extends EventName>(tx: Tx, input: NotifyInput<E>): Promise<void> {
  const text = (MESSAGE_CENTRE[input.event] as unknown as (d: NotifyInput<E>['data']) => CentreText)(input.data);
  const now = new Date();
  const payload = JSON.stringify(input.data);
  await tx.$executeRaw`
    INSERT IGNORE INTO MessageCentreEntry (driverId, event, title, body, link, dedupeKey, createdAt)
    SELECT d.id, ${input.event}, ${text.title}, ${text.body}, ${text.link}, ${input.dedupeKey}, ${now}
      FROM Driver d WHERE d.id = ${input.driverId}`;
  await tx.$executeRaw`
    INSERT IGNORE INTO NotificationOutbox
           (driverId, channel, event, templateKey, dedupeKey, payload, status, attempts, nextAttemptAt, quotaHeld, createdAt, updatedAt)
    SELECT d.id, c.channel, ${input.event}, ${text.templateKey}, ${input.dedupeKey}, ${payload}, 'PENDING', 0,
           ${input.notBefore ?? now}, false, ${now}, ${now}
      FROM Driver d
      JOIN (SELECT 'SUBSCRIBE' AS channel UNION ALL SELECT 'OFFICIAL_TEMPLATE') c
        ON c.channel = 'SUBSCRIBE' OR (d.followsOfficialAccount AND d.unionid IS NOT NULL)
     WHERE d.id = ${input.driverId}`;
}
