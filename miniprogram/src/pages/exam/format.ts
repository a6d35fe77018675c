// Display helpers for exam pages: Asia/Shanghai dates and times, subject and status labels, all
// from the shared contract so pages, messages and the server say the same words.
import { PAGES } from '@jiaoguan/contracts/pages'

export { ALLOCATION_LABELS, BOOKING_STATUS_LABELS as STATUS_LABELS, EXAM_RESULT_LABELS as RESULT_LABELS, SUBJECT_LABELS } from '@jiaoguan/contracts/labels'
/** "12月9日 周三 09:00" in Asia/Shanghai, whatever the phone's zone. */
export { formatSessionTime as shanghaiDateTime, formatDate as shanghaiDate } from '@jiaoguan/contracts/time'

export const SESSIONS_PAGE = PAGES.examSessions
