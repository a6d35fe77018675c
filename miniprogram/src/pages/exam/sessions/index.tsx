// Exam sessions of one subject (选择场次): date, venue, seats left or applicants, and booking
// through a confirm sheet that states the cancellation rule. Only the learner's licence class is
// asked for (the server filters), in one group per day; a session already booked says 已预约.
import { useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import WayBack from '@/components/WayBack'
import { book, getEligibility, listBookings, listSessions, type Booking, type ExamSession } from '@/api/exams'
import { getToken } from '@/api/http'
import { PAGES, open } from '@/utils/nav'
import { useLoad } from '@/hooks/useLoad'
import { useSubmit } from '@/hooks/useSubmit'
import { ALLOCATION_LABELS, SUBJECT_LABELS, groupByDay, shanghaiDateTime } from '../format'
import { formatClock } from '@jiaoguan/contracts/time'
import '../index.css'
import { askToSubscribe, preloadSubscribeTemplates } from '@/services/subscribe'

const SUBJECTS = [1, 2, 3, 4]

export default function ExamSessionsPage() {
  const router = useRouter()
  const [subject, setSubject] = useState(Number(router.params.subject) || 1)
  const loaded = useLoad(() => loadSessions(subject, router.params.licenceClass), [subject])
  // The list is cleared while it (re)loads: seats change with every booking.
  const sessions = loaded.loading ? null : (loaded.data?.sessions ?? null)
  const bookedIds = loaded.data?.bookedIds ?? new Set<number>()
  const [chosen, setChosen] = useState<ExamSession | null>(null)
  const [booked, setBooked] = useState<Booking | null>(null)
  const booking = useSubmit(async (session: ExamSession) => {
    setBooked(await book(session.id))
    setChosen(null)
    void loaded.reload()
  })
  const error = booking.error || (loaded.loading ? '' : loaded.error)

  useDidShow(() => {
    void preloadSubscribeTemplates()
  })

  const pick = (s: number) => {
    setChosen(null)
    setBooked(null)
    booking.setError('')
    // A new subject loads through useLoad's deps; the same one is loaded again.
    if (s === subject) void loaded.reload()
    else setSubject(s)
  }

  const onBook = () => {
    if (!chosen) return
    void askToSubscribe(['exam_booking'])
    void booking.run(chosen)
  }

  return (
    <PageShell>
      <View className="exam-chips">
        {SUBJECTS.map((s) => (
          <Text key={s} id={`subject-chip-${s}`} className={s === subject ? 'exam-chip exam-chip-on' : 'exam-chip'} onClick={() => pick(s)}>
            {SUBJECT_LABELS[s]}
          </Text>
        ))}
      </View>
      {booked && (
        <View id="booked" className="jg-card exam-sheet">
          <Text className="jg-subtitle">{booked.status === 'CONFIRMED' ? '预约成功' : '申请已提交'}</Text>
          <Text className="jg-hint">
            {booked.status === 'CONFIRMED'
              ? `${shanghaiDateTime(booked.session.startsAt)}，${booked.session.venue.name}。考试前一天会提醒您。`
              : `您当前排第${booked.rank ?? '-'}位。预约截止后按排序时间分配考位，结果会通知您。`}
          </Text>
          <Button id="to-my-bookings" className="jg-button" type="primary" size="large" onClick={() => open(PAGES.exam)}>
            查看我的预约
          </Button>
        </View>
      )}
      {chosen && (
        <View id="confirm-sheet" className="jg-card exam-sheet">
          <Text className="jg-subtitle">确认预约</Text>
          <Text className="jg-hint">
            {SUBJECT_LABELS[chosen.subject]} · {shanghaiDateTime(chosen.startsAt)} · {chosen.venue.name}
          </Text>
          <Text className="jg-hint">
            {chosen.allocation === 'FIRST_COME'
              ? '先到先得：提交后立即确定考位。'
              : '按排序分配：预约截止后按排序时间（报名或上次考试、取消的时间）分配考位，期间可随时撤回。'}
          </Text>
          <Text className="jg-hint">预约成功后，最晚可在考试前1个工作日之前取消；未取消又未参加考试的，按缺考（不合格）处理。</Text>
          <ErrorText id="book-error" message={error} />
          <Button id="book-confirm" className="jg-button" type="primary" size="large" loading={booking.busy} disabled={booking.busy} onClick={onBook}>
            确认预约
          </Button>
          <Button className="jg-button" size="large" onClick={() => setChosen(null)}>
            返回
          </Button>
        </View>
      )}
      {!chosen && <ErrorText id="sessions-error" message={error} />}
      {sessions === null && !error && <Text className="jg-hint">正在加载场次…</Text>}
      {sessions?.length === 0 && <Text id="sessions-empty" className="jg-hint">暂无可预约的{SUBJECT_LABELS[subject]}场次，考试计划一般提前10天公布，请稍后再来看看。</Text>}
      {!chosen && !booked && (sessions?.length === 0 || (error && !sessions)) && <WayBack id="sessions-back" label="返回考试预约" />}
      {sessions &&
        groupByDay(sessions).map((g) => (
          <View key={g.day} id={`day-${g.day}`}>
            <Text className="exam-day">{g.heading}</Text>
            {g.items.map((s) => (
        <View key={s.id} id={`session-${s.id}`} className="jg-card">
          <Text className="exam-big">{formatClock(s.startsAt)}</Text>
          <Text className="jg-hint">
            {s.venue.name} · {s.licenceClass} · {ALLOCATION_LABELS[s.allocation]}
          </Text>
          <Text id={`session-${s.id}-seats`} className="jg-hint">
            {s.allocation === 'FIRST_COME' ? `剩余考位 ${s.remaining ?? 0} / ${s.capacity}` : `考位 ${s.capacity} 个，已有 ${s.applicants ?? 0} 人申请`}
          </Text>
          {bookedIds.has(s.id) ? (
            <Text id={`booked-${s.id}`} className="exam-tag exam-tag-ok">
              已预约
            </Text>
          ) : s.bookingOpen ? (
            <Button
              id={`book-${s.id}`}
              className="jg-button"
              type="primary"
              size="large"
              disabled={s.allocation === 'FIRST_COME' && (s.remaining ?? 0) <= 0}
              onClick={() => {
                booking.setError('')
                setBooked(null)
                setChosen(s)
              }}
            >
              {s.allocation === 'FIRST_COME' && (s.remaining ?? 0) <= 0 ? '已约满' : '预约'}
            </Button>
          ) : (
            <Text className="exam-tag exam-tag-muted">{new Date(s.bookingOpensAt) > new Date() ? `${shanghaiDateTime(s.bookingOpensAt)}开始预约` : '已停止预约'}</Text>
          )}
        </View>
            ))}
          </View>
        ))}
    </PageShell>
  )
}

// A booking that still holds (or waits for) a seat; a cancelled or refused one may book again.
const HOLDING = new Set(['CONFIRMED', 'PENDING'])

/**
 * The sessions of a subject for the learner's class, with the ones they hold. The class comes with
 * the link from the exam page; opened by its address, the eligibility overview says it.
 */
async function loadSessions(subject: number, classParam?: string) {
  // A guest sees every class (and is asked to log in when booking).
  const signedIn = Boolean(getToken())
  const licenceClass = classParam || (signedIn ? (await getEligibility().catch(() => null))?.learner.licenceClass : undefined)
  const [page, mine] = await Promise.all([listSessions({ subject, licenceClass }), signedIn ? listBookings().catch(() => null) : null])
  const bookedIds = new Set((mine?.items ?? []).filter((b) => HOLDING.has(b.status) && !b.result).map((b) => b.sessionId))
  return { sessions: page.items, bookedIds }
}
