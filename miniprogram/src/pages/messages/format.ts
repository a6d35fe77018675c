// Time formatting for the message centre: Asia/Shanghai whatever the phone's zone: 今天 09:05,
// 12月9日 09:05 within the year, 2025年12月9日 09:05 before it.
import { formatClock, formatDateTime, formatShortDateTime, shanghaiDay } from '@jiaoguan/contracts/time'

export function formatShanghai(iso: string, now: Date = new Date()): string {
  const day = shanghaiDay(iso)
  const today = shanghaiDay(now)
  if (day === today) return `今天 ${formatClock(iso)}`
  return day.slice(0, 4) === today.slice(0, 4) ? formatShortDateTime(iso) : formatDateTime(iso)
}
