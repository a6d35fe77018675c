// Exam results: recorded by an admin per booking (or imported), counted as attempts, passed
// subjects written to the learner, and the learner told.
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { conflict, notFound } from '../../http/errors';
import { issuesToDetails } from '../../http/api';
import { audit } from '../../lib/audit';
import { maskIdNumber } from '../../lib/mask';
import { driversOfLearners, noticeResult } from './notices';
import { subjectLabel } from '@jiaoguan/contracts/labels';
import { attemptsUsed, MAX_SKILL_ATTEMPTS } from './rules';
import { sessionsChanged } from './sessions';

export type ResultValue = 'PASS' | 'FAIL' | 'NO_SHOW';

class ResultRefused extends Error {
  constructor(readonly status: 404 | 409, readonly userMessage: string) {
    super(userMessage);
  }
}

/** Records one result; a 5th failed 科目二 / 科目三 voids the subjects passed under that permit (Art. 46). */
export async function recordResult(deps: AppDeps, staffId: number, bookingId: number, result: ResultValue, ip?: string) {
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
    sessionsChanged(deps);
    return out;
  } catch (err) {
    if (err instanceof ResultRefused) {
      throw err.status === 404 ? notFound(err.userMessage) : conflict('INVALID_STATE', err.userMessage);
    }
    throw err;
  }
}

const resultRow = z.object({
  bookingId: z.coerce.number().int().positive(),
  result: z.enum(['PASS', 'FAIL', 'NO_SHOW'], { error: '成绩应为 PASS、FAIL 或 NO_SHOW' }),
});

export function resultImportRows(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  const csv = (input as { csv?: unknown })?.csv;
  if (typeof csv !== 'string') return [];
  return parseCsv(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as unknown[];
}

/** POST /api/admin/import/exam-results: rows of bookingId + result; each refused row with its reason. */
export async function importResults(deps: AppDeps, staffId: number, rows: unknown[], ip?: string) {
  let created = 0;
  const rejected: { line: number; reason: string }[] = [];
  for (const [i, row] of rows.entries()) {
    const line = i + 1;
    const parsed = resultRow.safeParse(row);
    if (!parsed.success) {
      rejected.push({ line, reason: issuesToDetails(parsed.error).map((d) => `${d.path}: ${d.message}`).join('; ') });
      continue;
    }
    try {
      await recordResult(deps, staffId, parsed.data.bookingId, parsed.data.result, ip);
      created++;
    } catch (err) {
      const message = (err as { userMessage?: string }).userMessage;
      if (!message) throw err;
      rejected.push({ line, reason: message });
    }
  }
  return { created, updated: 0, rejected };
}

/** The bookings of a session for the admin's result sheet, in rank order. */
export async function sessionBookings(deps: AppDeps, sessionId: number) {
  const session = await deps.db.examSession.findUnique({ where: { id: sessionId }, select: { id: true } });
  if (!session) throw notFound('没有找到该考试场次');
  const rows = await deps.db.examBooking.findMany({
    where: { sessionId },
    select: {
      id: true,
      status: true,
      priority: true,
      sortTime: true,
      result: true,
      resultAt: true,
      createdAt: true,
      learner: { select: { id: true, name: true, idNumber: true, licenceClass: true } },
    },
    orderBy: [{ priority: 'desc' }, { sortTime: 'asc' }, { id: 'asc' }],
  });
  const items = rows.map((r) => ({ ...r, learner: { ...r.learner, idNumber: maskIdNumber(r.learner.idNumber) } }));
  return { items, total: items.length };
}
