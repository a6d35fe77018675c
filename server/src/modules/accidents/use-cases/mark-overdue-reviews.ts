// The review-overdue job (accident-review-overdue in workers/jobs.ts): a case under review past its
// deadline (review-deadline.ts) gets one REVIEW_OVERDUE event, which the officers' live queue sends
// to the unit's consoles as `case.overdue` (the officers alerted again, once). No status change.
//
// The case entered review at its `updatedAt`: only the case machine's act() writes a case, and
// nothing moves one under review except the decision that ends it. Once per entry into review: a
// case with a REVIEW_OVERDUE event at or after its entry is not picked again, and a resubmitted case
// (a later entry) can be overdue again. Safe with several processes: the event is written only by
// the process whose conditional UPDATE (status and version; the version bumped in plain SQL so
// updatedAt, the entry time, stays) changed the row; the others change nothing.
import type { AppDeps } from '../../../deps';
import { SYSTEM } from '../callers';
import { addEvent } from '../case-store';
import { reviewDueAt } from '../review-deadline';

export const REVIEW_OVERDUE = 'REVIEW_OVERDUE';

export interface MarkOverdueInput {
  now?: Date;
  batch?: number;
}

interface Candidate {
  id: number;
  version: number;
  updatedAt: Date;
  serviceHours: string | null;
}

export async function markOverdueReviews(deps: AppDeps, input: MarkOverdueInput = {}): Promise<number> {
  const { now = new Date(), batch = 500 } = input;
  const limitMs = deps.config.accidents.reviewMs;
  // Working time never runs faster than the clock, so no case entered less than the limit ago is due.
  const candidates = await deps.db.$queryRawUnsafe<Candidate[]>(
    `SELECT c.id, c.version, c.updatedAt, u.serviceHours
       FROM AccidentCase c JOIN Unit u ON u.id = c.unitId
      WHERE c.status = 'PENDING_REVIEW' AND c.updatedAt <= ?
        AND NOT EXISTS (SELECT 1 FROM CaseEvent e WHERE e.caseId = c.id AND e.type = ? AND e.at >= c.updatedAt)
      ORDER BY c.updatedAt, c.id
      LIMIT ?`,
    new Date(now.getTime() - limitMs),
    REVIEW_OVERDUE,
    batch,
  );
  let marked = 0;
  for (const c of candidates) {
    const enteredAt = new Date(c.updatedAt);
    const dueAt = reviewDueAt(enteredAt, c.serviceHours, limitMs);
    if (dueAt.getTime() > now.getTime()) continue;
    const won = await deps.db.$transaction(async (tx) => {
      const changed = await tx.$executeRawUnsafe(
        `UPDATE AccidentCase SET version = version + 1 WHERE id = ? AND status = 'PENDING_REVIEW' AND version = ?`,
        Number(c.id),
        Number(c.version),
      );
      if (changed !== 1) return false;
      await addEvent(tx, Number(c.id), REVIEW_OVERDUE, SYSTEM, { details: { dueAt: dueAt.toISOString(), enteredAt: enteredAt.toISOString() } });
      return true;
    });
    if (won) marked++;
  }
  return marked;
}
