// HTTP edge of exam booking (约考): learner endpoints under /api/exam, admin ones under /api/admin.
import {
  adminExamSession,
  adminSessionPage,
  allocatedSession,
  booking,
  bookingPage,
  bookRequest,
  calendarDayPage,
  calendarDaysRequest,
  calendarDaysUpdated,
  examEligibility,
  examSession,
  importReport,
  learner,
  learnerPage,
  learnerRequest,
  learnerSearchQuery,
  newSessionRequest,
  newVenueRequest,
  recordedResult,
  recordResultRequest,
  rowsImportRequest,
  sessionBookingPage,
  sessionCancelRequest,
  sessionChangeRequest,
  sessionPage,
  sessionQuery,
  venue,
  venuePage,
} from '@jiaoguan/contracts/schemas/exams';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { allocateSession } from './use-cases/allocate-session';
import { bookSeat, refuseBookingIfKnownFull } from './use-cases/book-seat';
import { cancelBooking } from './use-cases/cancel-booking';
import { cancelSession } from './use-cases/cancel-session';
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
import { updateSession } from './use-cases/update-session';
import { upsertLearner } from './use-cases/upsert-learner';

export function registerExamRoutes(api: Api, deps: AppDeps) {
  const exam = api.module('/api/exam', { tag: 'exams' });
  const admin = api.module('/api/admin', { tag: 'admin' });

  // ---- learners (drivers) ----
  exam.route({
    method: 'get',
    path: '/sessions',
    summary: 'Upcoming sessions, soonest first, with capacity and remaining (FIRST_COME) or applicants (RANKED)',
    access: 'public',
    query: pageQuery.extend(sessionQuery.shape),
    response: sessionPage,
    handler: ({ query }) => listSessions(deps, query),
  });

  exam.route({
    method: 'get',
    path: '/sessions/:id',
    summary: 'One session',
    access: 'public',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    response: examSession,
    handler: ({ params }) => getSession(deps, { sessionId: params.id }),
  });

  exam.route({
    method: 'get',
    path: '/venues',
    summary: 'Exam venues',
    access: 'public',
    response: venuePage,
    handler: () => listVenues(deps),
  });

  exam.route({
    method: 'get',
    path: '/eligibility',
    summary: 'Per subject: passed, booked, bookable, or not bookable with the reason and when that changes',
    access: 'driver',
    errors: { 422: ['NOT_ELIGIBLE'] },
    response: examEligibility,
    handler: ({ caller }) => eligibilityOverview(deps, { caller }),
  });

  exam.route({
    method: 'post',
    path: '/bookings',
    summary: 'Book a FIRST_COME seat (CONFIRMED) or apply to a RANKED session (PENDING with rank); a retry returns the same booking with 200',
    access: 'driver',
    status: 201,
    body: bookRequest,
    errors: { 404: ['NOT_FOUND'], 409: ['SESSION_FULL', 'ALREADY_BOOKED'], 422: ['NOT_ELIGIBLE'] },
    response: booking,
    refuseBeforeAuth: ({ driverId, body }) => refuseBookingIfKnownFull(deps, driverId, body.sessionId),
    handler: async ({ caller, body, ctx }) => {
      const outcome = await bookSeat(deps, { caller, sessionId: body.sessionId, ip: ctx.ip });
      ctx.status = outcome.created ? 201 : 200;
      ctx.body = outcome.booking;
      return undefined;
    },
  });

  exam.route({
    method: 'get',
    path: '/bookings',
    summary: "The caller's bookings, newest first (PENDING ones with their live rank)",
    access: 'driver',
    query: pageQuery,
    response: bookingPage,
    handler: ({ caller, query }) => listOwnBookings(deps, { caller, ...query }),
  });

  exam.route({
    method: 'get',
    path: '/bookings/:id',
    summary: 'One of the caller’s bookings',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    response: booking,
    handler: ({ caller, params }) => getOwnBooking(deps, { caller, bookingId: params.id }),
  });

  exam.route({
    method: 'delete',
    path: '/bookings/:id',
    summary: 'Cancel: a PENDING application until booking closes, a CONFIRMED seat until one working day before the exam',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'], 422: ['CANCELLATION_CLOSED'] },
    response: booking,
    handler: ({ caller, params, ctx }) => cancelBooking(deps, { caller, bookingId: params.id, ip: ctx.ip }),
  });

  // ---- admin ----
  admin.route({
    method: 'post',
    path: '/learners',
    summary: 'Create or update a learner by ID number (201 created, 200 updated)',
    access: ['admin'],
    status: 201,
    body: learnerRequest,
    response: learner,
    handler: async ({ caller, body, ctx }) => {
      const out = await upsertLearner(deps, { staffId: caller.id, learner: body, ip: ctx.ip });
      ctx.status = out.created ? 201 : 200;
      ctx.body = out.learner;
      return undefined;
    },
  });

  admin.route({
    method: 'get',
    path: '/learners',
    summary: 'Learners, newest first; search by name or the start of an ID number',
    access: ['admin'],
    query: pageQuery.extend(learnerSearchQuery.shape),
    response: learnerPage,
    handler: ({ query, caller, ctx }) => listLearners(deps, { ...query, staffId: caller.id, ip: ctx.ip }),
  });

  admin.route({
    method: 'post',
    path: '/import/learners',
    summary: 'Import learners: a JSON array, or {"csv": "..."} with the field names as header (passedSubjects as "1;2")',
    access: ['admin'],
    body: rowsImportRequest,
    response: importReport,
    handler: ({ caller, body, ctx }) => importLearners(deps, { staffId: caller.id, body, ip: ctx.ip }),
  });

  admin.route({
    method: 'get',
    path: '/venues',
    summary: 'Exam venues',
    access: ['admin'],
    response: venuePage,
    handler: () => listVenues(deps),
  });

  admin.route({
    method: 'post',
    path: '/venues',
    summary: 'Create an exam venue',
    access: ['admin'],
    status: 201,
    body: newVenueRequest,
    errors: { 404: ['NOT_FOUND'], 409: ['VENUE_EXISTS'] },
    response: venue,
    handler: ({ caller, body, ctx }) => createVenue(deps, { staffId: caller.id, ...body, ip: ctx.ip }),
  });

  admin.route({
    method: 'get',
    path: '/exam-sessions',
    summary: 'Sessions with their counts and fill rate, latest exam first',
    access: ['admin'],
    query: pageQuery.extend(sessionQuery.shape),
    response: adminSessionPage,
    handler: ({ query }) => listAdminSessions(deps, query),
  });

  admin.route({
    method: 'post',
    path: '/exam-sessions',
    summary: 'Publish a session (at least the configured notice before the exam); venue by id or by name',
    access: ['admin'],
    status: 201,
    body: newSessionRequest,
    errors: { 404: ['NOT_FOUND'], 422: ['NOTICE_TOO_SHORT'] },
    response: adminExamSession,
    handler: ({ caller, body, ctx }) => publishSession(deps, { staffId: caller.id, ...body, ip: ctx.ip }),
  });

  admin.route({
    method: 'post',
    path: '/exam-sessions/:id/allocate',
    summary: "Close a RANKED session's booking now and allocate it (again: nothing changes)",
    access: ['admin'],
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    response: allocatedSession,
    handler: ({ caller, params }) => allocateSession(deps, { staffId: caller.id, sessionId: params.id }),
  });

  admin.route({
    method: 'patch',
    path: '/exam-sessions/:id',
    summary: 'Change capacity (never below the seats taken), time or venue; active holders are told of a time or venue change',
    access: ['admin'],
    params: idParam,
    body: sessionChangeRequest,
    errors: { 404: ['NOT_FOUND'], 409: ['CAPACITY_BELOW_BOOKED', 'INVALID_STATE'] },
    response: adminExamSession,
    handler: ({ caller, params, body, ctx }) => updateSession(deps, { staffId: caller.id, sessionId: params.id, ...body, ip: ctx.ip }),
  });

  admin.route({
    method: 'post',
    path: '/exam-sessions/:id/cancel',
    summary: 'Cancel a session with a reason: its active bookings become CANCELLED_BY_OFFICE and each holder is told (again: the same session)',
    access: ['admin'],
    params: idParam,
    body: sessionCancelRequest,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    response: adminExamSession,
    handler: ({ caller, params, body, ctx }) => cancelSession(deps, { staffId: caller.id, sessionId: params.id, reason: body.reason, ip: ctx.ip }),
  });

  admin.route({
    method: 'get',
    path: '/exam-sessions/:id/bookings',
    summary: 'The bookings of a session in rank order, for recording results',
    access: ['admin'],
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    response: sessionBookingPage,
    handler: ({ params }) => listSessionBookings(deps, { sessionId: params.id }),
  });

  admin.route({
    method: 'post',
    path: '/exam-bookings/:id/result',
    summary: 'Record PASS, FAIL or NO_SHOW for a confirmed booking whose exam has started',
    access: ['admin'],
    params: idParam,
    body: recordResultRequest,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    response: recordedResult,
    handler: ({ caller, params, body, ctx }) => recordResult(deps, { staffId: caller.id, bookingId: params.id, result: body.result, ip: ctx.ip }),
  });

  admin.route({
    method: 'post',
    path: '/import/exam-results',
    summary: 'Import results: a JSON array or {"csv": "..."} of bookingId,result',
    access: ['admin'],
    body: rowsImportRequest,
    response: importReport,
    handler: ({ caller, body, ctx }) => importResults(deps, { staffId: caller.id, body, ip: ctx.ip }),
  });

  admin.route({
    method: 'get',
    path: '/calendar-days',
    summary: 'Holidays and worked weekend days used for working-day arithmetic',
    access: ['admin'],
    response: calendarDayPage,
    handler: () => listCalendarDays(deps),
  });

  admin.route({
    method: 'put',
    path: '/calendar-days',
    summary: 'Set days as holidays (isWorkday false) or worked days (true)',
    access: ['admin'],
    body: calendarDaysRequest,
    response: calendarDaysUpdated,
    handler: ({ caller, body, ctx }) => setCalendarDays(deps, { staffId: caller.id, days: body.days, ip: ctx.ip }),
  });
}
