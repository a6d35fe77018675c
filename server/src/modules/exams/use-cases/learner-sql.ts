// The learner behind an ID number with every booking they made, in one round trip on the
// driver (every booking, cancellation and eligibility look-up starts here).
import type { Db } from '../../../db';
import type { BookingFact } from '../rules';
import type { LearnerContext } from '../learners';

interface ContextRow {
  id: number;
  name: string;
  licenceClass: string;
  appliedAt: Date;
  permitIssuedAt: Date | null;
  s1: Date | null;
  s2: Date | null;
  s3: Date | null;
  s4: Date | null;
  bookingId: number | null;
  sessionId: number | null;
  subject: number | null;
  status: BookingFact['status'] | null;
  result: BookingFact['result'];
  priority: number | boolean | null;
  startsAt: Date | null;
  cancelledAt: Date | null;
  decidedAt: Date | null;
}

export async function loadLearnerByIdNumber(db: Db, idNumber: string): Promise<LearnerContext | null> {
  const rows: ContextRow[] = await db.sql.execute(
    `SELECT l.id, l.name, l.licenceClass, l.appliedAt, l.permitIssuedAt,
           l.subject1PassedAt AS s1, l.subject2PassedAt AS s2, l.subject3PassedAt AS s3, l.subject4PassedAt AS s4,
           b.id AS bookingId, b.sessionId, b.subject, b.status, b.result, b.priority, s.startsAt, b.cancelledAt, b.decidedAt
      FROM Learner l
      LEFT JOIN ExamBooking b ON b.learnerId = l.id
      LEFT JOIN ExamSession s ON s.id = b.sessionId
     WHERE l.idNumber = ?`,
    [idNumber],
  );
  if (rows.length === 0) return null;
  const l = rows[0];
  const d = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    id: Number(l.id),
    name: l.name,
    facts: {
      licenceClass: l.licenceClass,
      appliedAt: d(l.appliedAt)!,
      permitIssuedAt: d(l.permitIssuedAt),
      passedAt: { 1: d(l.s1), 2: d(l.s2), 3: d(l.s3), 4: d(l.s4) },
    },
    history: rows
      .filter((r) => r.bookingId !== null)
      .map((r) => ({
        id: Number(r.bookingId),
        sessionId: Number(r.sessionId),
        subject: Number(r.subject),
        status: r.status!,
        result: r.result ?? null,
        priority: r.priority === true || Number(r.priority) === 1,
        startsAt: d(r.startsAt)!,
        cancelledAt: d(r.cancelledAt),
        decidedAt: d(r.decidedAt),
      })),
  };
}

