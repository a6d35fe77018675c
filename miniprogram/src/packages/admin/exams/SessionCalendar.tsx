// The month's sessions per venue (考试日历): a Monday-first month grid, each day's sessions coloured
// by how full they are (cancelled ones struck through); a month and a venue to choose. Tapping a
// session hands it to the page (to change or cancel it).
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import ErrorText from '@/components/ErrorText'
import { errorMessage } from '@/api/http'
import { adminListSessions, type AdminExamSession, type Venue } from '@/api/exams'
import { addDays, formatClock, shanghaiDay, shanghaiDayParts, shanghaiMidnightOf } from '@jiaoguan/contracts/time'
import { SUBJECT_LABELS } from '@/pages/exam/format'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

/** How full a session is, as the colour of its chip. */
export function fillTone(s: AdminExamSession): string {
  if (s.status === 'CANCELLED') return 'cal-chip-cancelled'
  if (s.fillRate >= 0.9) return 'cal-chip-full'
  if (s.fillRate >= 0.5) return 'cal-chip-busy'
  return 'cal-chip-free'
}

/** The days of the month's grid, Monday first, padded with empty cells ("" for none). */
export function monthGrid(year: number, month: number): string[] {
  const first = shanghaiDay(shanghaiMidnightOf(year, month, 1))
  const days: string[] = []
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) days.push(d)
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7 // Monday 0
  const cells = [...Array<string>(weekday).fill(''), ...days]
  while (cells.length % 7 !== 0) cells.push('')
  return cells
}

interface Props {
  venues: Venue[]
  /** Changes when the page changed a session, so the month is read again. */
  version: number
  onPick: (s: AdminExamSession) => void
}

export default function SessionCalendar({ venues, version, onPick }: Props) {
  const [now] = useState(() => shanghaiDayParts(new Date()))
  const [month, setMonth] = useState<[number, number]>([now[0], now[1]])
  const [venueId, setVenueId] = useState<number | undefined>(undefined)
  // The month's sessions with the month and venue they are of: a reload after a change keeps the
  // chips on screen until the new ones arrive, another month or venue shows 正在加载 instead.
  const [loaded, setLoaded] = useState<{ key: string; items: AdminExamSession[] } | null>(null)
  const [error, setError] = useState('')
  const [year, m] = month
  const key = `${year}-${m}-${venueId ?? ''}`
  const sessions = loaded?.key === key ? loaded.items : null

  useEffect(() => {
    let live = true
    setError('')
    const from = shanghaiMidnightOf(year, m, 1)
    const to = new Date(shanghaiMidnightOf(year, m + 1, 1).getTime() - 1)
    adminListSessions({ from: from.toISOString(), to: to.toISOString(), venueId, pageSize: 100 })
      .then((page) => live && setLoaded({ key, items: page.items }))
      .catch((err) => live && setError(errorMessage(err)))
    return () => {
      live = false
    }
  }, [key, version])

  const shift = (by: number) => {
    const index = year * 12 + (m - 1) + by
    setMonth([Math.floor(index / 12), (index % 12) + 1])
  }
  const byDay = new Map<string, AdminExamSession[]>()
  for (const s of [...(sessions ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = shanghaiDay(s.startsAt)
    byDay.set(day, [...(byDay.get(day) ?? []), s])
  }
  const today = shanghaiDay(new Date())

  return (
    <View id="session-calendar" className="jg-card">
      <View className="cal-head">
        <Text className="jg-subtitle">考试日历</Text>
        <View className="cal-month">
          <Text id="cal-prev" className="cal-nav" onClick={() => shift(-1)}>
            ‹ 上月
          </Text>
          <Text id="cal-month" className="cal-month-text">
            {year}年{m}月
          </Text>
          <Text id="cal-next" className="cal-nav" onClick={() => shift(1)}>
            下月 ›
          </Text>
        </View>
      </View>
      <View className="exam-chips">
        <Text id="cal-venue-all" className={venueId === undefined ? 'exam-chip exam-chip-on' : 'exam-chip'} onClick={() => setVenueId(undefined)}>
          全部考场
        </Text>
        {venues.map((v) => (
          <Text key={v.id} id={`cal-venue-${v.id}`} className={venueId === v.id ? 'exam-chip exam-chip-on' : 'exam-chip'} onClick={() => setVenueId(v.id)}>
            {v.name}
          </Text>
        ))}
      </View>
      <ErrorText id="cal-error" message={error} />
      <View className="cal-grid">
        {WEEKDAYS.map((w) => (
          <Text key={w} className="cal-weekday">
            周{w}
          </Text>
        ))}
        {monthGrid(year, m).map((day, i) => (
          <View key={day || `pad-${i}`} id={day ? `cal-day-${day}` : undefined} className={day === today ? 'cal-day cal-today' : day ? 'cal-day' : 'cal-day cal-pad'}>
            {day && <Text className="cal-date">{Number(day.slice(8))}</Text>}
            {(byDay.get(day) ?? []).map((s) => (
              <Text key={s.id} id={`cal-session-${s.id}`} className={`cal-chip ${fillTone(s)}`} onClick={() => onPick(s)}>
                {formatClock(s.startsAt)} {SUBJECT_LABELS[s.subject].replace('科目', '科')} {s.status === 'CANCELLED' ? '已取消' : `${s.allocation === 'RANKED' && !s.allocated ? s.applicantCount : s.confirmedCount}/${s.capacity}`}
              </Text>
            ))}
          </View>
        ))}
      </View>
      {sessions === null && !error && <Text className="jg-hint">正在加载…</Text>}
      {sessions?.length === 0 && <Text className="jg-hint">这个月{venueId ? '该考场' : ''}没有考试场次。</Text>}
      <View className="cal-legend">
        <Text className="cal-chip cal-chip-free">不足五成</Text>
        <Text className="cal-chip cal-chip-busy">五成以上</Text>
        <Text className="cal-chip cal-chip-full">将满（九成以上）</Text>
        <Text className="cal-chip cal-chip-cancelled">已取消</Text>
        <Text className="jg-hint">数字为已预约（排序分配的场次为申请）人数 / 考位数；点场次可修改或取消。</Text>
      </View>
    </View>
  )
}
