// POST /api/admin/exam-bookings/:id/result (and each row of an import): PASS, FAIL or NO_SHOW for a
// confirmed booking whose exam has started, once; counted as an attempt, the learner told.
import type { AppDeps } from '../../../deps';
import { conflict, notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { maskIdNumber } from '../../../lib/mask';
import { subjectLabel } from '@jiaoguan/contracts/labels';
import { driversOfLearners, noticeResult } from '../notices';
import { attemptsUsed, MAX_SKILL_ATTEMPTS } from '../rules';

export type ResultValue = 'PASS' | 'FAIL' | 'NO_SHOW';

class ResultRefused extends Error {
  constructor(readonly status: 404 | 409, readonly userMessage: string) {
    super(userMessage);
  }
}

export interface RecordResultInput {
  staffId: number;
  bookingId: number;
  result: ResultValue;
  ip?: string;
}

/** Records one result; a 5th failed 科目二 / 科目三 voids the subjects passed under that permit (Art. 46). */
export async function recordResult(deps: AppDeps, input: RecordResultInput) {
  const { staffId, bookingId, result, ip } = input;
  try {
    const out = await deps.db.$transaction(async (tx) => {
      const b = await tx.examBooking.findUnique({
        where: { id: bookingId },
        select: {
          id: true,
          learnerId: true,
          subject: true,
          status: true,
          result: true,
          session: { select: { startsAt: true, venue: { select: { name: true } } } },
        },
      });
      if (!b) throw new ResultRefused(404, '没有找到该预约');
      if (b.status !== 'CONFIRMED') throw new ResultRefused(409, '只有已确认的预约才能登记成绩');
      if (b.result) throw new ResultRefused(409, '该预约已登记成绩');
      if (b.session.startsAt > new Date()) throw new ResultRefused(409, '考试尚未开始，不能登记成绩');
      const now = new Date();
      const changed = await tx.examBooking.updateMany({
        where: { id: bookingId, status: 'CONFIRMED', result: null },
        data: { result, resultAt: now, activeKey: null },
      });
      if (changed.count !== 1) throw new ResultRefused(409, '该预约已登记成绩');
      const learner = await tx.learner.findUniqueOrThrow({
        where: { id: b.learnerId },
        select: { idNumber: true, permitIssuedAt: true, subject1PassedAt: true },
      });
      let voided = false;
      if (result === 'PASS') {
        await tx.learner.update({
          where: { id: b.learnerId },
          data: {
            [`subject${b.subject}PassedAt`]: b.session.startsAt,
            // The permit is issued on passing 科目一 (Art. 40).
            ...(b.subject === 1 && !learner.permitIssuedAt ? { permitIssuedAt: b.session.startsAt } : {}),
          },
          select: { id: true },
        });
      } else if (b.subject === 2 || b.subject === 3) {
        const history = await tx.examBooking.findMany({
          where: { learnerId: b.learnerId, subject: b.subject },
          select: { subject: true, result: true, session: { select: { startsAt: true } } },
        });
        const used = attemptsUsed(
          history.map((h) => ({ ...h, startsAt: h.session.startsAt })) as never,
          b.subject,
          learner.permitIssuedAt ?? learner.subject1PassedAt,
        );
        if (used >= MAX_SKILL_ATTEMPTS) {
          voided = true;
          await tx.learner.update({
            where: { id: b.learnerId },
            data: { subject1PassedAt: null, subject2PassedAt: null, subject3PassedAt: null, subject4PassedAt: null, permitIssuedAt: null },
            select: { id: true },
          });
        }
      }
      const driverId = (await driversOfLearners(tx, [b.learnerId])).get(b.learnerId);
      if (driverId) {
        await noticeResult(tx, { bookingId, driverId, subject: b.subject, startsAt: b.session.startsAt, venue: b.session.venue.name }, result);
      }
      await audit(tx, {
        actor: { type: 'STAFF', id: staffId },
        action: 'exam.result_recorded',
        entityType: 'ExamBooking',
        entityId: bookingId,
        details: { result, learner: maskIdNumber(learner.idNumber), subject: subjectLabel(b.subject), voided },
        ip,
      });
      return { id: bookingId, subject: b.subject, result, resultAt: now, subjectsVoided: voided };
    });
    deps.exams.sessionsChanged();
    return out;
  } catch (err) {
    if (err instanceof ResultRefused) {
      throw err.status === 404 ? notFound(err.userMessage) : conflict('INVALID_STATE', err.userMessage);
    }
    throw err;
  }
}

