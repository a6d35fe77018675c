// Page paths of the mini-program (its app.config.ts) that code on either side links to: the
// server puts them in message-centre entries, WeChat messages and QR codes; the pages navigate by
// them. A test holds this list against app.config.ts, and every link of every event against it.

export const PAGES = {
  home: '/pages/index/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  staffLogin: '/pages/staff-login/index',
  staffPassword: '/pages/staff-password/index',
  accident: '/pages/accident/index',
  accidentReport: '/pages/accident/report/index',
  accidentJoin: '/pages/accident/join/index',
  accidentDetail: '/pages/accident/detail/index',
  exam: '/pages/exam/index',
  examSessions: '/pages/exam/sessions/index',
  inquiry: '/pages/inquiry/index',
  consult: '/pages/consult/index',
  consultDetail: '/pages/consult/detail/index',
  privacy: '/pages/privacy/index',
  verify: '/pages/verify/index',
  officerHome: '/packages/officer/index/index',
  officerCase: '/packages/officer/case/index',
  agentHome: '/packages/agent/index/index',
  agentFaq: '/packages/agent/faq/index',
  adminHome: '/packages/admin/index/index',
  adminExams: '/packages/admin/exams/index',
  adminDelivery: '/packages/admin/delivery/index',
  adminImport: '/packages/admin/import/index',
  adminAudit: '/packages/admin/audit/index',
  adminStaff: '/packages/admin/staff/index',
  adminUnits: '/packages/admin/units/index',
  adminClaims: '/packages/admin/claims/index',
  stats: '/packages/stats/index/index',
  insurerHome: '/packages/insurer/index/index',
  insurerClaim: '/packages/insurer/claim/index',
} as const;
export type PagePath = (typeof PAGES)[keyof typeof PAGES];

/** A page with its query, e.g. `/pages/accident/detail/index?id=7`. */
export function pageLink(page: PagePath, query?: Record<string, string | number>): string {
  if (!query || Object.keys(query).length === 0) return page;
  const search = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${page}?${search}`;
}

export const accidentCaseLink = (caseId: number) => pageLink(PAGES.accidentDetail, { id: caseId });
export const consultationLink = (consultationId: number) => pageLink(PAGES.consultDetail, { id: consultationId });
/** The learner's bookings are listed on the exam home page. */
export const examBookingsLink = () => PAGES.exam;
export const accidentJoinLink = (inviteCode: string) => pageLink(PAGES.accidentJoin, { code: inviteCode });
/** The public check of an issued document, its code filled in (the QR code printed on the PDF). */
export const documentVerifyLink = (code: string) => pageLink(PAGES.verify, { code });
/** The inquiry page on one tab, scrolled to one record (a violation, a vehicle) when given. */
export const inquiryLink = (tab: 'licence' | 'vehicles' | 'violations', id?: number) =>
  pageLink(PAGES.inquiry, id === undefined ? { tab } : { tab, id });
