// Venues and exam sessions: publishing (admin), the public list with seats left or applicants,
// and the brief in-process caches that keep the list and the booking path off the database.
import type { AppDeps } from '../../deps';
import type { Db } from '../../db';
import { badRequest, conflict, notFound, ruleSaysNo } from '../../http/errors';
import { audit } from '../../lib/audit';
import { isUniqueViolation } from '../../lib/db-errors';
import type { SessionFacts } from './rules';

export interface SessionRow extends SessionFacts {
  id: number;
  venueId: number;
  capacity: number;
  confirmedCount: number;
  applicantCount: number;
  allocation: 'RANKED' | 'FIRST_COME';
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
  createdAt: true,
  venue: { select: { id: true, name: true, address: true } },
} as const;

/** What a learner sees of a session: seats left for FIRST_COME, applicants for RANKED. */
export function sessionView(s: SessionRow, now = new Date()) {
  const open = now >= s.bookingOpensAt && now < s.bookingClosesAt && !s.allocatedAt && now < s.startsAt;
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
  };
}

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
 * A small cache with single-flight refresh: a write in this process bumps the version, and the
 * next read fetches again while concurrent readers share that one fetch. Other processes see a
 * change within the TTL. Counts shown may lag; seats are only ever taken by a conditional update.
 */
class ReadCache<T> {
  private version = 0;
  private entries = new Map<string, { at: number; version: number; value: Promise<T> }>();

  constructor(private readonly ttlMs: number, private readonly maxEntries = 500) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === this.version && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    if (this.ttlMs > 0) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      const entry = { at: Date.now(), version: this.version, value };
      this.entries.set(key, entry);
      value.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
    }
    return value;
  }

  invalidate(): void {
    this.version++;
  }
}

const caches = new WeakMap<Db, { list: ReadCache<unknown>; facts: ReadCache<SessionRow | null> }>();

function cachesFor(deps: AppDeps) {
  let c = caches.get(deps.db);
  if (!c) {
    c = { list: new ReadCache(deps.config.exams.listCacheMs), facts: new ReadCache(Math.max(deps.config.exams.listCacheMs, 2000)) };
    caches.set(deps.db, c);
  }
  return c;
}

/** Called by every write that changes a session's facts (times, window, capacity, allocation). */
export function sessionsChanged(deps: AppDeps): void {
  const c = cachesFor(deps);
  c.list.invalidate();
  c.facts.invalidate();
}

/**
 * Called by bookings and cancellations, which change only the counts: the facts the rules read
 * stay cached, so a rush does not re-read its session after every seat (the seat-taking update
 * checks capacity and window itself).
 */
export function countsChanged(deps: AppDeps): void {
  cachesFor(deps).list.invalidate();
}

/**
 * A session's facts for the rules (subject, class, times, window). Cached briefly: a stale window
 * cannot let a booking through, because the seat-taking update checks the window itself.
 */
export function sessionFacts(deps: AppDeps, id: number): Promise<SessionRow | null> {
  return cachesFor(deps).facts.get(String(id), () =>
    deps.db.examSession.findUnique({ where: { id }, select: sessionSelect }) as Promise<SessionRow | null>,
  );
}

export interface SessionFilter {
  subject?: number;
  licenceClass?: string;
  venueId?: number;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** GET /api/exam/sessions: upcoming sessions by start time, soonest first. */
export function listSessions(deps: AppDeps, f: SessionFilter) {
  const key = JSON.stringify(f);
  return cachesFor(deps).list.get(key, async () => {
    const now = new Date();
    const where = {
      subject: f.subject,
      licenceClass: f.licenceClass,
      venueId: f.venueId,
      startsAt: { gte: f.from ?? now, ...(f.to ? { lte: f.to } : {}) },
    };
    const [rows, total] = await Promise.all([
      deps.db.examSession.findMany({
        where,
        select: sessionSelect,
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        skip: (f.page - 1) * f.pageSize,
        take: f.pageSize,
      }),
      deps.db.examSession.count({ where }),
    ]);
    return { items: (rows as SessionRow[]).map((s) => sessionView(s, now)), total };
  });
}

export async function getSession(deps: AppDeps, id: number) {
  const s = await deps.db.examSession.findUnique({ where: { id }, select: sessionSelect });
  if (!s) throw notFound('没有找到该考试场次');
  return sessionView(s as SessionRow);
}

/** The admin list (newest exam first unless a range is given) with fill rates. */
export async function adminListSessions(deps: AppDeps, f: SessionFilter) {
  const where = {
    subject: f.subject,
    licenceClass: f.licenceClass,
    venueId: f.venueId,
    ...(f.from || f.to ? { startsAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    deps.db.examSession.findMany({
      where,
      select: sessionSelect,
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    }),
    deps.db.examSession.count({ where }),
  ]);
  const now = new Date();
  return { items: (rows as SessionRow[]).map((s) => adminSessionView(s, now)), total };
}

export async function listVenues(db: Db) {
  const items = await db.venue.findMany({
    select: { id: true, name: true, address: true, unit: { select: { code: true, name: true } } },
    orderBy: { id: 'asc' },
  });
  return { items, total: items.length };
}

export async function createVenue(
  deps: AppDeps,
  staffId: number,
  input: { name: string; address: string; unit?: string },
  ip?: string,
) {
  const unit = input.unit ? await deps.db.unit.findUnique({ where: { code: input.unit }, select: { id: true } }) : null;
  if (input.unit && !unit) throw notFound('没有这个大队');
  try {
    return await deps.db.$transaction(async (tx) => {
      const venue = await tx.venue.create({
        data: { name: input.name, address: input.address, unitId: unit?.id },
        select: { id: true, name: true, address: true },
      });
      await audit(tx, { actor: { type: 'STAFF', id: staffId }, action: 'exam.venue_created', entityType: 'Venue', entityId: venue.id, ip });
      return venue;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('VENUE_EXISTS', '已有同名考场');
    throw err;
  }
}

export interface NewSession {
  subject: number;
  licenceClass: string;
  venue: number | string;
  startsAt: Date;
  capacity: number;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  allocation: 'RANKED' | 'FIRST_COME';
}

/** POST /api/admin/exam-sessions. A venue given by name is created when it does not exist yet. */
export async function createSession(deps: AppDeps, staffId: number, input: NewSession, ip?: string) {
  const now = new Date();
  const problems: { path: string; message: string }[] = [];
  if (input.bookingClosesAt <= input.bookingOpensAt) {
    problems.push({ path: 'bookingClosesAt', message: '预约截止时间应晚于开始时间' });
  }
  if (input.bookingClosesAt > input.startsAt) {
    problems.push({ path: 'bookingClosesAt', message: '预约截止时间不能晚于考试开始时间' });
  }
  if (input.startsAt <= now) problems.push({ path: 'startsAt', message: '考试时间应在将来' });
  if (input.subject === 3 && input.licenceClass === 'C6') {
    problems.push({ path: 'subject', message: 'C6车型不考科目三道路驾驶技能' });
  }
  if (problems.length > 0) throw badRequest(problems, '考试计划填写有误，请检查后重试');
  const minNoticeMs = deps.config.exams.minNoticeMs;
  if (input.startsAt.getTime() - now.getTime() < minNoticeMs) {
    const days = Math.round(minNoticeMs / 86_400_000);
    throw ruleSaysNo('NOTICE_TOO_SHORT', 'NOTICE_TOO_SHORT', `考试计划应至少提前${days}日向社会公布`, { minNoticeDays: days });
  }
  const created = await deps.db.$transaction(async (tx) => {
    let venueId: number;
    if (typeof input.venue === 'number') {
      const venue = await tx.venue.findUnique({ where: { id: input.venue }, select: { id: true } });
      if (!venue) throw notFound('没有这个考场');
      venueId = venue.id;
    } else {
      const venue = await tx.venue.upsert({
        where: { name: input.venue },
        create: { name: input.venue, address: input.venue },
        update: {},
        select: { id: true },
      });
      venueId = venue.id;
    }
    const session = await tx.examSession.create({
      data: {
        subject: input.subject,
        licenceClass: input.licenceClass,
        venueId,
        startsAt: input.startsAt,
        capacity: input.capacity,
        bookingOpensAt: input.bookingOpensAt,
        bookingClosesAt: input.bookingClosesAt,
        allocation: input.allocation,
      },
      select: sessionSelect,
    });
    await audit(tx, {
      actor: { type: 'STAFF', id: staffId },
      action: 'exam.session_created',
      entityType: 'ExamSession',
      entityId: session.id,
      details: { subject: input.subject, capacity: input.capacity, allocation: input.allocation },
      ip,
    });
    return session as SessionRow;
  });
  sessionsChanged(deps);
  return adminSessionView(created);
}
