// The booking rules of DOMAIN.md §B as pure functions: eligibility with a reason code per rule,
// the sort time of a ranked application and the priority near the end of a permit.
import { subjectLabel, type BookingRefusalReason, type Subject } from '@jiaoguan/contracts/labels';
import { formatDate, startOfDayAfter } from '@jiaoguan/contracts/time';

export { LICENCE_CLASSES, SUBJECTS, type Subject } from '@jiaoguan/contracts/labels';

const PERMIT_YEARS = 3;
/** 科目二 and the 科目三 road test: at most this many bookings within one permit (Art. 46). */
export const MAX_SKILL_ATTEMPTS = 5;
/** 科目二 and 科目三 may be rebooked this many days after a failed sitting (Art. 46). */
export const RETAKE_WAIT_DAYS = 10;

/** Days after the permit is issued before 科目二 / 科目三 may be booked (Art. 43–44). */
export function waitingDays(licenceClass: string, subject: 2 | 3): number {
  const large = ['A1', 'A2', 'A3', 'B1', 'B2'].includes(licenceClass);
  if (subject === 2) return large || licenceClass === 'C6' ? 20 : 10;
  if (large) return 40;
  if (['C2', 'C3', 'C4', 'C5'].includes(licenceClass)) return 20;
  if (licenceClass === 'C6') return 0;
  return 30;
}

/** Why a booking is refused: the contract's codes (422 NOT_ELIGIBLE, `details.reason`). */
export type ReasonCode = BookingRefusalReason;

export interface LearnerFacts {
  licenceClass: string;
  appliedAt: Date;
  permitIssuedAt: Date | null;
  passedAt: Record<Subject, Date | null>;
}

/** A past or current booking of the learner, with the date of its session. */
export interface BookingFact {
  id: number;
  sessionId: number;
  subject: number;
  /** CANCELLED is the learner's own cancellation; CANCELLED_BY_OFFICE (the session was cancelled) counts for nothing. */
  status: 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED' | 'CANCELLED_BY_OFFICE';
  result: 'PASS' | 'FAIL' | 'NO_SHOW' | null;
  priority: boolean;
  startsAt: Date;
  cancelledAt: Date | null;
  decidedAt: Date | null;
}

export interface SessionFacts {
  subject: number;
  licenceClass: string;
  startsAt: Date;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  allocatedAt: Date | null;
  /** Absent: SCHEDULED. */
  status?: 'SCHEDULED' | 'CANCELLED';
}

export interface Refusal {
  reason: ReasonCode;
  message: string;
  /** When the rule stops saying no, where it can tell. */
  availableFrom?: Date;
}

const fmt = formatDate;

export function permitExpiresAt(permitIssuedAt: Date): Date {
  const d = new Date(permitIssuedAt);
  d.setUTCFullYear(d.getUTCFullYear() + PERMIT_YEARS);
  return d;
}

/** Subjects that must be passed before `subject` can be booked. */
function prerequisites(subject: number, licenceClass: string): number[] {
  if (subject === 2 || subject === 3) return [1];
  if (subject === 4) return licenceClass === 'C6' ? [2] : [2, 3];
  return [];
}

/** Attempts used: sittings that got a result (a no-show counts as a fail) within the permit. */
export function attemptsUsed(history: BookingFact[], subject: number, permitIssuedAt: Date | null): number {
  return history.filter(
    // A session the office cancelled is never a sitting, whatever its booking held.
    (b) => b.subject === subject && b.result !== null && b.status !== 'CANCELLED_BY_OFFICE' && (!permitIssuedAt || b.startsAt >= permitIssuedAt),
  ).length;
}

/**
 * Whether the learner may take `subject` at all, whatever the session: the rules that depend on the
 * learner only. `at` is the time of booking, `examAt` the exam's start (defaults to `at`).
 */
export function learnerRefusal(
  learner: LearnerFacts,
  history: BookingFact[],
  subject: number,
  at: Date,
  examAt: Date = at,
): Refusal | null {
  const name = subjectLabel(subject);
  if (learner.passedAt[subject as Subject]) {
    return { reason: 'ALREADY_PASSED', message: `您已通过${name}，无需再预约` };
  }
  const missing = prerequisites(subject, learner.licenceClass).filter((s) => !learner.passedAt[s as Subject]);
  if (missing.length > 0) {
    return {
      reason: 'SUBJECT_ORDER',
      message: `请先通过${missing.map((s) => subjectLabel(s)).join('和')}，再预约${name}`,
    };
  }
  if (subject === 1) return null;
  const permit = learner.permitIssuedAt ?? learner.passedAt[1];
  if (!permit) return { reason: 'SUBJECT_ORDER', message: `请先通过科目一并取得学习驾驶证明，再预约${name}` };
  const expires = permitExpiresAt(permit);
  if (examAt >= expires || at >= expires) {
    return {
      reason: 'PERMIT_EXPIRED',
      message: `您的学习驾驶证明已于${fmt(expires)}到期（有效期3年），请到车管所窗口咨询`,
    };
  }
  if (subject === 2 || subject === 3) {
    const wait = waitingDays(learner.licenceClass, subject);
    const from = startOfDayAfter(permit, wait);
    if (at < from) {
      return {
        reason: 'WAITING_PERIOD',
        message: `取得学习驾驶证明满${wait}日后才能预约${name}，${fmt(from)}起可预约`,
        availableFrom: from,
      };
    }
    if (attemptsUsed(history, subject, permit) >= MAX_SKILL_ATTEMPTS) {
      return {
        reason: 'ATTEMPTS_EXHAUSTED',
        message: `学习驾驶证明有效期内${name}最多预约考试${MAX_SKILL_ATTEMPTS}次，您的次数已用完`,
      };
    }
    const lastFail = history
      .filter((b) => b.subject === subject && (b.result === 'FAIL' || b.result === 'NO_SHOW'))
      .reduce<Date | null>((latest, b) => (!latest || b.startsAt > latest ? b.startsAt : latest), null);
    if (lastFail) {
      const retakeFrom = startOfDayAfter(lastFail, RETAKE_WAIT_DAYS);
      if (at < retakeFrom) {
        return {
          reason: 'RETAKE_WAIT',
          message: `${name}考试不合格后需等待${RETAKE_WAIT_DAYS}日才能再次预约，${fmt(retakeFrom)}起可预约`,
          availableFrom: retakeFrom,
        };
      }
    }
  }
  return null;
}

/** Every rule for booking one session, in the order a learner would want to hear them. */
export function bookingRefusal(
  learner: LearnerFacts,
  history: BookingFact[],
  session: SessionFacts,
  at: Date,
): Refusal | null {
  if (session.licenceClass !== learner.licenceClass) {
    return {
      reason: 'LICENCE_CLASS_MISMATCH',
      message: `该场次为${session.licenceClass}考试，您申领的是${learner.licenceClass}，请选择对应车型的场次`,
    };
  }
  if (session.status === 'CANCELLED') {
    return { reason: 'SESSION_CANCELLED', message: '该场次已取消，请选择其他场次' };
  }
  const own = learnerRefusal(learner, history, session.subject, at, session.startsAt);
  if (own) return own;
  if (at < session.bookingOpensAt) {
    return {
      reason: 'BOOKING_NOT_OPEN',
      message: `该场次${fmt(session.bookingOpensAt)}开始预约，请到时再来`,
      availableFrom: session.bookingOpensAt,
    };
  }
  if (at >= session.bookingClosesAt || session.allocatedAt || at >= session.startsAt) {
    return { reason: 'BOOKING_CLOSED', message: '该场次已停止预约，请选择其他场次' };
  }
  return null;
}

/**
 * The sort time of a ranked application (DOMAIN.md §B4): the application date for the first
 * booking; later the last exam date, or the time of cancelling a confirmed booking or of a
 * no-show, whichever is latest.
 */
export function sortTime(learner: Pick<LearnerFacts, 'appliedAt'>, history: BookingFact[]): Date {
  let latest = learner.appliedAt;
  for (const b of history) {
    if (b.result !== null && b.startsAt > latest) latest = b.startsAt;
    // Only the learner's own cancellation moves the sort time (CANCELLED_BY_OFFICE does not).
    if (b.status === 'CANCELLED' && b.decidedAt && b.cancelledAt && b.cancelledAt > latest) latest = b.cancelledAt;
  }
  return latest;
}

/**
 * Priority for a permit with less than `months` left at the exam: once per subject (a priority
 * application that ended confirmed uses it up).
 */
export function hasPriority(
  learner: LearnerFacts,
  history: BookingFact[],
  subject: number,
  examAt: Date,
  months: number,
): boolean {
  const permit = learner.permitIssuedAt ?? learner.passedAt[1];
  if (!permit || months <= 0) return false;
  const threshold = permitExpiresAt(permit);
  threshold.setUTCMonth(threshold.getUTCMonth() - months);
  if (examAt < threshold) return false;
  // A seat the office took back (its session cancelled) leaves the priority unspent.
  return !history.some((b) => b.subject === subject && b.priority && !!b.decidedAt && b.status !== 'REJECTED' && b.status !== 'CANCELLED_BY_OFFICE');
}
