// The seat transaction of the booking rush, on the mariadb driver directly (db.sql): Prisma's
// interactive transaction cost several times the Node CPU (docs/benchmarks.md).
import type { AppDeps } from '../../../deps';
import { sendTogether, type SqlStatement } from '../../../db';
import type { Recipient } from '../../notifications/notify';
import type { LearnerContext } from '../learners';
import { confirmedNoticeStatements } from '../notices';
import type { SessionRow } from '../sessions';

/** Thrown inside the transaction when the conditional UPDATE took no seat; everything rolled back. */
export class SeatNotTaken extends Error {}

export interface SeatRequest {
  now: Date;
  ranked: boolean;
  sort: Date;
  priority: boolean;
  key: string;
  ip?: string;
  /**
   * A second or later attempt: the transaction starts once this node has applied what the cluster
   * committed before it (Galera's causal wait, which MariaDB skips inside a transaction, hence a
   * statement of its own; nothing on one MariaDB). A refusal at commit on Galera often means this
   * node was behind; without the wait a lagging node loses the same race again and again until the
   * session fills.
   */
  causal?: boolean;
}

export type SessionCounts = Pick<SessionRow, 'confirmedCount' | 'applicantCount'>;

export const BOOKING_AUDIT_ACTION = 'exam.booking_created';

function auditStatement(bookingId: number, recipient: Recipient, session: SessionRow, r: SeatRequest): SqlStatement {
  return {
    sql: `INSERT INTO AuditLog (actorType, actorId, action, entityType, entityId, details, ip, at)
          VALUES ('DRIVER', ?, ?, 'ExamBooking', ?, ?, ?, ?)`,
    values: [
      recipient.driverId,
      BOOKING_AUDIT_ACTION,
      String(bookingId),
      JSON.stringify({ sessionId: session.id, subject: session.subject, status: r.ranked ? 'PENDING' : 'CONFIRMED' }),
      r.ip ?? null,
      r.now,
    ],
  };
}

/**
 * The booking row, its audit row, its notifications and the seat in one transaction, in three
 * round trips of one packet each: the start and the booking insert; the audit row, the notices,
 * the conditional update and the counts; the commit.
 *
 * The session row is touched last, so its lock is held for the update, the counts and the commit
 * only. The insert skips its foreign-key check (which would take a shared lock on the session row
 * and deadlock concurrent bookings): the session exists, and the update fails the whole
 * transaction unless it changes exactly that row.
 */
export async function seatTransaction(
  deps: AppDeps,
  recipient: Recipient,
  learner: LearnerContext,
  session: SessionRow,
  r: SeatRequest,
): Promise<{ id: number; counts: SessionCounts }> {
  return deps.db.sql.withConnection(async (conn) => {
    try {
      if (r.causal) await conn.query('SET STATEMENT wsrep_sync_wait = 1 FOR SELECT 1');
      const [, [inserted]] = (await sendTogether(conn, [
        { sql: 'START TRANSACTION', values: [] },
        {
          sql: `SET STATEMENT foreign_key_checks = 0 FOR
                INSERT INTO ExamBooking (sessionId, learnerId, subject, status, sortTime, activeKey, priority, createdAt, decidedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          values: [session.id, learner.id, session.subject, r.ranked ? 'PENDING' : 'CONFIRMED', r.sort, r.key, r.priority, r.now, r.ranked ? null : r.now],
        },
      ])) as [unknown, { id: number }[]];
      const notices = r.ranked
        ? []
        : confirmedNoticeStatements(
            { bookingId: inserted.id, driverId: recipient.driverId, subject: session.subject, startsAt: session.startsAt, venue: session.venue.name },
            recipient,
          );
      const seat = r.ranked
        ? `UPDATE ExamSession SET applicantCount = applicantCount + 1
            WHERE id = ? AND allocation = 'RANKED' AND allocatedAt IS NULL AND bookingOpensAt <= ? AND bookingClosesAt > ?`
        : `UPDATE ExamSession SET confirmedCount = confirmedCount + 1
            WHERE id = ? AND allocation = 'FIRST_COME' AND confirmedCount < capacity AND bookingOpensAt <= ? AND bookingClosesAt > ?`;
      // The audit row and the notices go first so that the session row, locked by the update, waits
      // for nothing but the counts (read back for the answer's seats left) and the commit.
      const answers = await sendTogether(conn, [
        auditStatement(inserted.id, recipient, session, r),
        ...notices,
        { sql: seat, values: [session.id, r.now, r.now] },
        { sql: 'SELECT confirmedCount, applicantCount FROM ExamSession WHERE id = ?', values: [session.id] },
      ]);
      const [taken, [counts]] = answers.slice(-2) as [{ affectedRows: number }, SessionCounts[]];
      if (taken.affectedRows !== 1) throw new SeatNotTaken();
      await conn.commit();
      return { id: inserted.id, counts };
    } catch (err) {
      await conn.rollback().catch(() => undefined);
      throw err;
    }
  });
}

/** Why a FIRST_COME session took no seat, as the refusal after a failed update reads it. */
export type SeatState =
  | { kind: 'gone' }
  | { kind: 'not-open' }
  | { kind: 'closed' }
  | { kind: 'full'; holders: ReadonlySet<number> }
  | { kind: 'seats-left' };

/**
 * A session's seats now, in one round trip: its counts and window, and when it is full the driver
 * accounts of those holding its seats (for the memo: those are the only drivers it lets through).
 */
export async function seatState(deps: AppDeps, sessionId: number): Promise<SeatState> {
  const [[s], holders] = (await deps.db.sql.query(
    `SELECT capacity, confirmedCount, allocation, bookingOpensAt, bookingClosesAt, allocatedAt, status FROM ExamSession WHERE id = ?;
     SELECT d.id FROM ExamBooking b JOIN Learner l ON l.id = b.learnerId JOIN Driver d ON d.idNumber = l.idNumber
      WHERE b.sessionId = ? AND b.status = 'CONFIRMED'`,
    [sessionId, sessionId],
  )) as [
    { capacity: number; confirmedCount: number; allocation: string; bookingOpensAt: Date; bookingClosesAt: Date; allocatedAt: Date | null; status: string }[],
    { id: number }[],
  ];
  if (!s) return { kind: 'gone' };
  const now = new Date();
  if (now < new Date(s.bookingOpensAt)) return { kind: 'not-open' };
  if (now >= new Date(s.bookingClosesAt) || s.allocatedAt || s.status !== 'SCHEDULED') return { kind: 'closed' };
  if (s.allocation !== 'FIRST_COME' || s.confirmedCount < s.capacity) return { kind: 'seats-left' };
  return { kind: 'full', holders: new Set(holders.map((h) => h.id)) };
}
