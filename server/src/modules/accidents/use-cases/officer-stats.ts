// GET /api/officer/stats: the officer's day (Asia/Shanghai): the cases of their unit they decided since
// midnight, by decision (a case counts once per decision, from its events), and the unit's review queue.
import { shanghaiDay, shanghaiMidnight } from '@jiaoguan/contracts/time';
import type { OfficerDecision } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import { Prisma } from '../../../generated/prisma/client';
import { CASE_MACHINE } from '../case-machine';
import { unitOf, type OfficerCaller } from '../callers';

export interface OfficerStatsInput {
  caller: OfficerCaller;
  now?: Date;
}

/** The decision each deciding event records, from the case machine. */
const DECISION_OF_EVENT: Record<string, OfficerDecision> = Object.fromEntries(
  (['CONFIRM', 'RETURN', 'TRANSFER'] as const).map((d) => [CASE_MACHINE[d].events[0], d]),
);

export async function officerStats(deps: AppDeps, input: OfficerStatsInput) {
  const { caller, now = new Date() } = input;
  const unitId = unitOf(caller);
  const day = shanghaiDay(now);
  const from = shanghaiMidnight(day);
  const [decided, waiting] = await Promise.all([
    // Cases updated since midnight narrow the events to read (a decision updates its case).
    deps.db.$queryRaw<{ type: string; cases: bigint | number }[]>`
      SELECT e.type, COUNT(DISTINCT e.caseId) AS cases
        FROM AccidentCase c
        JOIN CaseEvent e ON e.caseId = c.id
       WHERE c.unitId = ${unitId} AND c.updatedAt >= ${from}
         AND e.actorType = 'STAFF' AND e.actorId = ${caller.id} AND e.at >= ${from}
         AND e.type IN (${Prisma.join(Object.keys(DECISION_OF_EVENT))})
       GROUP BY e.type`,
    deps.db.$queryRaw<{ total: bigint | number; disputed: bigint | number | null }[]>`
      SELECT COUNT(*) AS total, SUM(c.disputed) AS disputed
        FROM AccidentCase c
       WHERE c.unitId = ${unitId} AND c.status = 'PENDING_REVIEW'`,
  ]);
  const counts: Record<OfficerDecision, number> = { CONFIRM: 0, RETURN: 0, TRANSFER: 0 };
  for (const row of decided) counts[DECISION_OF_EVENT[row.type]] = Number(row.cases);
  return {
    day,
    decided: { ...counts, total: counts.CONFIRM + counts.RETURN + counts.TRANSFER },
    waiting: { total: Number(waiting[0]?.total ?? 0), disputed: Number(waiting[0]?.disputed ?? 0) },
  };
}
