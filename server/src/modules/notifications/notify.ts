// The one entry for services: notify(tx, …) inside the service's own transaction writes the
// message-centre entry and one outbox row per WeChat channel; the dedupe key makes it once-only.
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../db';
import type { EventName, NotifyInput } from './events';
import { MESSAGE_CENTRE, type CentreText } from './message-centre-text';

type Tx = Db | Prisma.TransactionClient;

export async function notify<E extends EventName>(tx: Tx, input: NotifyInput<E>): Promise<void> {
  const text = (MESSAGE_CENTRE[input.event] as unknown as (d: NotifyInput<E>['data']) => CentreText)(input.data);
  const driver = await tx.driver.findUnique({
    where: { id: input.driverId },
    select: { unionid: true, followsOfficialAccount: true },
  });
  if (!driver) return;
  const payload = JSON.parse(JSON.stringify(input.data)) as Prisma.InputJsonValue;
  const channels: ('SUBSCRIBE' | 'OFFICIAL_TEMPLATE')[] = ['SUBSCRIBE'];
  if (driver.followsOfficialAccount && driver.unionid) channels.push('OFFICIAL_TEMPLATE');
  // createMany with skipDuplicates is INSERT IGNORE: a repeated dedupe key adds nothing.
  await tx.messageCentreEntry.createMany({
    data: [{ driverId: input.driverId, event: input.event, title: text.title, body: text.body, link: text.link, dedupeKey: input.dedupeKey }],
    skipDuplicates: true,
  });
  await tx.notificationOutbox.createMany({
    data: channels.map((channel) => ({
      driverId: input.driverId,
      channel,
      event: input.event,
      templateKey: text.templateKey,
      dedupeKey: input.dedupeKey,
      payload,
      nextAttemptAt: input.notBefore ?? new Date(),
    })),
    skipDuplicates: true,
  });
}
