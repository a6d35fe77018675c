// Exam sessions as the use cases read them: the row, what a learner and an admin see of it, and
// its facts for the rules through the instance's cache (runtime.ts).
import type { AppDeps } from '../../deps';
import type { Db } from '../../db';
import type { PageQuery } from '../../lib/pagination';
import type { SessionFacts } from './rules';

export interface SessionRow extends SessionFacts {
  id: number;
  venueId: number;
  capacity: number;
  confirmedCount: number;
  applicantCount: number;
  allocation: 'RANKED' | 'FIRST_COME';
  status: 'SCHEDULED' | 'CANCELLED';
  cancelledAt: Date | null;
  cancelReason: string | null;
  createdAt: Date;
  venue: { id: number; name: string; address: string };
}

export const sessionSelect = {
  id: true,
  subject: true,
  licenceClass: true,
  venueId: true,
  startsAt: true,
  capacity: true,
  confirmedCount: true,
  applicantCount: true,
  bookingOpensAt: true,
  bookingClosesAt: true,
  allocation: true,
  allocatedAt: true,
  status: true,
  cancelledAt: true,
  cancelReason: true,
  createdAt: true,
  venue: { select: { id: true, name: true, address: true } },
} as const;

/** What a learner sees of a session: seats left for FIRST_COME, applicants for RANKED. */
export function sessionView(s: SessionRow, now = new Date()) {
  const open = s.status === 'SCHEDULED' && now >= s.bookingOpensAt && now < s.bookingClosesAt && !s.allocatedAt && now < s.startsAt;
  return {
    id: s.id,
    subject: s.subject,
    licenceClass: s.licenceClass,
    venue: s.venue,
    startsAt: s.startsAt,
    capacity: s.capacity,
    allocation: s.allocation,
    bookingOpensAt: s.bookingOpensAt,
    bookingClosesAt: s.bookingClosesAt,
    bookingOpen: open,
    allocated: !!s.allocatedAt,
    ...(s.allocation === 'FIRST_COME'
      ? { remaining: Math.max(0, s.capacity - s.confirmedCount) }
      : { applicants: s.applicantCount, ...(s.allocatedAt ? { remaining: Math.max(0, s.capacity - s.confirmedCount) } : {}) }),
    status: s.status,
    cancelledAt: s.cancelledAt,
    cancelReason: s.cancelReason,
  };
}

export type SessionView = ReturnType<typeof sessionView>;

/** The admin's view adds the counts and the fill rate. */
export function adminSessionView(s: SessionRow, now = new Date()) {
  const filled = s.allocation === 'RANKED' && !s.allocatedAt ? s.applicantCount : s.confirmedCount;
  return {
    ...sessionView(s, now),
    confirmedCount: s.confirmedCount,
    applicantCount: s.applicantCount,
    allocatedAt: s.allocatedAt,
    createdAt: s.createdAt,
    fillRate: s.capacity > 0 ? Math.round((filled / s.capacity) * 1000) / 1000 : 0,
  };
}

/**
 * A session's facts for the rules (subject, class, times, window), from the instance's cache. A
 * stale window cannot let a booking through: the seat-taking update checks the window itself.
 */
export function sessionFacts(deps: AppDeps, id: number): Promise<SessionRow | null> {
  return deps.exams.sessionFacts.get(String(id), () => loadSession(deps.db, id));
}

export function loadSession(db: Db, id: number): Promise<SessionRow | null> {
  return db.examSession.findUnique({ where: { id }, select: sessionSelect }) as Promise<SessionRow | null>;
}

/** The filter of both session lists. */
export interface SessionFilter extends PageQuery {
  subject?: number;
  licenceClass?: string;
  venueId?: number;
  from?: Date;
  to?: Date;
}
