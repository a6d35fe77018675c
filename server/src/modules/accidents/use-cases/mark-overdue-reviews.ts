// The review-overdue job (accident-review-overdue in workers/jobs.ts): a case under review past its
// deadline (review-deadline.ts) gets one REVIEW_OVERDUE event, which the officers' live queue sends
// to the unit's consoles as `case.overdue`, and in the same transaction one WeChat alert to each of
// the unit's officers who can be pushed (staff-alerts.ts; the officers alerted again, once). No status change.
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
import { acquireLease, releaseLease } from '../../../lib/lease';
import { alertUnitOfficers, OFFICER_EVENTS } from '../../notifications/staff-alerts';
import { reviewDueAt, reviewLimitMs } from '../review-deadline';

export const REVIEW_OVERDUE = 'REVIEW_OVERDUE';

export interface MarkOverdueInput {
  now?: Date;
  batch?: number;
}

interface Candidate {
  id: number;
  caseNumber: string;
  address: string;
  unitId: number;
  version: number;
  updatedAt: Date;
  serviceHours: string | null;
  reviewLimitMinutes: number | null;
}

export async function markOverdueReviews(deps: AppDeps, input: MarkOverdueInput = {}): Promise<number> {
  const { now = new Date(), batch = 500 } = input;
  const defaultMs = deps.config.accidents.reviewMs;
  // Working time never runs faster than the clock, so no case entered less than its unit's limit ago is due.
  const candidates = await deps.db.$queryRawUnsafe<Candidate[]>(
    `SELECT c.id, c.caseNumber, c.address, c.unitId, c.version, c.updatedAt, u.serviceHours, u.reviewLimitMinutes
       FROM AccidentCase c JOIN Unit u ON u.id = c.unitId
      WHERE c.status = 'PENDING_REVIEW' AND c.updatedAt <= DATE_SUB(?, INTERVAL COALESCE(u.reviewLimitMinutes, ?) MINUTE)
        AND NOT EXISTS (SELECT 1 FROM CaseEvent e WHERE e.caseId = c.id AND e.type = ? AND e.at >= c.updatedAt)
      ORDER BY c.updatedAt, c.id
      LIMIT ?`,
    now,
    Math.round(defaultMs / 60_000),
    REVIEW_OVERDUE,
    batch,
  );
  let marked = 0;
  for (const c of candidates) {
    const enteredAt = new Date(c.updatedAt);
    const dueAt = reviewDueAt(enteredAt, c.serviceHours, reviewLimitMs({ reviewLimitMinutes: c.reviewLimitMinutes === null ? null : Number(c.reviewLimitMinutes) }, defaultMs));
    if (dueAt.getTime() > now.getTime()) continue;
    const won = await deps.db.$transaction(async (tx) => {
      const changed = await tx.$executeRawUnsafe(
        `UPDATE AccidentCase SET version = version + 1 WHERE id = ? AND status = 'PENDING_REVIEW' AND version = ?`,
        Number(c.id),
        Number(c.version),
      );
      if (changed !== 1) return false;
      await addEvent(tx, Number(c.id), REVIEW_OVERDUE, SYSTEM, { details: { dueAt: dueAt.toISOString(), enteredAt: enteredAt.toISOString() } });
      // Once per entry into review: the key names the entry, and only this transaction got here.
      await alertUnitOfficers(tx, {
        unitId: Number(c.unitId),
        event: OFFICER_EVENTS.overdue,
        data: { caseId: Number(c.id), caseNumber: c.caseNumber, address: c.address, reason: 'OVERDUE', enteredAt: enteredAt.toISOString() },
        dedupeKey: `case:${Number(c.id)}:overdue:${enteredAt.getTime()}`,
      });
      return true;
    });
    if (won) marked++;
  }
  return marked;
}

export const REVIEW_OVERDUE_LEASE = 'accident-review-overdue';

/**
 * The worker job: one process at a time marks (the lease, given back after the run so any process
 * may take the next); the conditional update and the alerts' unique keys keep it once-only even if
 * the lease expired mid-run.
 */
export async function runReviewOverdueJob(deps: AppDeps, leaseMs = 50_000): Promise<number> {
  if (!(await acquireLease(deps.db, REVIEW_OVERDUE_LEASE, leaseMs))) return 0;
  try {
    return await markOverdueReviews(deps);
  } finally {
    await releaseLease(deps.db, REVIEW_OVERDUE_LEASE);
  }
}
