// Words of the insurer console: claim statuses (the contract's), the buttons that move a claim on.
import { CLAIM_STATUS_LABELS, type ClaimStatus, type InsurerClaimStep } from '@jiaoguan/contracts/labels'
import { formatClock, shanghaiDay } from '@jiaoguan/contracts/time'

export { CLAIM_STATUS_LABELS }

/** The list's status filter, in the claim's order ('' for all). */
export const STATUS_FILTERS: readonly { value: ClaimStatus | ''; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'SENT', label: '待受理' },
  { value: 'RECEIVED', label: '已受理' },
  { value: 'ASSESSING', label: '定损中' },
  { value: 'SETTLED', label: '已办结' },
]

export const STEP_BUTTONS: Record<InsurerClaimStep, string> = {
  RECEIVED: '受理理赔',
  ASSESSING: '开始定损',
  SETTLED: '办结理赔',
}

export const statusTagClass = (s: ClaimStatus) => (s === 'SETTLED' ? 'jg-ins-tag-done' : s === 'SENT' ? 'jg-ins-tag-new' : 'jg-ins-tag-busy')

/** 2026-12-09 09:00 in Asia/Shanghai. */
export const when = (at: string | null | undefined) => (at ? `${shanghaiDay(at)} ${formatClock(at)}` : '')
