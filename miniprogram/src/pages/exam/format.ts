// Display helpers for exam pages: Asia/Shanghai dates and times, subject and status labels, all
// from the shared contract so pages, messages and the server say the same words.
import { PAGES } from '@jiaoguan/contracts/pages'

export { ALLOCATION_LABELS, BOOKING_STATUS_LABELS as STATUS_LABELS, EXAM_RESULT_LABELS as RESULT_LABELS, SUBJECT_LABELS } from '@jiaoguan/contracts/labels'
/** "12月9日 周三 09:00" in Asia/Shanghai, whatever the phone's zone. */
export { formatSessionTime as shanghaiDateTime, formatDate as shanghaiDate, formatDayHeading, formatDeadline } from '@jiaoguan/contracts/time'
import { formatDayHeading, shanghaiDay, shanghaiDayParts } from '@jiaoguan/contracts/time'

export const SESSIONS_PAGE = PAGES.examSessions

/** Sessions (already soonest first) in one group per Shanghai day, headed "12月10日（周四）". */
export function groupByDay<T extends { startsAt: string }>(sessions: T[]): { day: string; heading: string; items: T[] }[] {
  const groups: { day: string; heading: string; items: T[] }[] = []
  for (const s of sessions) {
    const day = shanghaiDay(s.startsAt)
    const last = groups[groups.length - 1]
    if (last?.day === day) last.items.push(s)
    else groups.push({ day, heading: formatDayHeading(s.startsAt), items: [s] })
  }
  return groups
}

/** "3月5日" — the day a subject opens for booking. */
export function monthDay(at: string): string {
  const [, m, d] = shanghaiDayParts(at)
  return `${m}月${d}日`
}
