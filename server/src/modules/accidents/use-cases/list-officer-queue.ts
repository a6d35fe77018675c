// GET /api/officer/accidents: the unit's cases in a status, for its officers.
import type { AppDeps } from '../../../deps';
import type { AccidentStatus } from '../../../generated/prisma/enums';
import { pageLimit, type PageQuery } from '../../../lib/pagination';
import { unitOf, type OfficerCaller } from '../callers';
import { reviewDueAt, reviewLimitMs } from '../review-deadline';
import { queueCountSql, queuePageSql, type QueueRow } from '../queue-sql';

export interface ListOfficerQueueInput extends PageQuery {
  caller: OfficerCaller;
  status: AccidentStatus;
  disputed?: boolean;
}

export async function listOfficerQueue(deps: AppDeps, input: ListOfficerQueueInput) {
  const filter = { unitId: unitOf(input.caller), status: input.status, disputed: input.disputed };
  const { limit, offset } = pageLimit(input);
  const [rows, counted, unit] = await Promise.all([
    deps.db.$queryRaw<QueueRow[]>(queuePageSql(filter, limit, offset)),
    deps.db.$queryRaw<{ total: bigint | number }[]>(queueCountSql(filter)),
    deps.db.unit.findUnique({ where: { id: filter.unitId }, select: { serviceHours: true, reviewLimitMinutes: true } }),
  ]);
  const now = Date.now();
  const serviceHours = unit?.serviceHours ?? null;
  const limitMs = reviewLimitMs(unit, deps.config.accidents.reviewMs);
  return {
    items: rows.map((r) => {
      const updatedAt = r.updatedAt instanceof Date ? r.updatedAt : new Date(r.updatedAt);
      // Under review, updatedAt is when the case entered review (only a decision moves it on).
      const dueAt = r.status === 'PENDING_REVIEW' ? reviewDueAt(updatedAt, serviceHours, limitMs) : null;
      const overdue = dueAt !== null && dueAt.getTime() <= now;
      return {
        id: Number(r.id),
        caseNumber: r.caseNumber,
        status: r.status,
        occurredAt: r.occurredAt,
        address: r.address,
        vehicleCount: Number(r.vehicleCount),
        disputed: r.disputed === true || Number(r.disputed) === 1,
        scenario: r.scenario,
        plates: r.plates ? r.plates.split(',') : [],
        submittedAt: updatedAt,
        decidedAt: r.decidedAt,
        waitingMinutes: r.status === 'PENDING_REVIEW' ? Math.max(0, Math.floor((now - updatedAt.getTime()) / 60_000)) : null,
        dueAt,
        overdue,
        /** Since when it is overdue (its due time), null while it is not. */
        overdueSince: overdue ? dueAt : null,
      };
    }),
    total: Number(counted[0]?.total ?? 0),
  };
}
