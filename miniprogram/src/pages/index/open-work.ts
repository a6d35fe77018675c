// The driver's open work for 首页: a case in progress, the next exam, an unread consultation reply.
// One parallel round of the endpoints the other pages use; a part that fails is left out (the page
// it opens shows its own error).
import { myAccidents, type AccidentCase } from '@/api/accidents'
import { listBookings, type Booking } from '@/api/exams'
import { listMessages, type MessageEntry } from '@/api/notifications'
import { accidentCaseLink, PAGES } from '@jiaoguan/contracts/pages'
import { formatSessionTime } from '@jiaoguan/contracts/time'

export interface WorkCard {
  id: string
  title: string
  lines: string[]
  url: string
  /** The message-centre entry the card is about, marked read when opened. */
  messageId?: number
}

/** What the driver does next, per status of a case still in progress. */
const NEXT_STEP: Partial<Record<AccidentCase['status'], string>> = {
  DRAFT: '继续填写：拍照、填写双方信息',
  WAITING_FOR_PARTY: '请对方扫码加入案件',
  NEGOTIATING: '确认责任并签名',
  PENDING_REVIEW: '等待民警审核，结果会通知您',
  RETURNED: '案件被退回，请按要求补充后重新提交',
}

export function caseCard(cases: AccidentCase[]): WorkCard | null {
  // The most recently changed case still in progress.
  const open = cases.filter((c) => NEXT_STEP[c.status]).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
  if (!open) return null
  return { id: 'work-case', title: `事故快处 · ${open.statusText}`, lines: [NEXT_STEP[open.status] as string, `案件编号 ${open.caseNumber}`], url: accidentCaseLink(open.id) }
}

export function bookingCard(bookings: Booking[], now = new Date()): WorkCard | null {
  const next = bookings
    .filter((b) => (b.status === 'CONFIRMED' || b.status === 'PENDING') && !b.result && new Date(b.session.startsAt) > now)
    .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt))[0]
  if (!next) return null
  return {
    id: 'work-booking',
    title: `${next.subjectName}${next.status === 'CONFIRMED' ? '考试' : '预约申请中'}`,
    lines: [formatSessionTime(next.session.startsAt), next.session.venue.name],
    url: PAGES.exam,
  }
}

export function replyCard(messages: MessageEntry[]): WorkCard | null {
  const reply = messages.find((m) => !m.read && m.event === 'consultation.replied')
  if (!reply) return null
  return { id: 'work-reply', title: '咨询有新回复', lines: [reply.body], url: reply.link ?? PAGES.consult, messageId: reply.id }
}

/** The cards, plus the unread count the 消息 badge needs (so it takes no request of its own). */
export async function loadOpenWork(): Promise<{ cards: WorkCard[]; unread: number | null }> {
  const none = () => null
  const [cases, bookings, messages] = await Promise.all([myAccidents().catch(none), listBookings().catch(none), listMessages(1, 20).catch(none)])
  const cards = [caseCard(cases?.items ?? []), bookingCard(bookings?.items ?? []), replyCard(messages?.items ?? [])]
  return { cards: cards.filter((c): c is WorkCard => c !== null), unread: messages ? messages.unread : null }
}
