// Message centre (list, mark read), subscription answers, and the admins' delivery figures.
import { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../db';
import { notFound } from '../../http/errors';
import type { TemplateKey } from './events';

export { TEMPLATE_KEYS } from '@jiaoguan/contracts/labels';

const entrySelect = { id: true, event: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;
type EntryRow = Prisma.MessageCentreEntryGetPayload<{ select: typeof entrySelect }>;
const toView = (e: EntryRow) => ({ ...e, read: e.readAt !== null });

/**
 * A scheduled notice (the exam reminder) enters the message centre dated when it is due and shows
 * from then on, as its WeChat message does; not the day the booking was made.
 */
const arrived = (driverId: number) => ({ driverId, createdAt: { lte: new Date() } });

export async function listNotifications(db: Db, driverId: number, page: number, pageSize: number) {
  const [items, total, unread] = await Promise.all([
    db.messageCentreEntry.findMany({
      where: arrived(driverId),
      select: entrySelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.messageCentreEntry.count({ where: arrived(driverId) }),
    db.messageCentreEntry.count({ where: { ...arrived(driverId), readAt: null } }),
  ]);
  return { items: items.map(toView), total, unread };
}

export async function markRead(db: Db, driverId: number, id: number) {
  // Only the first read sets the time; reading again changes nothing.
  await db.messageCentreEntry.updateMany({ where: { ...arrived(driverId), id, readAt: null }, data: { readAt: new Date() } });
  const entry = await db.messageCentreEntry.findFirst({ where: { ...arrived(driverId), id }, select: entrySelect });
  if (!entry) throw notFound('没有找到这条消息');
  return toView(entry);
}

export async function markAllRead(db: Db, driverId: number) {
  const { count } = await db.messageCentreEntry.updateMany({ where: { ...arrived(driverId), readAt: null }, data: { readAt: new Date() } });
  return { updated: count, unread: 0 };
}

/** Records what requestSubscribeMessage returned: each accept adds one grant for that template. */
export async function recordSubscriptions(db: Db, driverId: number, answers: Partial<Record<TemplateKey, 'accept' | 'reject'>>) {
  return db.$transaction(async (tx) => {
    for (const [templateKey, answer] of Object.entries(answers)) {
      const accept = answer === 'accept' ? 1 : 0;
      await tx.$executeRaw`
        INSERT INTO SubscriptionQuota (driverId, templateKey, remaining, accepted, rejected, updatedAt)
        VALUES (${driverId}, ${templateKey}, ${accept}, ${accept}, ${1 - accept}, ${new Date()})
        ON DUPLICATE KEY UPDATE remaining = remaining + ${accept}, accepted = accepted + ${accept},
          rejected = rejected + ${1 - accept}, updatedAt = VALUES(updatedAt)`;
    }
    const rows = await tx.subscriptionQuota.findMany({
      where: { driverId },
      select: { templateKey: true, remaining: true, accepted: true, rejected: true },
      orderBy: { templateKey: 'asc' },
    });
    return { items: rows };
  });
}

const STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;

/** Counts by channel and template, each with pending / sent / failed / skipped; optionally since a time. */
export async function deliveryStats(db: Db, since?: Date) {
  const groups = await db.notificationOutbox.groupBy({
    by: ['channel', 'templateKey', 'status'],
    where: since ? { createdAt: { gte: since } } : {},
    _count: { _all: true },
  });
  const rows = new Map<string, { channel: string; templateKey: string; pending: number; sent: number; failed: number; skipped: number }>();
  const totals = { pending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const g of groups) {
    const key = `${g.channel}:${g.templateKey}`;
    const row = rows.get(key) ?? { channel: g.channel, templateKey: g.templateKey, pending: 0, sent: 0, failed: 0, skipped: 0 };
    const field = g.status.toLowerCase() as Lowercase<(typeof STATUSES)[number]>;
    row[field] += g._count._all;
    totals[field] += g._count._all;
    rows.set(key, row);
  }
  const items = [...rows.values()].sort((a, b) => a.channel.localeCompare(b.channel) || a.templateKey.localeCompare(b.templateKey));
  return { items, totals };
}

/** Failed rows, and pending ones that have failed at least once, newest first, with their last error. */
export async function deliveryFailures(db: Db, status: 'FAILED' | 'RETRYING', page: number, pageSize: number) {
  const where: Prisma.NotificationOutboxWhereInput =
    status === 'FAILED' ? { status: 'FAILED' } : { status: 'PENDING', lastError: { not: null } };
  const [items, total] = await Promise.all([
    db.notificationOutbox.findMany({
      where,
      select: {
        id: true, driverId: true, channel: true, event: true, templateKey: true, status: true,
        attempts: true, lastError: true, nextAttemptAt: true, createdAt: true, updatedAt: true,
      },
      orderBy: { id: 'desc' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.notificationOutbox.count({ where }),
  ]);
  return { items, total };
}
