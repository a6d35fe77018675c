// POST /api/admin/exam-sessions: publish a session, at least EXAM_MIN_NOTICE_DAYS ahead. A venue
// given by name is created when it does not exist yet.
import type { AppDeps } from '../../../deps';
import { badRequest, notFound, ruleSaysNo } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { adminSessionView, sessionSelect, type SessionRow } from '../sessions';

export interface PublishSessionInput {
  staffId: number;
  subject: number;
  licenceClass: string;
  venue: number | string;
  startsAt: Date;
  capacity: number;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  allocation: 'RANKED' | 'FIRST_COME';
  ip?: string;
}

export async function publishSession(deps: AppDeps, input: PublishSessionInput) {
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
      actor: { type: 'STAFF', id: input.staffId },
      action: 'exam.session_created',
      entityType: 'ExamSession',
      entityId: session.id,
      details: { subject: input.subject, capacity: input.capacity, allocation: input.allocation },
      ip: input.ip,
    });
    return session as SessionRow;
  });
  deps.exams.sessionsChanged();
  return adminSessionView(created);
}
