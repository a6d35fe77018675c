// HTTP edge of exam booking (约考): learner endpoints under /api/exam, admin ones under /api/admin.
import { z } from 'zod';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { learnerInput } from './learners';
import { LICENCE_CLASSES } from './rules';
import { allocateSession } from './use-cases/allocate-session';
import { bookSeat } from './use-cases/book-seat';
import { cancelBooking } from './use-cases/cancel-booking';
import { createVenue } from './use-cases/create-venue';
import { eligibilityOverview } from './use-cases/eligibility-overview';
import { getOwnBooking } from './use-cases/get-own-booking';
import { getSession } from './use-cases/get-session';
import { importLearners } from './use-cases/import-learners';
import { importResults } from './use-cases/import-results';
import { listAdminSessions } from './use-cases/list-admin-sessions';
import { listCalendarDays } from './use-cases/list-calendar-days';
import { listLearners } from './use-cases/list-learners';
import { listOwnBookings } from './use-cases/list-own-bookings';
import { listSessionBookings } from './use-cases/list-session-bookings';
import { listSessions } from './use-cases/list-sessions';
import { listVenues } from './use-cases/list-venues';
import { publishSession } from './use-cases/publish-session';
import { recordResult } from './use-cases/record-result';
import { setCalendarDays } from './use-cases/set-calendar-days';
import { upsertLearner } from './use-cases/upsert-learner';

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
    handler: ({ params }) => getSession(deps, { sessionId: params.id }),
  });

  api.route({
    method: 'get',
    path: '/api/exam/venues',
    tag: 'exams',
    summary: 'Exam venues',
    access: 'public',
    handler: () => listVenues(deps),
  });

  api.route({
    method: 'get',
    path: '/api/exam/eligibility',
    tag: 'exams',
    summary: 'Per subject: passed, booked, bookable, or not bookable with the reason and when that changes',
    access: 'driver',
    errors: { 422: ['NOT_ELIGIBLE'] },
    handler: ({ caller }) => eligibilityOverview(deps, { caller }),
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
      const outcome = await bookSeat(deps, { caller, sessionId: body.sessionId, ip: ctx.ip });
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
    handler: ({ caller, query }) => listOwnBookings(deps, { caller, ...query }),
  });

  api.route({
    method: 'get',
    path: '/api/exam/bookings/:id',
    tag: 'exams',
    summary: 'One of the caller’s bookings',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params }) => getOwnBooking(deps, { caller, bookingId: params.id }),
  });

  api.route({
    method: 'delete',
    path: '/api/exam/bookings/:id',
    tag: 'exams',
    summary: 'Cancel: a PENDING application until booking closes, a CONFIRMED seat until one working day before the exam',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'], 422: ['CANCELLATION_CLOSED'] },
    handler: ({ caller, params, ctx }) => cancelBooking(deps, { caller, bookingId: params.id, ip: ctx.ip }),
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
      const out = await upsertLearner(deps, { staffId: caller.id, learner: body, ip: ctx.ip });
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
    handler: ({ caller, body, ctx }) => importLearners(deps, { staffId: caller.id, body, ip: ctx.ip }),
  });

  api.route({
    method: 'get',
    path: '/api/admin/venues',
    tag: 'admin',
    summary: 'Exam venues',
    access: ['admin'],
    handler: () => listVenues(deps),
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
    handler: ({ caller, body, ctx }) => createVenue(deps, { staffId: caller.id, ...body, ip: ctx.ip }),
  });

  api.route({
    method: 'get',
    path: '/api/admin/exam-sessions',
    tag: 'admin',
    summary: 'Sessions with their counts and fill rate, latest exam first',
    access: ['admin'],
    query: sessionQuery,
    handler: ({ query }) => listAdminSessions(deps, query),
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
    handler: ({ caller, body, ctx }) => publishSession(deps, { staffId: caller.id, ...body, ip: ctx.ip }),
  });

  api.route({
    method: 'post',
    path: '/api/admin/exam-sessions/:id/allocate',
    tag: 'admin',
    summary: "Close a RANKED session's booking now and allocate it (again: nothing changes)",
    access: ['admin'],
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    handler: ({ caller, params }) => allocateSession(deps, { staffId: caller.id, sessionId: params.id }),
  });

  api.route({
    method: 'get',
    path: '/api/admin/exam-sessions/:id/bookings',
    tag: 'admin',
    summary: 'The bookings of a session in rank order, for recording results',
    access: ['admin'],
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ params }) => listSessionBookings(deps, { sessionId: params.id }),
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
    handler: ({ caller, params, body, ctx }) => recordResult(deps, { staffId: caller.id, bookingId: params.id, result: body.result, ip: ctx.ip }),
  });

  api.route({
    method: 'post',
    path: '/api/admin/import/exam-results',
    tag: 'admin',
    summary: 'Import results: a JSON array or {"csv": "..."} of bookingId,result',
    access: ['admin'],
    body: importBody,
    handler: ({ caller, body, ctx }) => importResults(deps, { staffId: caller.id, body, ip: ctx.ip }),
  });

  api.route({
    method: 'get',
    path: '/api/admin/calendar-days',
    tag: 'admin',
    summary: 'Holidays and worked weekend days used for working-day arithmetic',
    access: ['admin'],
    handler: () => listCalendarDays(deps),
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
    handler: ({ caller, body, ctx }) => setCalendarDays(deps, { staffId: caller.id, days: body.days, ip: ctx.ip }),
  });
}
