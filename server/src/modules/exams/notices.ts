// The exam notifications written inside the booking transactions, and the database error shapes
// the raw seat-taking statements raise.
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../db';
import type { SqlStatement } from '../../db';
import { MESSAGE_CENTRE } from '../notifications/message-centre-text';
import { notify, notifyStatements, type Notice, type Recipient } from '../notifications/notify';
import { startOfDayAfter } from '@jiaoguan/contracts/time';

type Tx = Db | Prisma.TransactionClient;

export interface BookingNoticeRef {
  bookingId: number;
  driverId: number;
  subject: number;
  startsAt: Date;
  venue: string;
}

const data = (b: BookingNoticeRef) => ({ bookingId: b.bookingId, subject: b.subject, startsAt: b.startsAt, venue: b.venue });

/** The hour (Shanghai) the day-before reminder goes out. */
const REMINDER_HOUR = 9;

/** When the day-before reminder goes out: 09:00 Shanghai the day before the exam (or at once when later). */
export function reminderTime(startsAt: Date, now = new Date()): Date {
  const dayBefore = new Date(startOfDayAfter(startsAt, -1).getTime() + REMINDER_HOUR * 3_600_000);
  return dayBefore > now ? dayBefore : now;
}

/** A seat is confirmed: tell the holder now and remind them the day before. */
function confirmedNotices(b: BookingNoticeRef) {
  return [
    { driverId: b.driverId, event: 'exam.booking_confirmed', data: data(b), dedupeKey: `exam.booking_confirmed:${b.bookingId}` },
    {
      driverId: b.driverId,
      event: 'exam.reminder',
      data: data(b),
      dedupeKey: `exam.reminder:${b.bookingId}`,
      notBefore: reminderTime(b.startsAt),
    },
  ] satisfies Notice[];
}

export async function noticeConfirmed(tx: Tx, b: BookingNoticeRef): Promise<void> {
  await notify(tx, confirmedNotices(b));
}

/** The same notices as statements to a recipient known already, for the booking rush's transaction on the driver. */
export function confirmedNoticeStatements(b: BookingNoticeRef, recipient: Recipient): SqlStatement[] {
  return notifyStatements(confirmedNotices(b), [recipient]);
}

export async function noticeRejected(tx: Tx, b: BookingNoticeRef): Promise<void> {
  await notify(tx, { driverId: b.driverId, event: 'exam.booking_rejected', data: data(b), dedupeKey: `exam.booking_rejected:${b.bookingId}` });
}

export async function noticeResult(tx: Tx, b: BookingNoticeRef, result: 'PASS' | 'FAIL' | 'NO_SHOW'): Promise<void> {
  await notify(tx, { driverId: b.driverId, event: 'exam.result', data: { ...data(b), result }, dedupeKey: `exam.result:${b.bookingId}` });
}

/** A cancelled booking's reminder must not go out: skip it, and its message-centre entry, while still due. */
export async function dropReminder(tx: Tx, bookingId: number): Promise<void> {
  const dedupeKey = `exam.reminder:${bookingId}`;
  await tx.notificationOutbox.updateMany({ where: { dedupeKey, status: 'PENDING' }, data: { status: 'SKIPPED' } });
  await tx.messageCentreEntry.deleteMany({ where: { dedupeKey, createdAt: { gt: new Date() } } });
}

/** The driver (WeChat user) of each learner, by learner id; learners who never bound have none. */
export async function driversOfLearners(tx: Tx, learnerIds: number[]): Promise<Map<number, number>> {
  if (learnerIds.length === 0) return new Map();
  const learners = await tx.learner.findMany({ where: { id: { in: learnerIds } }, select: { id: true, idNumber: true } });
  const drivers = await tx.driver.findMany({
    where: { idNumber: { in: learners.map((l) => l.idNumber) } },
    select: { id: true, idNumber: true },
  });
  const byId = new Map(drivers.map((d) => [d.idNumber, d.id]));
  const out = new Map<number, number>();
  for (const l of learners) {
    const driverId = byId.get(l.idNumber);
    if (driverId) out.set(l.id, driverId);
  }
  return out;
}

/** The office moved the exam or changed its venue: tell the holder, with what it was. */
export async function noticeSessionChanged(tx: Tx, b: BookingNoticeRef, previous: { startsAt: Date; venue: string }, changeKey: string): Promise<void> {
  await notify(tx, {
    driverId: b.driverId,
    event: 'exam.session_changed',
    data: { ...data(b), previousStartsAt: previous.startsAt, previousVenue: previous.venue },
    dedupeKey: `exam.session_changed:${b.bookingId}:${changeKey}`,
  });
}

/** The office cancelled the session: tell the holder why, and that they may rebook. */
export async function noticeSessionCancelled(tx: Tx, b: BookingNoticeRef, reason: string): Promise<void> {
  await notify(tx, { driverId: b.driverId, event: 'exam.session_cancelled', data: { ...data(b), reason }, dedupeKey: `exam.session_cancelled:${b.bookingId}` });
}

/**
 * The exam moved or changed venue: the day-before reminder still due goes out at the new time with
 * the new facts (its message-centre entry too, while not yet shown). One already sent stays sent.
 */
export async function rescheduleReminder(tx: Tx, b: BookingNoticeRef): Promise<void> {
  const dedupeKey = `exam.reminder:${b.bookingId}`;
  const due = reminderTime(b.startsAt);
  await tx.notificationOutbox.updateMany({ where: { dedupeKey, status: 'PENDING' }, data: { payload: JSON.parse(JSON.stringify(data(b))), nextAttemptAt: due } });
  const text = MESSAGE_CENTRE['exam.reminder'](data(b));
  await tx.messageCentreEntry.updateMany({ where: { dedupeKey, createdAt: { gt: new Date() } }, data: { body: text.body, createdAt: due } });
}
