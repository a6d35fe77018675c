// Exam booking home (考试预约): progress per subject with why a subject cannot be booked yet,
// and the learner's bookings with rank, result and cancelling.
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import IdentityForm from '@/components/IdentityForm'
import WayBack from '@/components/WayBack'
import { ApiError, errorMessage, getToken } from '@/api/http'
import { cancelBooking, getEligibility, listBookings, type Booking, type Eligibility, type SubjectState } from '@/api/exams'
import { open, openLogin, PAGES } from '@/utils/nav'
import { useSubmit } from '@/hooks/useSubmit'
import { ALLOCATION_LABELS, formatDeadline, monthDay, RESULT_LABELS, SESSIONS_PAGE, shanghaiDate, shanghaiDateTime, STATUS_LABELS } from './format'
import './index.css'

type State =
  | { kind: 'loading' }
  | { kind: 'guest' }
  | { kind: 'unbound' }
  | { kind: 'no-learner'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; eligibility: Eligibility; bookings: Booking[] }

export default function ExamPage() {
  const [state, setState] = useState<State>({ kind: 'loading' })

  const load = async () => {
    if (!getToken()) {
      setState({ kind: 'guest' })
      return
    }
    try {
      const [eligibility, bookings] = await Promise.all([getEligibility(), listBookings()])
      setState({ kind: 'ready', eligibility, bookings: bookings.items })
    } catch (err) {
      const reason = err instanceof ApiError ? (err.details as { reason?: string } | undefined)?.reason : undefined
      if (reason === 'IDENTITY_NOT_BOUND') setState({ kind: 'unbound' })
      else if (reason === 'NOT_A_LEARNER') setState({ kind: 'no-learner', message: errorMessage(err) })
      else setState({ kind: 'error', message: errorMessage(err) })
    }
  }

  useDidShow(() => {
    void load()
  })

  return (
    <PageShell>
      <Text className="jg-title">考试预约</Text>
      {state.kind === 'loading' && <Text className="jg-hint">正在加载…</Text>}
      {state.kind === 'guest' && (
        <View className="jg-card">
          <Text id="exam-guest" className="jg-subtitle">
            请先登录
          </Text>
          <Text className="jg-hint">登录并绑定身份后，可以查看考试进度、预约和取消考试。</Text>
          <Button id="exam-login" className="jg-button" type="primary" size="large" onClick={openLogin}>
            登录
          </Button>
        </View>
      )}
      {state.kind === 'unbound' && (
        <View>
          <View className="jg-card">
            <Text id="exam-unbound" className="jg-hint">
              预约考试需要先绑定本人身份（姓名和身份证号），系统据此找到您的报名信息。
            </Text>
          </View>
          <IdentityForm onBound={() => void load()} />
        </View>
      )}
      {state.kind === 'no-learner' && (
        <View className="jg-card">
          <ErrorText id="exam-error" message={state.message} />
          <Text className="jg-hint">报名信息由驾校报送，一般在报名后1至3个工作日可查到。如有疑问，可以在线咨询。</Text>
          <WayBack id="exam-back" next={{ id: 'exam-consult', label: '在线咨询', onClick: () => open(PAGES.consult) }} />
        </View>
      )}
      {state.kind === 'error' && (
        <View className="jg-card">
          <ErrorText id="exam-error" message={state.message} />
          <WayBack id="exam-back" next={{ id: 'exam-retry', label: '重试', onClick: () => void load() }} />
        </View>
      )}
      {state.kind === 'ready' && (
        <View>
          <Progress eligibility={state.eligibility} />
          <MyBookings bookings={state.bookings} onChanged={() => void load()} />
        </View>
      )}
    </PageShell>
  )
}

function subjectLine(s: SubjectState): { tag: string; tone: string; hint: string } {
  switch (s.status) {
    case 'PASSED':
      return { tag: '已通过', tone: 'exam-tag-ok', hint: `${shanghaiDate(s.passedAt)}通过` }
    case 'BOOKED':
      return { tag: '已预约', tone: '', hint: '见下方“我的预约”' }
    case 'BOOKABLE':
      return { tag: '可预约', tone: 'exam-tag-ok', hint: '点击选择考试场次' }
    default:
      // The day it opens first ("科目二：3月5日起可预约"), then why not before.
      return {
        tag: '不可预约',
        tone: 'exam-tag-no',
        hint: s.availableFrom && new Date(s.availableFrom) > new Date() ? `${s.name}：${monthDay(s.availableFrom)}起可预约。${s.message}` : s.message,
      }
  }
}

function Progress({ eligibility }: { eligibility: Eligibility }) {
  const { learner, subjects } = eligibility
  return (
    <View className="jg-card">
      <Text className="jg-subtitle">我的考试进度</Text>
      <Text className="jg-hint">
        {learner.name}，准驾车型 {learner.licenceClass}
        {learner.permitExpiresAt ? `，学习驾驶证明有效期至${shanghaiDate(learner.permitExpiresAt)}` : ''}
      </Text>
      {subjects.map((s) => {
        const line = subjectLine(s)
        return (
          <View key={s.subject} id={`subject-${s.subject}`} className="exam-row">
            <View className="exam-row-main">
              <Text className="exam-big">{s.name}</Text>
              <Text className="jg-hint">{line.hint}</Text>
            </View>
            {s.status === 'BOOKABLE' ? (
              <Button id={`choose-${s.subject}`} type="primary" size="small" onClick={() => open(`${SESSIONS_PAGE}?subject=${s.subject}&licenceClass=${encodeURIComponent(learner.licenceClass)}`)}>
                选择场次
              </Button>
            ) : (
              <Text className={`exam-tag ${line.tone}`}>{line.tag}</Text>
            )}
          </View>
        )
      })}
    </View>
  )
}

function MyBookings({ bookings, onChanged }: { bookings: Booking[]; onChanged: () => void }) {
  const [confirming, setConfirming] = useState<number | null>(null)
  const cancel = useSubmit(async (id: number) => {
    await cancelBooking(id)
    setConfirming(null)
    onChanged()
  })

  return (
    <View id="my-bookings" className="jg-card">
      <Text className="jg-subtitle">我的预约</Text>
      {bookings.length === 0 && <Text className="jg-hint">还没有预约记录。可预约的科目点“选择场次”即可预约。</Text>}
      {bookings.map((b) => {
        const cancellable = (b.status === 'CONFIRMED' || b.status === 'PENDING') && !b.result && b.cancellableUntil && new Date(b.cancellableUntil) > new Date()
        return (
          <View key={b.id} id={`booking-${b.id}`} className="exam-row">
            <View className="exam-row-main">
              <Text className="exam-big">
                {b.subjectName} · {shanghaiDateTime(b.session.startsAt)}
              </Text>
              <Text className="jg-hint">
                {b.session.venue.name}（{ALLOCATION_LABELS[b.session.allocation]}）
              </Text>
              <Text id={`booking-${b.id}-status`} className="jg-hint">
                {b.result ? `考试结果：${RESULT_LABELS[b.result]}` : STATUS_LABELS[b.status]}
                {b.status === 'PENDING' && b.rank ? `，当前排第${b.rank}位，预约截止后按排序分配考位` : ''}
                {b.status === 'REJECTED' ? '，可另选场次重新申请' : ''}
              </Text>
              {b.status === 'CANCELLED_BY_OFFICE' && (
                <Text id={`booking-${b.id}-office`} className="exam-office-cancel">
                  考场取消：{b.cancelReason ?? '考试安排调整'}。本次不计入预约次数，请重新预约其他场次。
                </Text>
              )}
              {cancellable && b.cancellableUntil && (
                <Text id={`booking-${b.id}-deadline`} className="jg-hint">{formatDeadline(b.cancellableUntil)}前可取消</Text>
              )}
              {confirming === b.id && (
                <View className="jg-card exam-sheet">
                  <Text className="jg-hint">
                    {b.status === 'CONFIRMED' ? '取消后考位将释放给其他学员，再次预约需重新排队。确定取消吗？' : '确定撤回这个预约申请吗？'}
                  </Text>
                  <ErrorText id="cancel-error" message={cancel.error} />
                  <Button id="cancel-confirm" className="jg-button" type="danger" size="large" loading={cancel.busy} disabled={cancel.busy} onClick={() => void cancel.run(b.id)}>
                    确定取消
                  </Button>
                  <Button className="jg-button" size="large" onClick={() => setConfirming(null)}>
                    再想想
                  </Button>
                </View>
              )}
            </View>
            {cancellable && confirming !== b.id && (
              <Button id={`cancel-${b.id}`} size="small" onClick={() => setConfirming(b.id)}>
                取消预约
              </Button>
            )}
          </View>
        )
      })}
    </View>
  )
}
