// HTTP edge of exam booking (约考): learner endpoints under /api/exam, admin ones under /api/admin.
import { z } from 'zod';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { badRequest } from '../../http/errors';
import { audit } from '../../lib/audit';
import { allocateNow } from './allocation';
import { book, cancel, eligibility, getOwnBooking, listOwnBookings } from './booking';
import { forgetCalendar } from './calendar';
import { importLearners, learnerImportRows, learnerInput, listLearners, upsertLearner } from './learners';
import { importResults, recordResult, resultImportRows, sessionBookings } from './results';
import { LICENCE_CLASSES } from './rules';
import { adminListSessions, createSession, createVenue, getSession, listSessions, listVenues } from './sessions';

const subjectField = z.coerce.number().int().min(1, '科目应为1至4').max(4, '科目应为1至4');
const instant = z.iso.datetime({ offset: true, error: '时间格式应为带时区的 ISO 8601' }).transform((v) => new Date(v));
const sessionQuery = pageQuery.extend({
  subject: subjectField.optional(),
  licenceClass: z.enum(LICENCE_CLASSES).optional(),
  venueId: z.coerce.number().int().positive().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
const importBody = z.union([z.array(z.unknown()).max(10_000), z.object({ csv: z.string().max(5_000_000) })]);

export function registerExamRoutes(api: Api, deps: AppDeps) {
  // ---- learners (drivers) ----
  api.route({
    method: 'get',
    path: '/api/exam/sessions',
    tag: 'exams',
    summary: 'Upcoming sessions, soonest first, with capacity and remaining (FIRST_COME) or applicants (RANKED)',
    access: 'public',
    query: sessionQuery,
    handler: ({ query }) => listSessions(deps, query),
  });

  api.route({
    method: 'get',
    path: '/api/exam/sessions/:id',
    tag: 'exams',
    summary: 'One session',
    access: 'public',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ params }) => getSession(deps, params.id),
  });

  api.route({
    method: 'get',
    path: '/api/exam/venues',
    tag: 'exams',
    summary: 'Exam venues',
    access: 'public',
    handler: () => listVenues(deps.db),
  });

  api.route({
    method: 'get',
    path: '/api/exam/eligibility',
    tag: 'exams',
    summary: 'Per subject: passed, booked, bookable, or not bookable with the reason and when that changes',
    access: 'driver',
    errors: { 422: ['NOT_ELIGIBLE'] },
    handler: ({ caller }) => eligibility(deps, caller),
  });

  api.route({
    method: 'post',
    path: '/api/exam/bookings',
    tag: 'exams',
    summary: 'Book a FIRST_COME seat (CONFIRMED) or apply to a RANKED session (PENDING with rank); a retry returns the same booking with 200',
    access: 'driver',
    status: 201,
    body: z.object({ sessionId: z.coerce.number().int().positive().max(2_147_483_647) }),
    errors: { 404: ['NOT_FOUND'], 409: ['SESSION_FULL', 'ALREADY_BOOKED'], 422: ['NOT_ELIGIBLE'] },
    handler: async ({ caller, body, ctx }) => {
      const outcome = await book(deps, caller, body.sessionId);
      ctx.status = outcome.created ? 201 : 200;
      ctx.body = outcome.booking;
      return undefined;
    },
  });

  api.route({
    method: 'get',
    path: '/api/exam/bookings',
    tag: 'exams',
    summary: "The caller's bookings, newest first (PENDING ones with their live rank)",
    access: 'driver',
    query: pageQuery,
    handler: ({ caller, query }) => listOwnBookings(deps, caller, query),
  });

  api.route({
    method: 'get',
    path: '/api/exam/bookings/:id',
    tag: 'exams',
    summary: 'One of the caller’s bookings',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params }) => getOwnBooking(deps, caller, params.id),
  });

  api.route({
    method: 'delete',
    path: '/api/exam/bookings/:id',
    tag: 'exams',
    summary: 'Cancel: a PENDING application until booking closes, a CONFIRMED seat until one working day before the exam',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'], 422: ['CANCELLATION_CLOSED'] },
    handler: ({ caller, params }) => cancel(deps, caller, params.id),
  });

  // ---- admin ----
  api.route({
    method: 'post',
    path: '/api/admin/learners',
    tag: 'admin',
    summary: 'Create or update a learner by ID number (201 created, 200 updated)',
    access: ['admin'],
    status: 201,
    body: learnerInput,
    handler: async ({ caller, body, ctx }) => {
      const out = await upsertLearner(deps, caller.id, body, ctx.ip);
      ctx.status = out.created ? 201 : 200;
      ctx.body = out.learner;
      return undefined;
    },
  });

  api.route({
    method: 'get',
    path: '/api/admin/learners',
    tag: 'admin',
    summary: 'Learners, newest first; search by name or the start of an ID number',
    access: ['admin'],
    query: pageQuery.extend({ search: z.string().trim().max(32).optional() }),
    handler: ({ query }) => listLearners(deps, query),
  });

  api.route({
    method: 'post',
    path: '/api/admin/import/learners',
    tag: 'admin',
    summary: 'Import learners: a JSON array, or {"csv": "..."} with the field names as header (passedSubjects as "1;2")',
    access: ['admin'],
    body: importBody,
    handler: ({ caller, body, ctx }) => importLearners(deps, caller.id, learnerImportRows(body), ctx.ip),
  });

  api.route({
    method: 'get',
    path: '/api/admin/venues',
    tag: 'admin',
    summary: 'Exam venues',
    access: ['admin'],
    handler: () => listVenues(deps.db),
  });

  api.route({
    method: 'post',
    path: '/api/admin/venues',
    tag: 'admin',
    summary: 'Create an exam venue',
    access: ['admin'],
    status: 201,
    body: z.object({
      name: z.string().trim().min(1, '请填写考场名称').max(64),
      address: z.string().trim().min(1, '请填写地址').max(255),
      unit: z.string().max(32).optional(),
    }),
    errors: { 404: ['NOT_FOUND'], 409: ['VENUE_EXISTS'] },
    handler: ({ caller, body, ctx }) => createVenue(deps, caller.id, body, ctx.ip),
  });

  api.route({
    method: 'get',
    path: '/api/admin/exam-sessions',
    tag: 'admin',
    summary: 'Sessions with their counts and fill rate, latest exam first',
    access: ['admin'],
    query: sessionQuery,
    handler: ({ query }) => adminListSessions(deps, query),
  });

  api.route({
    method: 'post',
    path: '/api/admin/exam-sessions',
    tag: 'admin',
    summary: 'Publish a session (at least the configured notice before the exam); venue by id or by name',
    access: ['admin'],
    status: 201,
    body: z.object({
      subject: subjectField,
      licenceClass: z.enum(LICENCE_CLASSES, { error: '准驾车型不正确' }),
      venue: z.union([z.number().int().positive(), z.string().trim().min(1).max(64)]),
      startsAt: instant,
      capacity: z.number().int().min(1, '考位至少1个').max(10_000),
      bookingOpensAt: instant,
      bookingClosesAt: instant,
      allocation: z.enum(['RANKED', 'FIRST_COME']),
    }),
    errors: { 404: ['NOT_FOUND'], 422: ['NOTICE_TOO_SHORT'] },
    handler: ({ caller, body, ctx }) => createSession(deps, caller.id, body, ctx.ip),
  });

  api.route({
    method: 'post',
    path: '/api/admin/exam-sessions/:id/allocate',
    tag: 'admin',
    summary: "Close a RANKED session's booking now and allocate it (again: nothing changes)",
    access: ['admin'],
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    handler: ({ caller, params }) => allocateNow(deps, caller.id, params.id),
  });

  api.route({
    method: 'get',
    path: '/api/admin/exam-sessions/:id/bookings',
    tag: 'admin',
    summary: 'The bookings of a session in rank order, for recording results',
    access: ['admin'],
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ params }) => sessionBookings(deps, params.id),
  });

  api.route({
    method: 'post',
    path: '/api/admin/exam-bookings/:id/result',
    tag: 'admin',
    summary: 'Record PASS, FAIL or NO_SHOW for a confirmed booking whose exam has started',
    access: ['admin'],
    params: idParam,
    body: z.object({ result: z.enum(['PASS', 'FAIL', 'NO_SHOW']) }),
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    handler: ({ caller, params, body, ctx }) => recordResult(deps, caller.id, params.id, body.result, ctx.ip),
  });

  api.route({
    method: 'post',
    path: '/api/admin/import/exam-results',
    tag: 'admin',
    summary: 'Import results: a JSON array or {"csv": "..."} of bookingId,result',
    access: ['admin'],
    body: importBody,
    handler: ({ caller, body, ctx }) => importResults(deps, caller.id, resultImportRows(body), ctx.ip),
  });

  api.route({
    method: 'get',
    path: '/api/admin/calendar-days',
    tag: 'admin',
    summary: 'Holidays and worked weekend days used for working-day arithmetic',
    access: ['admin'],
    handler: async () => {
      const items = await deps.db.calendarDay.findMany({ orderBy: { date: 'asc' } });
      return { items: items.map((d) => ({ ...d, date: d.date.toISOString().slice(0, 10) })), total: items.length };
    },
  });

  api.route({
    method: 'put',
    path: '/api/admin/calendar-days',
    tag: 'admin',
    summary: 'Set days as holidays (isWorkday false) or worked days (true)',
    access: ['admin'],
    body: z.object({
      days: z
        .array(z.object({ date: z.iso.date('日期格式应为 YYYY-MM-DD'), isWorkday: z.boolean(), name: z.string().trim().min(1).max(32) }))
        .min(1)
        .max(400),
    }),
    handler: async ({ caller, body, ctx }) => {
      if (new Set(body.days.map((d) => d.date)).size !== body.days.length) {
        throw badRequest([{ path: 'days', message: '日期重复' }]);
      }
      await deps.db.$transaction(async (tx) => {
        for (const d of body.days) {
          const date = new Date(`${d.date}T00:00:00Z`);
          await tx.calendarDay.upsert({ where: { date }, create: { date, isWorkday: d.isWorkday, name: d.name }, update: { isWorkday: d.isWorkday, name: d.name } });
        }
        await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'exam.calendar_changed', entityType: 'CalendarDay', details: { days: body.days.length }, ip: ctx.ip });
      });
      forgetCalendar();
      return { updated: body.days.length };
    },
  });
}
