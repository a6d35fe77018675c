// What the in-app message centre says for each event, and the page it opens (plain Chinese).
import type { EventData, EventName, TemplateKey } from './events';

export const SUBJECT_NAMES: Record<number, string> = { 1: '科目一', 2: '科目二', 3: '科目三', 4: '安全文明常识' };

/** Formats a time for people: Asia/Shanghai, e.g. 2026年12月9日 09:00. */
export function shanghaiTime(date: Date): string {
  const s = new Date(date.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}

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
  link: `/pages/accident/detail/index?id=${caseId}`,
});
const exam = (title: string, body: string): CentreText => ({
  templateKey: 'exam_booking',
  title,
  body,
  link: '/pages/exam/bookings/index',
});

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
    exam('预约成功', `${SUBJECT_NAMES[d.subject]}考试预约成功：${shanghaiTime(d.startsAt)}，${d.venue}。`),
  'exam.booking_rejected': (d) =>
    exam('预约未成功', `${SUBJECT_NAMES[d.subject]}（${shanghaiTime(d.startsAt)}）名额已满，本次未排上，可以预约其他场次。`),
  'exam.reminder': (d) => exam('明天考试', `明天 ${shanghaiTime(d.startsAt).split(' ')[1]} ${SUBJECT_NAMES[d.subject]}考试，地点：${d.venue}。请带好身份证。`),
  'exam.result': (d) =>
    exam(
      '考试成绩',
      `${SUBJECT_NAMES[d.subject]}考试（${shanghaiTime(d.startsAt)}）：${{ PASS: '合格', FAIL: '不合格', NO_SHOW: '缺考（按不合格计）' }[d.result]}。`,
    ),
  'consultation.replied': (d) => ({
    templateKey: 'consultation_reply',
    title: '客服已回复',
    body: d.excerpt.length > 60 ? `${d.excerpt.slice(0, 60)}…` : d.excerpt,
    link: `/pages/consult/detail/index?id=${d.consultationId}`,
  }),
};
