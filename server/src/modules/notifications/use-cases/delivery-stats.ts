// Outbox rows by channel and template, each with pending / sent / failed / skipped; optionally those
// written from a time (`since`) and before another (`until`: the statistics' ranges).
import type { AppDeps } from '../../../deps';

const STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;

export interface DeliveryStatsInput {
  since?: Date;
  until?: Date;
}

export async function deliveryStats(deps: Pick<AppDeps, 'db'>, input: DeliveryStatsInput) {
  const groups = await deps.db.notificationOutbox.groupBy({
    by: ['channel', 'templateKey', 'status'],
    where: input.since || input.until ? { createdAt: { gte: input.since, lt: input.until } } : {},
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
