// Failed rows, and pending ones that have failed at least once, newest first, with their last error.
import type { AppDeps } from '../../../deps';
import type { Prisma } from '../../../generated/prisma/client';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';

export interface DeliveryFailuresInput {
  status: 'FAILED' | 'RETRYING';
  page: PageQuery;
}

export async function deliveryFailures(deps: Pick<AppDeps, 'db'>, input: DeliveryFailuresInput) {
  const where: Prisma.NotificationOutboxWhereInput =
    input.status === 'FAILED' ? { status: 'FAILED' } : { status: 'PENDING', lastError: { not: null } };
  return paginate(
    deps.db.notificationOutbox.findMany({
      where,
      select: {
        id: true, driverId: true, staffId: true, channel: true, event: true, templateKey: true, status: true,
        attempts: true, lastError: true, nextAttemptAt: true, createdAt: true, updatedAt: true,
      },
      orderBy: { id: 'desc' },
      ...pageArgs(input.page),
    }),
    deps.db.notificationOutbox.count({ where }),
  );
}
