// What the in-app message centre says for each event, and the page it opens (plain Chinese).
import { EXAM_RESULT_LABELS, subjectLabel } from '@jiaoguan/contracts/labels';
import { accidentCaseLink, consultationLink, examBookingsLink, inquiryLink } from '@jiaoguan/contracts/pages';
import { formatClock, formatDate, formatDateTime } from '@jiaoguan/contracts/time';
import type { EventData, EventName, TemplateKey } from './events';

export interface CentreText {
  templateKey: TemplateKey;
  title: string;
  body: string;
  link: string;
}

type Writers = { [E in EventName]: (d: EventData[E]) => CentreText };

const accident = (title: string, body: string, caseId: number): CentreText => ({
  templateKey: 'accident_progress',
  title,
  body,
  link: accidentCaseLink(caseId),
});
const exam = (title: string, body: string): CentreText => ({
  templateKey: 'exam_booking',
  title,
  body,
  link: examBookingsLink(),
});

/** Yuan from fen, without decimals when whole: 200, 50.5. */
export const yuanText = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2).replace(/0$/, ''));
/** A fine and points in words: 罚款200元，记3分 (不罚款 / 不记分 when nil). */
export const penaltyText = (fineFen: number, points: number) =>
  `${fineFen > 0 ? `罚款${yuanText(fineFen)}元` : '不罚款'}，${points > 0 ? `记${points}分` : '不记分'}`;
const cut = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);
/** In n days, in words: 今天 when 0. */
const inDays = (n: number) => (n <= 0 ? '今天到期' : `还有${n}天`);
/** The last day of a period that ends (exclusive) at `endsAt`. */
export const lastDayOf = (endsAt: Date | string) => new Date(new Date(endsAt).getTime() - 1);

/** The insurer's note, after the step (，说明：…). */
const claimNote = (note?: string) => (note ? `，说明：${note}` : '');

export const MESSAGE_CENTRE: Writers = {
  'accident.partner_joined': (d) =>
    accident('对方已加入', `事故 ${d.caseNumber}：对方${d.partnerPlate ? `（${d.partnerPlate}）` : ''}已加入，请继续填写信息。`, d.caseId),
  'accident.signature_awaited': (d) => accident('等待您签字', `事故 ${d.caseNumber}：对方已确认责任，请您核对后签字。`, d.caseId),
  'accident.submitted': (d) => accident('已提交民警审核', `事故 ${d.caseNumber} 已提交，民警一般在30分钟内审核。`, d.caseId),
  'accident.confirmed': (d) => accident('民警已确认', `事故 ${d.caseNumber} 已确认，可以下载协议书并联系保险公司理赔。`, d.caseId),
  'accident.returned': (d) => accident('需要补充材料', `事故 ${d.caseNumber} 被退回：${d.reason}。请补充后重新提交。`, d.caseId),
  'accident.transferred': (d) =>
    accident('转现场处理', `事故 ${d.caseNumber} 需由民警现场处理${d.note ? `：${d.note}` : ''}，请在原地等候或拨打122。`, d.caseId),
  'accident.expired': (d) => accident('事故记录已过期', `事故 ${d.caseNumber} 长时间未完成，已自动关闭。`, d.caseId),
  'exam.booking_confirmed': (d) =>
    exam('预约成功', `${subjectLabel(d.subject)}考试预约成功：${formatDateTime(d.startsAt)}，${d.venue}。`),
  'exam.booking_rejected': (d) =>
    exam('预约未成功', `${subjectLabel(d.subject)}（${formatDateTime(d.startsAt)}）名额已满，本次未排上，可以预约其他场次。`),
  'exam.reminder': (d) => exam('明天考试', `明天 ${formatClock(d.startsAt)} ${subjectLabel(d.subject)}考试，地点：${d.venue}。请带好身份证。`),
  'exam.result': (d) =>
    exam(
      '考试成绩',
      `${subjectLabel(d.subject)}考试（${formatDateTime(d.startsAt)}）：${EXAM_RESULT_LABELS[d.result]}。`,
    ),
  'exam.session_changed': (d) => {
    const moved = new Date(d.startsAt).getTime() !== new Date(d.previousStartsAt).getTime();
    const changes = [
      moved ? `考试时间由${formatDateTime(d.previousStartsAt)}改为${formatDateTime(d.startsAt)}` : '',
      d.venue !== d.previousVenue ? `考场由${d.previousVenue}改为${d.venue}` : '',
    ].filter(Boolean);
    return exam('考试安排变更', `您预约的${subjectLabel(d.subject)}考试${changes.join('，')}。预约继续有效，请按新的安排参加。`);
  },
  'exam.session_cancelled': (d) =>
    exam(
      '考试场次已取消',
      `考场取消：${d.reason}。您预约的${subjectLabel(d.subject)}考试（${formatDateTime(d.startsAt)}，${d.venue}）已取消，本次不计入预约次数，请重新预约其他场次。`,
    ),
  'claim.received': (d) =>
    accident('保险公司已受理', `事故 ${d.caseNumber}：${d.insurer}已受理您的理赔${claimNote(d.note)}。理赔电话 ${d.hotline}。`, d.caseId),
  'claim.assessing': (d) =>
    accident('理赔定损中', `事故 ${d.caseNumber}：${d.insurer}正在定损理算${claimNote(d.note)}。理赔电话 ${d.hotline}。`, d.caseId),
  'claim.settled': (d) =>
    accident('理赔已办结', `事故 ${d.caseNumber}：${d.insurer}已办结您的理赔${claimNote(d.note)}。如有疑问请拨打 ${d.hotline}。`, d.caseId),
  'consultation.replied': (d) => ({
    templateKey: 'consultation_reply',
    title: '客服已回复',
    body: d.excerpt.length > 60 ? `${d.excerpt.slice(0, 60)}…` : d.excerpt,
    link: consultationLink(d.consultationId),
  }),
  'violation.new': (d) => ({
    templateKey: 'traffic_reminder',
    title: '新的交通违法记录',
    body: `${d.plate}于${formatDateTime(d.occurredAt)}在${cut(d.place, 60)}${cut(d.description, 60)}，${penaltyText(d.fineFen, d.points)}。请在30日内处理，如有异议可以在线咨询。`,
    link: inquiryLink('violations', d.violationId),
  }),
  'vehicle.inspection_due': (d) => ({
    templateKey: 'traffic_reminder',
    title: '机动车年检即将到期',
    body: `您的${d.plate}检验有效期至${formatDate(d.dueAt)}，${inDays(d.daysLeft)}。请在到期前完成年检，逾期未检验不得上路行驶。`,
    link: inquiryLink('vehicles', d.vehicleId),
  }),
  'licence.expiring': (d) => ({
    templateKey: 'traffic_reminder',
    title: '驾驶证即将到期',
    body: `您的驾驶证有效期至${formatDate(d.validUntil)}，${inDays(d.daysLeft)}。到期前90日内可以申请换证，请及时办理。`,
    link: inquiryLink('licence'),
  }),
  'licence.points_high': (d) => ({
    templateKey: 'traffic_reminder',
    title: d.points >= 12 ? '记分已满12分' : '记分提醒',
    body:
      d.points >= 12
        ? `本记分周期您已记${d.points}分，已满12分。请到车管所参加满分学习和考试，期间不得驾驶。`
        : `本记分周期（至${formatDate(lastDayOf(d.cycleEndsAt))}）您已记${d.points}分，再记${12 - d.points}分将满分，满分须参加学习和考试。请谨慎驾驶。`,
    link: inquiryLink('licence'),
  }),
};
