// A well-formed request for every route, aimed at the world's records: what the authorisation
// matrix sends each caller, and the base the fuzz test bends out of shape. A route whose success
// changes a record for good names the parts to make again (`spoils`).
import { png } from '../uploads/images';
import { DETAILS_A, ELIGIBLE, TENGZHOU } from '../accidents/flow';
import { idNumberCheckChar, TEST_PASSWORD } from '../support/context';
import { pushSignature } from '../../src/modules/notifications/official-account-push';
import { nextIdNumber, nextPlate, nextVin, OA_PUSH_TOKEN, type Part, type World } from './world';

export interface Sample {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A body sent as is, with its content type (the streamed record imports). */
  raw?: { contentType: string; text: string };
  /** The answer may be an event stream: read its status and headers only. */
  stream?: boolean;
  /** A multipart upload (accident photos). */
  multipart?: { fields: Record<string, string>; file: { bytes: Buffer; name: string } };
}

export interface RouteRequest {
  sample?: (w: World) => Sample;
  /** Parts of the world a success leaves changed for good (made again before anyone else calls). */
  spoils?: Part[];
}

let n = 0;
const jsonRows = (rows: unknown[]): Sample => ({ raw: { contentType: 'application/json', text: JSON.stringify(rows) } });
const unique = () => `${process.pid % 10_000}${++n}`;
/** The query WeChat signs a message push with (now, so within its 5 minutes). */
function signedPush(extra: Record<string, string> = {}): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = `n${unique()}`;
  return { signature: pushSignature(OA_PUSH_TOKEN, timestamp, nonce), timestamp, nonce, ...extra };
}
const followXml = (openid: string) =>
  `<xml><ToUserName><![CDATA[gh_security]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>`;

const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export const REQUESTS: Record<string, RouteRequest> = {
  // ---- auth, identity, staff ----
  'POST /api/auth/wechat': { sample: () => ({ body: { code: `fake:sec-${unique()}` } }) },
  'POST /api/auth/staff': { sample: (w) => ({ body: { username: w.staff.agent.login, password: TEST_PASSWORD } }) },
  'POST /api/auth/logout': { spoils: ['token'] },
  'GET /api/me': {},
  'POST /api/me/identity': { sample: (w) => ({ body: { idNumber: w.owner.idNumber, name: '张伟', fileNumber: '370400123456' } }) },
  'DELETE /api/me/identity': { spoils: ['identity'] },
  'DELETE /api/admin/identities/:idNumber': { sample: (w) => ({ params: { idNumber: w.owner.idNumber }, body: { reason: '安全测试：解除绑定' } }), spoils: ['identity'] },
  'GET /api/units': {},
  'GET /api/admin/staff': { sample: () => ({ query: { page: '1', pageSize: '20' } }) },
  'POST /api/admin/staff': {
    sample: () => ({ body: { username: `sec.new.${unique()}`, password: 'long enough password', displayName: '新民警', role: 'officer', unit: 'tengzhou' } }),
  },
  'PATCH /api/admin/staff/:id': { sample: (w) => ({ params: { id: w.spareStaff.id }, body: { active: false } }) },
  'POST /api/admin/staff/:id/reset-password': { sample: (w) => ({ params: { id: w.spareStaff.id } }) },
  // A wrong current password: answered 422 to staff, so the callers keep their passwords.
  'POST /api/me/password': { sample: () => ({ body: { current: 'not the password', new: 'a brand new password' } }) },
  'GET /api/admin/units': {},
  // Not the cases' unit (tengzhou), so its settings never turn the world's reports away.
  'PATCH /api/admin/units/:code': { sample: () => ({ params: { code: 'taierzhuang' }, body: { dutyPhone: '0632-6611122' } }) },

  // ---- inquiries ----
  'GET /api/me/licence': {},
  'GET /api/me/vehicles': {},
  'POST /api/me/vehicles': { sample: (w) => ({ body: { plate: w.vehicle.plate, vinSuffix: w.vehicle.vin.slice(-6) } }) },
  'DELETE /api/me/vehicles/:id': { sample: (w) => ({ params: { id: w.vehicle.id } }), spoils: ['vehicle'] },
  'GET /api/me/violations': { sample: () => ({ query: { status: 'UNPROCESSED' } }) },
  // One row each (the fuzz test bends its fields); the streamed imports take the body as it is.
  'POST /api/admin/import/licences': {
    sample: () => jsonRows([{ idNumber: nextIdNumber(), name: '赵六', licenceClass: 'C1', firstIssuedAt: '2015-03-10', validUntil: '2031-03-10', status: 'A', points: 0 }]),
  },
  'POST /api/admin/import/vehicles': {
    sample: (w) =>
      jsonRows([{ plate: nextPlate(), plateType: '02', vin: nextVin(), ownerIdNumber: w.otherDriver.idNumber, brand: '大众', model: '朗逸', registeredAt: '2020-01-01', inspectionDueAt: '2027-01-01', status: 'A' }]),
  },
  'POST /api/admin/import/violations': {
    sample: (w) => jsonRows([{ plate: w.otherDriver.vehicle.plate, occurredAt: '2026-05-01T08:00:00+08:00', place: '解放路', code: '1039', description: '违法停车', fineFen: 10000, points: 0, status: 'UNPROCESSED' }]),
  },

  // ---- consultations ----
  'GET /api/consultations/faq': { sample: () => ({ query: { q: '驾驶证换证', category: 'licence' } }) },
  'POST /api/consultations': { sample: () => ({ body: { category: 'vehicle', content: '车辆年检需要带什么材料？' } }) },
  'GET /api/consultations': { sample: () => ({ query: { page: '1' } }) },
  'GET /api/consultations/:id': { sample: (w) => ({ params: { id: w.consultation.id } }) },
  'POST /api/consultations/:id/messages': { sample: (w) => ({ params: { id: w.consultation.id }, body: { content: '补充一下：证件在外地办的。' } }) },
  'POST /api/consultations/:id/close': { sample: (w) => ({ params: { id: w.consultation.id } }) },
  'POST /api/consultations/:id/rating': { sample: (w) => ({ params: { id: w.consultation.id }, body: { score: 5 } }) },
  'GET /api/agent/consultations': { sample: () => ({ query: { status: 'OPEN', category: 'licence' } }) },
  'GET /api/agent/consultations/:id': { sample: (w) => ({ params: { id: w.consultation.id } }) },
  'POST /api/agent/consultations/:id/claim': { sample: (w) => ({ params: { id: w.consultation.id } }) },
  'POST /api/agent/consultations/:id/replies': { sample: (w) => ({ params: { id: w.consultation.id }, body: { content: '请带身份证到车管所办理。', internal: false } }) },
  'POST /api/agent/consultations/:id/transfer': { sample: (w) => ({ params: { id: w.consultation.id }, body: { category: 'exam', note: '转考试组' } }) },
  'POST /api/agent/consultations/:id/approve': { sample: (w) => ({ params: { id: w.consultation.id } }) },
  'POST /api/agent/consultations/:id/close': { sample: (w) => ({ params: { id: w.consultation.id } }), spoils: ['consultation'] },
  'GET /api/agent/canned-replies': { sample: () => ({ query: { category: 'licence' } }) },
  'POST /api/agent/canned-replies': { sample: () => ({ body: { category: 'licence', title: `安全测试${unique()}`, content: '您好，请携带身份证办理。' } }) },
  'PATCH /api/agent/canned-replies/:id': { sample: (w) => ({ params: { id: w.cannedReply.id }, body: { title: '安全测试改名' } }) },
  'DELETE /api/agent/canned-replies/:id': { sample: (w) => ({ params: { id: w.cannedReply.id } }), spoils: ['faq'] },
  'GET /api/agent/faq': { sample: () => ({ query: { category: 'licence', search: '换证' } }) },
  'POST /api/agent/faq': { sample: () => ({ body: { category: 'licence', question: `安全测试问题${unique()}`, answer: '安全测试答案', keywords: '安全,测试' } }) },
  'PATCH /api/agent/faq/:id': { sample: (w) => ({ params: { id: w.faq.id }, body: { answer: '安全测试新答案' } }) },
  'DELETE /api/agent/faq/:id': { sample: (w) => ({ params: { id: w.faq.id } }), spoils: ['faq'] },

  // ---- accidents ----
  'GET /api/accidents/scenarios': {},
  'POST /api/accidents/eligibility': { sample: () => ({ body: { location: TENGZHOU, eligibility: ELIGIBLE } }) },
  'POST /api/accidents': {
    sample: () => ({
      body: { occurredAt: new Date(Date.now() - (1 + (n++ % 50)) * 60_000).toISOString(), location: TENGZHOU, vehicleCount: 1, eligibility: ELIGIBLE },
    }),
  },
  'GET /api/accidents': { sample: () => ({ query: { page: '1', pageSize: '10' } }) },
  'POST /api/accidents/join': { sample: (w) => ({ body: { inviteCode: w.waitingCase.inviteCode } }), spoils: ['waitingCase'] },
  'GET /api/accidents/:id': { sample: (w) => ({ params: { id: w.case.id } }) },
  'GET /api/accidents/:id/invite-qr': { sample: (w) => ({ params: { id: w.waitingCase.id } }) },
  'PUT /api/accidents/:id/parties/me': { sample: (w) => ({ params: { id: w.openCase.id }, body: DETAILS_A }) },
  'POST /api/accidents/:id/photos': {
    sample: (w) => ({ params: { id: w.openCase.id }, multipart: { fields: { slot: 'OWN_DAMAGE' }, file: { bytes: png(400, 300, ++n), name: 'damage.png' } } }),
  },
  'GET /api/accidents/:id/photos/:photoId': { sample: (w) => ({ params: { id: w.case.id, photoId: w.case.photoId } }) },
  'DELETE /api/accidents/:id/photos/:photoId': { sample: (w) => ({ params: { id: w.openCase.id, photoId: w.openCase.photoId } }), spoils: ['openCase'] },
  'PUT /api/accidents/:id/liability': { sample: (w) => ({ params: { id: w.openCase.id }, body: { scenario: 'REAR_END', atFault: 'A' } }) },
  'POST /api/accidents/:id/confirmation': { sample: (w) => ({ params: { id: w.openCase.id }, body: { agree: true, signature: w.openCase.signatureId } }) },
  'POST /api/accidents/:id/cancel': { sample: (w) => ({ params: { id: w.openCase.id } }), spoils: ['openCase'] },
  'GET /api/accidents/:id/agreement': { sample: (w) => ({ params: { id: w.case.id } }) },
  'GET /api/agreements/verify': { sample: () => ({ query: { number: 'SGWS2026000001', code: 'ABCD1234' } }) },
  'GET /api/public/documents/:code': { sample: () => ({ params: { code: 'ABCDEFGHJK' } }) },
  'GET /api/me/insurance-claims': {},
  'GET /api/officer/accidents': { sample: () => ({ query: { status: 'PENDING_REVIEW', disputed: 'false' } }) },
  'GET /api/officer/stats': {},
  'GET /api/officer/events': { sample: () => ({ stream: true }) },
  'GET /api/officer/accidents/:id': { sample: (w) => ({ params: { id: w.case.id } }) },
  'POST /api/officer/accidents/:id/decision': { sample: (w) => ({ params: { id: w.case.id }, body: { decision: 'CONFIRM', note: '事实清楚' } }), spoils: ['case'] },
  'POST /api/officer/accidents/:id/handover': { sample: (w) => ({ params: { id: w.case.id }, body: { unit: 'yicheng', reason: '事故发生在峄城辖区' } }), spoils: ['case'] },
  'GET /api/admin/insurance-claims': { sample: () => ({ query: { format: 'json', from: '2020-01-01T00:00:00Z' } }) },
  // ---- insurers: the owner's claim on the open case is PICC's (the insurer caller's company) ----
  'GET /api/insurers': {},
  'GET /api/insurer/claims': { sample: () => ({ query: { status: 'SENT', from: '2020-01-01' } }) },
  'GET /api/insurer/claims/export': { sample: () => ({ query: { from: '2020-01-01' } }) },
  'GET /api/insurer/claims/:id': { sample: (w) => ({ params: { id: w.claim.id } }) },
  // The same status again is 200 and changes nothing: every caller finds the claim as it was.
  'POST /api/insurer/claims/:id/status': { sample: (w) => ({ params: { id: w.claim.id }, body: { status: 'RECEIVED', note: '已受理' } }) },
  'GET /api/insurer/claims/:id/photos/:photoId': { sample: (w) => ({ params: { id: w.claim.id, photoId: w.openCase.photoId } }) },
  'GET /api/insurer/claims/:id/agreement': { sample: (w) => ({ params: { id: w.claim.id } }) },

  // ---- exams ----
  'GET /api/exam/sessions': { sample: () => ({ query: { subject: '2', licenceClass: 'C1' } }) },
  'GET /api/exam/sessions/:id': { sample: (w) => ({ params: { id: w.session.id } }) },
  'GET /api/exam/venues': {},
  'GET /api/exam/eligibility': {},
  'POST /api/exam/bookings': { sample: (w) => ({ body: { sessionId: w.session.id } }) },
  'GET /api/exam/bookings': { sample: () => ({ query: { page: '1' } }) },
  'GET /api/exam/bookings/:id': { sample: (w) => ({ params: { id: w.booking.id } }) },
  'DELETE /api/exam/bookings/:id': { sample: (w) => ({ params: { id: w.booking.id } }), spoils: ['booking'] },
  'POST /api/admin/learners': {
    sample: () => {
      const first17 = `370402199001${String(10_000 + (n++ % 90_000)).slice(-5)}`;
      return { body: { idNumber: first17 + idNumberCheckChar(first17), name: '新学员', licenceClass: 'C1', passedSubjects: [1] } };
    },
  },
  'GET /api/admin/learners': { sample: () => ({ query: { search: '张' } }) },
  'POST /api/admin/import/learners': { sample: () => ({ body: [{ idNumber: nextIdNumber(), name: '钱七', licenceClass: 'C1', passedSubjects: [1] }] }) },
  'GET /api/admin/venues': {},
  'POST /api/admin/venues': { sample: () => ({ body: { name: `安全测试考场${unique()}`, address: '滕州市测试路1号', unit: 'tengzhou' } }) },
  'GET /api/admin/exam-sessions': { sample: () => ({ query: { subject: '2' } }) },
  'POST /api/admin/exam-sessions': {
    sample: () => ({
      body: { subject: 2, licenceClass: 'C1', venue: '测试考场', startsAt: soon(30), capacity: 5, bookingOpensAt: soon(1), bookingClosesAt: soon(20), allocation: 'RANKED' },
    }),
  },
  'POST /api/admin/exam-sessions/:id/allocate': { sample: (w) => ({ params: { id: w.session.id } }) },
  'PATCH /api/admin/exam-sessions/:id': { sample: (w) => ({ params: { id: w.session.id }, body: { capacity: 8 } }) },
  'POST /api/admin/exam-sessions/:id/cancel': { sample: (w) => ({ params: { id: w.session.id }, body: { reason: '安全测试：考场检修' } }), spoils: ['booking'] },
  'GET /api/admin/exam-sessions/:id/bookings': { sample: (w) => ({ params: { id: w.session.id } }) },
  'POST /api/admin/exam-bookings/:id/result': { sample: (w) => ({ params: { id: w.booking.id }, body: { result: 'PASS' } }) },
  'POST /api/admin/import/exam-results': { sample: (w) => ({ body: [{ bookingId: w.booking.id, result: 'PASS' }] }) },
  'GET /api/admin/calendar-days': {},
  'PUT /api/admin/calendar-days': { sample: () => ({ body: { days: [{ date: '2031-01-01', isWorkday: false, name: '元旦' }] } }) },

  // ---- notifications ----
  'GET /api/me/notifications': { sample: () => ({ query: { page: '1' } }) },
  'POST /api/me/notifications/read-all': {},
  'POST /api/me/notifications/:id/read': { sample: (w) => ({ params: { id: w.notification.id } }) },
  'GET /api/notifications/templates': {},
  'GET /api/me/subscriptions': {},
  'POST /api/me/subscriptions': { sample: () => ({ body: { templates: { accident_progress: 'accept', exam_booking: 'reject' } } }) },
  'POST /api/me/wechat': { sample: () => ({ body: { code: `fake:staff-link-${unique()}` } }) },
  'DELETE /api/me/wechat': {},
  'GET /api/admin/notifications/delivery': { sample: () => ({ query: { since: '2026-01-01T00:00:00Z' } }) },
  'GET /api/admin/notifications/failures': { sample: () => ({ query: { status: 'FAILED' } }) },
  // WeChat's calls: public, trusted by their signature (a wrong one is 401 for everyone alike).
  'GET /api/wechat/official-account/events': { sample: () => ({ query: signedPush({ echostr: `echo${unique()}` }) }) },
  'POST /api/wechat/official-account/events': { sample: () => ({ query: signedPush(), raw: { contentType: 'text/xml', text: followXml(`oa-security-${unique()}`) } }) },

  // ---- privacy ----
  'DELETE /api/me': { spoils: ['world'] },
  'GET /api/admin/audit': { sample: () => ({ query: { action: 'consultation', from: '2026-01-01', to: '2036-01-01' } }) },

  // ---- statistics ----
  'GET /api/admin/stats': { sample: () => ({ query: { from: '2026-11-01', to: '2026-11-30', unit: 'tengzhou' } }) },
  'GET /api/admin/stats.csv': { sample: () => ({ query: { from: '2026-11-01', to: '2026-11-30', chart: 'accidents' } }) },
};

/** The path with the sample's params in it. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${path}: the sample in server/test/security/requests.ts gives no value for :${name}`);
    return encodeURIComponent(String(params[name]));
  });
}
