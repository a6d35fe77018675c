// PATCH /api/admin/exam-sessions/:id: capacity up or down (never below the seats taken), the exam
// moved, or its venue changed. The capacity is set by one conditional UPDATE (confirmedCount <=
// the new capacity), so a booking racing it either took its seat first (and the change is refused)
// or finds the smaller capacity; the seat update of booking-sql.ts checks confirmedCount < capacity.
import type { Prisma } from '../../../generated/prisma/client';
import type { AppDeps } from '../../../deps';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { withRetry } from '../../../lib/db-errors';
import { noticeSessionChanged, rescheduleReminder } from '../notices';
import { adminSessionView, loadSession, sessionSelect, type SessionRow } from '../sessions';
import { activeHolders } from './session-holders';

type Tx = Prisma.TransactionClient;

export interface UpdateSessionInput {
  staffId: number;
  sessionId: number;
  capacity?: number;
  startsAt?: Date;
  /** A venue id, or a name (made when new, as when publishing). */
  venue?: number | string;
  ip?: string;
}

class CapacityBelowBooked extends Error {
  constructor(readonly booked: number) {
    super('capacity below booked');
  }
}
class NotChangeable extends Error {}

export async function updateSession(deps: AppDeps, input: UpdateSessionInput) {
  const before = await loadSession(deps.db, input.sessionId);
  if (!before) throw notFound('没有找到该考试场次');
  const now = new Date();
  refuseIfClosed(before, now);
  if (input.startsAt) {
    if (input.startsAt <= now) throw badRequest([{ path: 'startsAt', message: '考试时间应在将来' }], '考试时间应在将来');
    if (input.startsAt < before.bookingClosesAt) {
      throw badRequest([{ path: 'startsAt', message: '考试时间不能早于预约截止时间' }], '考试时间不能早于预约截止时间');
    }
  }
  let after: SessionRow;
  try {
    after = await withRetry(() => deps.db.$transaction((tx) => change(tx, before, input, now)));
  } catch (err) {
    if (err instanceof CapacityBelowBooked) {
      throw conflict('CAPACITY_BELOW_BOOKED', `已有${err.booked}人预约成功，考位不能少于${err.booked}个`, { confirmedCount: err.booked });
    }
    if (err instanceof NotChangeable) {
      const now2 = new Date();
      const current = await loadSession(deps.db, input.sessionId);
      if (current) refuseIfClosed(current, now2);
    }
    throw err;
  }
  deps.exams.sessionsChanged();
  if (after.capacity > before.capacity) deps.exams.fullSessions.seatFreed(after.id);
  return adminSessionView(after);
}

function refuseIfClosed(s: SessionRow, now: Date) {
  if (s.status === 'CANCELLED') throw conflict('INVALID_STATE', '该场次已取消，不能再修改');
  if (s.startsAt <= now) throw conflict('INVALID_STATE', '考试已开始，不能再修改');
}

async function change(tx: Tx, before: SessionRow, input: UpdateSessionInput, now: Date): Promise<SessionRow> {
  const venueId = input.venue === undefined ? before.venueId : await resolveVenue(tx, input.venue);
  const startsAt = input.startsAt ?? before.startsAt;
  const capacity = input.capacity ?? null;
  // One statement decides: still scheduled, not started, and no more seats taken than the new capacity.
  const matched = await tx.$executeRaw`
    UPDATE ExamSession
       SET capacity = COALESCE(${capacity}, capacity), startsAt = ${startsAt}, venueId = ${venueId}
     WHERE id = ${before.id} AND status = 'SCHEDULED' AND startsAt > ${now}
       AND confirmedCount <= COALESCE(${capacity}, confirmedCount)`;
  const row = (await tx.examSession.findUniqueOrThrow({ where: { id: before.id }, select: sessionSelect })) as SessionRow;
  if (matched !== 1) {
    // Nothing matched (or nothing changed, where the driver counts changed rows only): say why.
    if (row.status !== 'SCHEDULED' || row.startsAt <= now) throw new NotChangeable();
    if (capacity !== null && row.confirmedCount > capacity) throw new CapacityBelowBooked(row.confirmedCount);
  }
  const moved = row.startsAt.getTime() !== before.startsAt.getTime();
  const relocated = row.venueId !== before.venueId;
  if (moved || relocated) {
    const changeKey = String(now.getTime());
    for (const h of await activeHolders(tx, row.id, { lock: false })) {
      if (!h.driverId) continue;
      const ref = { bookingId: h.id, driverId: h.driverId, subject: row.subject, startsAt: row.startsAt, venue: row.venue.name };
      await noticeSessionChanged(tx, ref, { startsAt: before.startsAt, venue: before.venue.name }, changeKey);
      if (h.status === 'CONFIRMED') await rescheduleReminder(tx, ref);
    }
  }
  await audit(tx, {
    actor: { type: 'STAFF', id: input.staffId },
    action: 'exam.session_changed',
    entityType: 'ExamSession',
    entityId: row.id,
    details: {
      capacity: { from: before.capacity, to: row.capacity },
      startsAt: { from: before.startsAt, to: row.startsAt },
      venue: { from: before.venue.name, to: row.venue.name },
    },
    ip: input.ip,
  });
  return row;
}

async function resolveVenue(tx: Tx, venue: number | string): Promise<number> {
  if (typeof venue === 'number') {
    const found = await tx.venue.findUnique({ where: { id: venue }, select: { id: true } });
    if (!found) throw notFound('没有这个考场');
    return found.id;
  }
  const made = await tx.venue.upsert({ where: { name: venue }, create: { name: venue, address: venue }, update: {}, select: { id: true } });
  return made.id;
}
