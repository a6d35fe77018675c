// Times typed by admins on the exam plan: "2026-12-20 09:00" in Shanghai time, as the ISO string the API takes.
export function toIso(local: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(local.trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0'] = m
  const pad = (v: string) => v.padStart(2, '0')
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${mi}:00+08:00`
}
