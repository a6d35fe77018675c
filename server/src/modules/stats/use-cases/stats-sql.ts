// The statistics' aggregates, computed in the database: one GROUP BY per figure over the range's
// rows, days as Asia/Shanghai calendar days (CONVERT_TZ of the stored UTC to +08:00: Shanghai keeps
// one offset all year, so no time-zone tables are needed), percentiles with PERCENTILE_CONT
// (linear interpolation between the two nearest ranks, as a spreadsheet's PERCENTILE.INC).
import type { AppDeps } from '../../../deps';
import { Prisma } from '../../../generated/prisma/client';
import { CASE_MACHINE } from '../../accidents/case-machine';
import type { StatsScope } from '../range';

type Db = Pick<AppDeps, 'db'>['db'];
type Num = number | bigint | string | Prisma.Decimal | null;

/** A count, sum or average as the driver returns it (BIGINT, DECIMAL) as a plain number. */
export const num = (v: Num): number => (v === null ? 0 : Number(v));
const numOrNull = (v: Num): number | null => (v === null ? null : Number(v));

const shanghaiDayOf = (column: Prisma.Sql) => Prisma.sql`DATE_FORMAT(CONVERT_TZ(${column}, '+00:00', '+08:00'), '%Y-%m-%d')`;

/** The case events that put a case into review, and the officer's three decisions (from the case machine). */
export const ENTRY_EVENTS = [...CASE_MACHINE.SUBMIT.events, ...CASE_MACHINE.RESUBMIT.events];
export const RESUBMIT_EVENT = CASE_MACHINE.RESUBMIT.events[0];
export const HAND_OVER_EVENT = CASE_MACHINE.HAND_OVER.events[0];
export const DECISION_EVENTS = {
  confirmed: CASE_MACHINE.CONFIRM.events[0],
  returned: CASE_MACHINE.RETURN.events[0],
  transferred: CASE_MACHINE.TRANSFER.events[0],
} as const;

const inUnit = (scope: StatsScope, column: Prisma.Sql) => (scope.unit ? Prisma.sql`AND ${column} = ${scope.unit.id}` : Prisma.empty);

/** Case events of the range by Shanghai day and type (entries into review and decisions). */
export function caseEventsByDay(db: Db, scope: StatsScope) {
  const types = [...ENTRY_EVENTS, ...Object.values(DECISION_EVENTS)];
  return db.$queryRaw<{ day: string; type: string; n: Num }[]>`
    SELECT ${shanghaiDayOf(Prisma.sql`e.at`)} AS day, e.type AS type, COUNT(*) AS n
      FROM CaseEvent e
      JOIN AccidentCase c ON c.id = e.caseId
     WHERE e.type IN (${Prisma.join(types)}) AND e.at >= ${scope.start} AND e.at < ${scope.end}
           ${inUnit(scope, Prisma.sql`c.unitId`)}
     GROUP BY day, e.type`;
}

/**
 * Cases handed to another unit, by Shanghai day. The case is the other unit's now, so a unit's
 * handovers are found by the unit the event says it came from.
 */
export function handOversByDay(db: Db, scope: StatsScope) {
  const fromUnit = scope.unit ? Prisma.sql`AND JSON_VALUE(e.details, '$.fromUnit') = ${scope.unit.code}` : Prisma.empty;
  return db.$queryRaw<{ day: string; n: Num }[]>`
    SELECT ${shanghaiDayOf(Prisma.sql`e.at`)} AS day, COUNT(*) AS n
      FROM CaseEvent e
     WHERE e.type = ${HAND_OVER_EVENT} AND e.at >= ${scope.start} AND e.at < ${scope.end} ${fromUnit}
     GROUP BY day`;
}

export interface PercentileRow {
  day: string | null;
  n: Num;
  median: Num;
  p90: Num;
}

/**
 * Minutes from a case's entry into review to each decision of the range (the latest entry before
 * the decision: a returned case resubmitted is timed from its resubmission), by the decision's
 * Shanghai day and overall (the row whose day is null).
 */
export function decisionMinutes(db: Db, scope: StatsScope) {
  return db.$queryRaw<PercentileRow[]>`
    WITH d AS (
      SELECT ${shanghaiDayOf(Prisma.sql`e.at`)} AS day,
             TIMESTAMPDIFF(SECOND,
               (SELECT MAX(s.at) FROM CaseEvent s
                 WHERE s.caseId = e.caseId AND s.type IN (${Prisma.join(ENTRY_EVENTS)}) AND s.at <= e.at),
               e.at) / 60 AS minutes
        FROM CaseEvent e
        JOIN AccidentCase c ON c.id = e.caseId
       WHERE e.type IN (${Prisma.join(Object.values(DECISION_EVENTS))}) AND e.at >= ${scope.start} AND e.at < ${scope.end}
             ${inUnit(scope, Prisma.sql`c.unitId`)}
    )
    SELECT DISTINCT day, COUNT(*) OVER (PARTITION BY day) AS n,
           PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY minutes) OVER (PARTITION BY day) AS median,
           PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY minutes) OVER (PARTITION BY day) AS p90
      FROM d WHERE minutes IS NOT NULL
    UNION ALL
    SELECT DISTINCT NULL, COUNT(*) OVER (),
           PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY minutes) OVER (),
           PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY minutes) OVER ()
      FROM d WHERE minutes IS NOT NULL`;
}

/**
 * Consultations asked in the range, by Shanghai day: each is within the limit (first reply by its
 * due time), overdue (replied late, or unanswered past it at `now`) or waiting (unanswered, not due).
 */
export function consultationsByDay(db: Db, scope: StatsScope, now: Date) {
  return db.$queryRaw<{ day: string; created: Num; replied: Num; withinLimit: Num; overdue: Num; rated: Num; ratingSum: Num }[]>`
    SELECT ${shanghaiDayOf(Prisma.sql`createdAt`)} AS day,
           COUNT(*) AS created,
           SUM(firstReplyAt IS NOT NULL) AS replied,
           SUM(firstReplyAt IS NOT NULL AND (firstReplyDueAt IS NULL OR firstReplyAt <= firstReplyDueAt)) AS withinLimit,
           SUM(firstReplyDueAt IS NOT NULL AND COALESCE(firstReplyAt, ${now}) > firstReplyDueAt) AS overdue,
           COUNT(rating) AS rated,
           SUM(rating) AS ratingSum
      FROM Consultation
     WHERE createdAt >= ${scope.start} AND createdAt < ${scope.end}
     GROUP BY day`;
}

/** Minutes from a question to its first reply, over the range's answered questions. */
export function firstReplyMinutes(db: Db, scope: StatsScope) {
  return db.$queryRaw<PercentileRow[]>`
    SELECT DISTINCT NULL AS day, COUNT(*) OVER () AS n,
           PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY minutes) OVER () AS median,
           PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY minutes) OVER () AS p90
      FROM (SELECT TIMESTAMPDIFF(SECOND, createdAt, firstReplyAt) / 60 AS minutes
              FROM Consultation
             WHERE createdAt >= ${scope.start} AND createdAt < ${scope.end} AND firstReplyAt IS NOT NULL) r`;
}

/**
 * Exam sessions starting in the range (at the unit's venues), by subject, with their no-shows; a
 * session the office cancelled counts apart and offers no seats.
 */
export function examsBySubject(db: Db, scope: StatsScope) {
  return db.$queryRaw<{ subject: number; sessions: Num; cancelled: Num; capacity: Num; confirmed: Num; noShows: Num }[]>`
    SELECT subject, SUM(NOT cancelled) AS sessions, SUM(cancelled) AS cancelled,
           SUM(IF(cancelled, 0, capacity)) AS capacity, SUM(IF(cancelled, 0, confirmedCount)) AS confirmed, SUM(noShows) AS noShows
      FROM (SELECT s.subject, s.capacity, s.confirmedCount, s.status = 'CANCELLED' AS cancelled,
                   (SELECT COUNT(*) FROM ExamBooking b WHERE b.sessionId = s.id AND b.result = 'NO_SHOW') AS noShows
              FROM ExamSession s
              JOIN Venue v ON v.id = s.venueId
             WHERE s.startsAt >= ${scope.start} AND s.startsAt < ${scope.end}
                   ${inUnit(scope, Prisma.sql`v.unitId`)}) x
     GROUP BY subject
     ORDER BY subject`;
}

/** Message-centre entries written in the range, and how many were read. */
export function messageCentre(db: Db, scope: StatsScope) {
  return db.$queryRaw<{ written: Num; readCount: Num }[]>`
    SELECT COUNT(*) AS written, COUNT(readAt) AS readCount
      FROM MessageCentreEntry
     WHERE createdAt >= ${scope.start} AND createdAt < ${scope.end}`;
}

export { numOrNull };
