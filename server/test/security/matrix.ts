// Who may call what: for every route of the app, the answer each caller gets when the route is
// pointed at the owner's records (server/test/security/world.ts, with the requests of requests.ts).
//
//   OK   allowed: 2xx, or a business refusal (409 conflict, 422 rule) — the caller got in
//   401  not logged in · 403 not for this role · 404 not theirs to see (or no such record for them)
//
// Callers: anonymous; owner (driver A: the reporter of the cases, the asker, the booking's learner,
// the vehicle's and the messages' holder); otherDriver (a driver with records of their own);
// officer (of tengzhou, the cases' unit); otherOfficer (of shizhong); agent; admin; insurer (中国人保财险's
// claims staff: the owner's claim on the open case is PICC's).
// A new route fails authorisation-matrix.test.ts until it has a row here.
export const OK = 'OK' as const;
export type Outcome = typeof OK | 401 | 403 | 404;
export type Row = readonly [anonymous: Outcome, owner: Outcome, otherDriver: Outcome, officer: Outcome, otherOfficer: Outcome, agent: Outcome, admin: Outcome, insurer: Outcome];

// prettier-ignore
export const MATRIX: Record<string, Row> = {
  //                                              anon owner other  officer oOfficer agent admin insurer
  // ---- auth, identity, staff ----
  'POST /api/auth/wechat':                        [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'POST /api/auth/staff':                         [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'POST /api/auth/logout':                        [401, OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'GET /api/me':                                  [401, OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'POST /api/me/identity':                        [401, OK,   OK,   403,  403,  403,  403, 403],
  'DELETE /api/me/identity':                      [401, OK,   OK,   403,  403,  403,  403, 403],
  'DELETE /api/admin/identities/:idNumber':       [401, 403,  403,  403,  403,  403,  OK, 403],
  'GET /api/units':                               [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'GET /api/admin/staff':                         [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/staff':                        [401, 403,  403,  403,  403,  403,  OK, 403],
  'PATCH /api/admin/staff/:id':                   [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/staff/:id/reset-password':     [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/me/password':                        [401, 403,  403,  OK,   OK,   OK,   OK, OK ],
  'GET /api/admin/units':                         [401, 403,  403,  403,  403,  403,  OK, 403],
  'PATCH /api/admin/units/:code':                 [401, 403,  403,  403,  403,  403,  OK, 403],

  // ---- inquiries ----
  'GET /api/me/licence':                          [401, OK,   OK,   403,  403,  403,  403, 403],
  'GET /api/me/vehicles':                         [401, OK,   OK,   403,  403,  403,  403, 403],
  'POST /api/me/vehicles':                        [401, OK,   404,  403,  403,  403,  403, 403],
  'DELETE /api/me/vehicles/:id':                  [401, OK,   404,  403,  403,  403,  403, 403],
  'GET /api/me/violations':                       [401, OK,   OK,   403,  403,  403,  403, 403],
  'POST /api/admin/import/licences':              [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/import/vehicles':              [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/import/violations':            [401, 403,  403,  403,  403,  403,  OK, 403],

  // ---- consultations ----
  'GET /api/consultations/faq':                   [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'POST /api/consultations':                      [401, OK,   OK,   403,  403,  403,  403, 403],
  'GET /api/consultations':                       [401, OK,   OK,   403,  403,  403,  403, 403],
  'GET /api/consultations/:id':                   [401, OK,   404,  403,  403,  403,  403, 403],
  'POST /api/consultations/:id/messages':         [401, OK,   404,  403,  403,  403,  403, 403],
  'POST /api/consultations/:id/close':            [401, OK,   404,  403,  403,  403,  403, 403],
  'POST /api/consultations/:id/rating':           [401, OK,   404,  403,  403,  403,  403, 403],
  'GET /api/agent/consultations':                 [401, 403,  403,  403,  403,  OK,   OK, 403],
  'GET /api/agent/consultations/:id':             [401, 403,  403,  403,  403,  OK,   OK, 403],
  'POST /api/agent/consultations/:id/claim':      [401, 403,  403,  403,  403,  OK,   OK, 403],
  'POST /api/agent/consultations/:id/replies':    [401, 403,  403,  403,  403,  OK,   OK, 403],
  'POST /api/agent/consultations/:id/transfer':   [401, 403,  403,  403,  403,  OK,   OK, 403],
  'POST /api/agent/consultations/:id/approve':    [401, 403,  403,  403,  403,  OK,   OK, 403],
  'POST /api/agent/consultations/:id/close':      [401, 403,  403,  403,  403,  OK,   OK, 403],
  'GET /api/agent/canned-replies':                [401, 403,  403,  403,  403,  OK,   OK, 403],
  'POST /api/agent/canned-replies':               [401, 403,  403,  403,  403,  OK,   OK, 403],
  'PATCH /api/agent/canned-replies/:id':          [401, 403,  403,  403,  403,  OK,   OK, 403],
  'DELETE /api/agent/canned-replies/:id':         [401, 403,  403,  403,  403,  OK,   OK, 403],
  'GET /api/agent/faq':                           [401, 403,  403,  403,  403,  OK,   OK, 403],
  'POST /api/agent/faq':                          [401, 403,  403,  403,  403,  OK,   OK, 403],
  'PATCH /api/agent/faq/:id':                     [401, 403,  403,  403,  403,  OK,   OK, 403],
  'DELETE /api/agent/faq/:id':                    [401, 403,  403,  403,  403,  OK,   OK, 403],

  // ---- accidents ----
  'GET /api/accidents/scenarios':                 [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'POST /api/accidents/eligibility':              [401, OK,   OK,   403,  403,  403,  403, 403],
  'POST /api/accidents':                          [401, OK,   OK,   403,  403,  403,  403, 403],
  'GET /api/accidents':                           [401, OK,   OK,   403,  403,  403,  403, 403],
  'POST /api/accidents/join':                     [401, OK,   OK,   403,  403,  403,  403, 403],
  'GET /api/accidents/:id':                       [401, OK,   404,  403,  403,  403,  403, 403],
  'GET /api/accidents/:id/invite-qr':             [401, OK,   404,  403,  403,  403,  403, 403],
  'PUT /api/accidents/:id/parties/me':            [401, OK,   404,  403,  403,  403,  403, 403],
  'POST /api/accidents/:id/photos':               [401, OK,   404,  403,  403,  403,  403, 403],
  'GET /api/accidents/:id/photos/:photoId':       [401, OK,   404,  OK,   404,  403,  403, 403],
  'DELETE /api/accidents/:id/photos/:photoId':    [401, OK,   404,  403,  403,  403,  403, 403],
  'PUT /api/accidents/:id/liability':             [401, OK,   404,  403,  403,  403,  403, 403],
  'POST /api/accidents/:id/confirmation':         [401, OK,   404,  403,  403,  403,  403, 403],
  'POST /api/accidents/:id/cancel':               [401, OK,   404,  403,  403,  403,  403, 403],
  'GET /api/accidents/:id/agreement':             [401, OK,   404,  OK,   404,  404,  404, 404],
  'GET /api/agreements/verify':                   [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  // Public: an unknown code is 404 for everyone alike, logged in or not (test/documents has the found case).
  'GET /api/public/documents/:code':              [404, 404,  404,  404,  404,  404,  404, 404],
  'GET /api/me/insurance-claims':                 [401, OK,   OK,   403,  403,  403,  403, 403],
  'GET /api/officer/accidents':                   [401, 403,  403,  OK,   OK,   403,  403, 403],
  'GET /api/officer/stats':                       [401, 403,  403,  OK,   OK,   403,  403, 403],
  'GET /api/officer/events':                      [401, 403,  403,  OK,   OK,   403,  403, 403],
  'GET /api/officer/accidents/:id':               [401, 403,  403,  OK,   404,  403,  403, 403],
  'POST /api/officer/accidents/:id/decision':     [401, 403,  403,  OK,   404,  403,  403, 403],
  'POST /api/officer/accidents/:id/handover':     [401, 403,  403,  OK,   404,  403,  403, 403],
  'GET /api/admin/insurance-claims':              [401, 403,  403,  OK,   OK,   403,  OK, 403],

  // ---- exams ----
  'GET /api/exam/sessions':                       [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'GET /api/exam/sessions/:id':                   [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'GET /api/exam/venues':                         [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'GET /api/exam/eligibility':                    [401, OK,   OK,   403,  403,  403,  403, 403],
  'POST /api/exam/bookings':                      [401, OK,   OK,   403,  403,  403,  403, 403],
  'GET /api/exam/bookings':                       [401, OK,   OK,   403,  403,  403,  403, 403],
  'GET /api/exam/bookings/:id':                   [401, OK,   404,  403,  403,  403,  403, 403],
  'DELETE /api/exam/bookings/:id':                [401, OK,   404,  403,  403,  403,  403, 403],
  'POST /api/admin/learners':                     [401, 403,  403,  403,  403,  403,  OK, 403],
  'GET /api/admin/learners':                      [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/import/learners':              [401, 403,  403,  403,  403,  403,  OK, 403],
  'GET /api/admin/venues':                        [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/venues':                       [401, 403,  403,  403,  403,  403,  OK, 403],
  'GET /api/admin/exam-sessions':                 [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/exam-sessions':                [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/exam-sessions/:id/allocate':   [401, 403,  403,  403,  403,  403,  OK, 403],
  'PATCH /api/admin/exam-sessions/:id':           [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/exam-sessions/:id/cancel':     [401, 403,  403,  403,  403,  403,  OK, 403],
  'GET /api/admin/exam-sessions/:id/bookings':    [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/exam-bookings/:id/result':     [401, 403,  403,  403,  403,  403,  OK, 403],
  'POST /api/admin/import/exam-results':          [401, 403,  403,  403,  403,  403,  OK, 403],
  'GET /api/admin/calendar-days':                 [401, 403,  403,  403,  403,  403,  OK, 403],
  'PUT /api/admin/calendar-days':                 [401, 403,  403,  403,  403,  403,  OK, 403],

  // ---- notifications ----
  'GET /api/me/notifications':                    [401, OK,   OK,   403,  403,  403,  403, 403],
  'POST /api/me/notifications/read-all':          [401, OK,   OK,   403,  403,  403,  403, 403],
  'POST /api/me/notifications/:id/read':          [401, OK,   404,  403,  403,  403,  403, 403],
  'GET /api/notifications/templates':             [401, OK,   OK,   403,  403,  403,  403, 403],
  'POST /api/me/subscriptions':                   [401, OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'GET /api/me/subscriptions':                    [401, OK,   OK,   403,  403,  403,  403, 403],
  'POST /api/me/wechat':                          [401, 403,  403,  OK,   OK,   OK,   OK, OK ],
  'DELETE /api/me/wechat':                        [401, 403,  403,  OK,   OK,   OK,   OK, OK ],
  'GET /api/admin/notifications/delivery':        [401, 403,  403,  403,  403,  403,  OK, 403],
  'GET /api/admin/notifications/failures':        [401, 403,  403,  403,  403,  403,  OK, 403],
  'GET /api/wechat/official-account/events':      [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],
  'POST /api/wechat/official-account/events':     [OK,  OK,   OK,   OK,   OK,   OK,   OK, OK ],

  // ---- privacy ----
  'DELETE /api/me':                               [401, OK,   OK,   403,  403,  403,  403, 403],
  'GET /api/admin/audit':                         [401, 403,  403,  403,  403,  403,  OK, 403],

  // ---- statistics (an officer gets their own unit's figures) ----
  'GET /api/admin/stats':                         [401, 403,  403,  OK,   OK,   403,  OK, 403],
  'GET /api/admin/stats.csv':                     [401, 403,  403,  OK,   OK,   403,  OK, 403],
  // ---- insurers (the insurer sees its own company's claims only) ----
  'GET /api/insurers':                            [OK,  OK,   OK,   OK,   OK,   OK,   OK,  OK ],
  'GET /api/insurer/claims':                      [401, 403,  403,  403,  403,  403,  403, OK ],
  'GET /api/insurer/claims/export':               [401, 403,  403,  403,  403,  403,  403, OK ],
  'GET /api/insurer/claims/:id':                  [401, 403,  403,  403,  403,  403,  403, OK ],
  'POST /api/insurer/claims/:id/status':          [401, 403,  403,  403,  403,  403,  403, OK ],
  'GET /api/insurer/claims/:id/photos/:photoId':  [401, 403,  403,  403,  403,  403,  403, OK ],
  'GET /api/insurer/claims/:id/agreement':        [401, 403,  403,  403,  403,  403,  403, OK ],
};
