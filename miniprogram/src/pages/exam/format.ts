// Display helpers for exam pages: Asia/Shanghai dates and times, subject and status labels.

export const SESSIONS_PAGE = '/pages/exam/sessions/index'

const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** "12月9日 周三 09:00" in Asia/Shanghai, whatever the phone's zone. */
export function shanghaiDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS)
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]} ${hh}:${mm}`
}

export function shanghaiDate(iso: string): string {
  const d = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

export const SUBJECT_LABELS: Record<number, string> = {
  1: '科目一',
  2: '科目二',
  3: '科目三',
  4: '安全文明常识',
}

export const ALLOCATION_LABELS = {
  FIRST_COME: '先到先得',
  RANKED: '按排序分配',
} as const

export const STATUS_LABELS = {
  PENDING: '排队中',
  CONFIRMED: '预约成功',
  REJECTED: '未获安排',
  CANCELLED: '已取消',
} as const

export const RESULT_LABELS = {
  PASS: '合格',
  FAIL: '不合格',
  NO_SHOW: '缺考（按不合格计）',
} as const
