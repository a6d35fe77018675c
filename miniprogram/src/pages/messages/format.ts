// Time formatting for the message centre: Asia/Shanghai whatever the phone's zone, e.g. 12月9日 09:05.
const pad = (n: number) => String(n).padStart(2, '0')

export function formatShanghai(iso: string, now: Date = new Date()): string {
  const at = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  const today = new Date(now.getTime() + 8 * 3_600_000)
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`
  const sameDay =
    at.getUTCFullYear() === today.getUTCFullYear() && at.getUTCMonth() === today.getUTCMonth() && at.getUTCDate() === today.getUTCDate()
  if (sameDay) return `今天 ${time}`
  const date = `${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${time}`
  return at.getUTCFullYear() === today.getUTCFullYear() ? date : `${at.getUTCFullYear()}年${date}`
}
