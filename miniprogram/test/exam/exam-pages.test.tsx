// Unit tests of the exam pages: progress per subject, booking through the confirm sheet,
// cancelling, and the admin plan with fill rates, allocation and imports.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { resetTaroMock } from '../taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall } from '../helpers'
import { saveSession } from '@/api/http'
import ExamPage from '@/pages/exam/index'
import ExamSessionsPage from '@/pages/exam/sessions/index'
import AdminExamsPage from '@/packages/admin/exams/index'
import { monthGrid } from '@/packages/admin/exams/SessionCalendar'
import { request } from '../taro-mock'

const venue = { id: 1, name: '枣庄市车管所科目一考场', address: '光明大道' }
const session = (over: object = {}) => ({
  id: 7,
  subject: 1,
  licenceClass: 'C1',
  venue,
  startsAt: '2026-12-09T01:00:00.000Z',
  capacity: 60,
  allocation: 'FIRST_COME',
  bookingOpensAt: '2026-11-26T00:00:00.000Z',
  bookingClosesAt: '2026-12-06T09:00:00.000Z',
  bookingOpen: true,
  allocated: false,
  remaining: 12,
  ...over,
})
const eligibility = {
  learner: { name: '冯雪', licenceClass: 'C1', permitIssuedAt: null, permitExpiresAt: null },
  subjects: [
    { subject: 1, name: '科目一', status: 'BOOKABLE' },
    { subject: 2, name: '科目二', status: 'NOT_BOOKABLE', reason: 'SUBJECT_ORDER', message: '请先通过科目一，再预约科目二', availableFrom: null },
  ],
}
const booking = (over: object = {}) => ({
  id: 31,
  sessionId: 7,
  subject: 1,
  subjectName: '科目一',
  status: 'CONFIRMED',
  priority: false,
  result: null,
  cancellableUntil: '2099-12-07T16:00:00.000Z',
  createdAt: '2026-11-27T02:00:00.000Z',
  session: session(),
  ...over,
})

beforeEach(() => {
  resetTaroMock()
  saveSession('driver-token', 'driver')
})

describe('exam home', () => {
  it('shows each subject with its state and the reason a subject cannot be booked', async () => {
    queueReplies(reply(200, eligibility), reply(200, { items: [], total: 0 }))
    render(<ExamPage />)
    await screen.findByText('请先通过科目一，再预约科目二')
    expect(byId('choose-1').textContent).toContain('选择场次')
    expect(byId('subject-2').textContent).toContain('不可预约')
    expect(byId('my-bookings').textContent).toContain('还没有预约记录')
  })

  it('says from which day a subject can be booked, and the cancellation deadline in words', async () => {
    const later = {
      ...eligibility,
      subjects: [eligibility.subjects[0], { subject: 2, name: '科目二', status: 'NOT_BOOKABLE', reason: 'RETAKE_WAIT', message: '补考需在上次考试10日后预约', availableFrom: '2099-03-04T16:00:00.000Z' }],
    }
    queueReplies(reply(200, later), reply(200, { items: [booking({ cancellableUntil: '2099-12-10T09:00:00.000Z' })], total: 1 }))
    render(<ExamPage />)
    await waitFor(() => expect(byId('subject-2').textContent).toContain('科目二：3月5日起可预约'))
    expect(byId('booking-31-deadline').textContent).toBe('12月10日（周四）17:00前可取消')
    expect(byId('choose-1')).toBeTruthy()
  })

  it('offers identity binding when the driver has not bound one', async () => {
    queueReplies(errorReply(422, 'NOT_ELIGIBLE', '请先绑定身份证号码', { reason: 'IDENTITY_NOT_BOUND' }), reply(200, { items: [], total: 0 }))
    render(<ExamPage />)
    await screen.findByText(/预约考试需要先绑定本人身份/)
    expect(byId('identity-form')).toBeTruthy()
  })

  it('shows a ranked application with its rank', async () => {
    queueReplies(reply(200, eligibility), reply(200, { items: [booking({ status: 'PENDING', rank: 3, session: session({ allocation: 'RANKED' }) })], total: 1 }))
    render(<ExamPage />)
    await waitFor(() => expect(byId('booking-31-status').textContent).toContain('当前排第3位'))
  })

  it('cancels a booking after the learner confirms, then reloads', async () => {
    queueReplies(reply(200, eligibility), reply(200, { items: [booking()], total: 1 }))
    render(<ExamPage />)
    fireEvent.click(await screen.findByText('取消预约'))
    queueReplies(reply(200, booking({ status: 'CANCELLED' })), reply(200, eligibility), reply(200, { items: [booking({ status: 'CANCELLED' })], total: 1 }))
    fireEvent.click(byId('cancel-confirm'))
    await waitFor(() => expect(byId('booking-31-status').textContent).toBe('已取消'))
    expect(requestCall(2)).toMatchObject({ url: 'http://api.test/api/exam/bookings/31', method: 'DELETE' })
  })

  it('shows a booking the office cancelled with the reason and that it does not count', async () => {
    queueReplies(reply(200, eligibility), reply(200, { items: [booking({ status: 'CANCELLED_BY_OFFICE', cancelReason: '考场设备检修', cancellableUntil: null })], total: 1 }))
    render(<ExamPage />)
    await waitFor(() => expect(byId('booking-31-office').textContent).toBe('考场取消：考场设备检修。本次不计入预约次数，请重新预约其他场次。'))
    expect(byId('booking-31-status').textContent).toContain('考场取消')
    expect(document.getElementById('cancel-31')).toBeNull()
  })

  it('shows why cancelling was refused', async () => {
    queueReplies(reply(200, eligibility), reply(200, { items: [booking()], total: 1 }))
    render(<ExamPage />)
    fireEvent.click(await screen.findByText('取消预约'))
    queueReplies(errorReply(422, 'CANCELLATION_CLOSED', '距离考试已不足1个工作日，不能取消', { reason: 'TOO_CLOSE_TO_EXAM' }))
    fireEvent.click(byId('cancel-confirm'))
    expect((await screen.findByText('距离考试已不足1个工作日，不能取消')).id).toBe('cancel-error')
  })
})

describe('session list', () => {
  type Opts = { url: string; method?: string; data?: unknown }
  /** Answers by URL: the learner's overview, their bookings, the sessions, and booking. */
  function serve(sessions: () => object[], bookings: () => object[] = () => [], onBook?: (o: Opts) => ReturnType<typeof reply>) {
    request.mockImplementation(async (o: Opts) => {
      if (o.url.includes('/api/exam/eligibility')) return reply(200, eligibility)
      if (o.url.includes('/api/exam/bookings') && o.method === 'POST') return onBook ? onBook(o) : reply(201, booking())
      if (o.url.includes('/api/exam/bookings')) return reply(200, { items: bookings(), total: bookings().length })
      if (o.url.includes('/api/exam/sessions')) return reply(200, { items: sessions(), total: sessions().length })
      return reply(404, {})
    })
  }
  const calls = () => request.mock.calls.map((c) => (c[0] as Opts).url)

  it('asks only for the learner’s class and books through the confirm sheet', async () => {
    let items = [session(), session({ id: 8, allocation: 'RANKED', remaining: undefined, applicants: 41 })]
    serve(() => items)
    render(<ExamSessionsPage />)
    await waitFor(() => expect(byId('session-7-seats').textContent).toBe('剩余考位 12 / 60'))
    expect(calls()).toContain('http://api.test/api/exam/sessions?pageSize=50&subject=1&licenceClass=C1')
    expect(byId('session-8-seats').textContent).toBe('考位 60 个，已有 41 人申请')
    fireEvent.click(byId('book-7'))
    expect(byId('confirm-sheet').textContent).toContain('考试前1个工作日')
    items = [session({ remaining: 11 })]
    fireEvent.click(byId('book-confirm'))
    await waitFor(() => expect(byId('booked').textContent).toContain('预约成功'))
    expect(request.mock.calls.find((c) => (c[0] as Opts).method === 'POST')?.[0]).toMatchObject({ url: 'http://api.test/api/exam/bookings', data: { sessionId: 7 } })
  })

  it('groups sessions under a heading per Shanghai day and marks the one already booked', async () => {
    // 23:30 UTC on the 9th is the morning of the 10th in Shanghai.
    serve(
      () => [session(), session({ id: 8, startsAt: '2026-12-09T06:00:00.000Z' }), session({ id: 9, startsAt: '2026-12-09T23:30:00.000Z' })],
      () => [booking({ sessionId: 8 }), booking({ id: 32, sessionId: 9, status: 'CANCELLED' })],
    )
    render(<ExamSessionsPage />)
    await waitFor(() => expect(byId('day-2026-12-09').textContent).toContain('12月9日（周三）'))
    expect(byId('day-2026-12-09').querySelectorAll('[id^="session-"][id$="-seats"]')).toHaveLength(2)
    expect(byId('day-2026-12-10').textContent).toContain('12月10日（周四）')
    expect(byId('session-8').textContent).toContain('已预约')
    expect(document.getElementById('book-8')).toBeNull()
    // A cancelled booking does not hold the session: it can be booked again.
    expect(byId('book-9').textContent).toContain('预约')
    expect(byId('book-7').textContent).toBe('预约')
  })

  it('shows a full session’s refusal in the sheet', async () => {
    serve(() => [session()], () => [], () => errorReply(409, 'SESSION_FULL', '该场次已约满，请选择其他场次'))
    render(<ExamSessionsPage />)
    fireEvent.click(await screen.findByText('预约'))
    fireEvent.click(byId('book-confirm'))
    expect((await screen.findByText('该场次已约满，请选择其他场次')).id).toBe('book-error')
  })

  it('says so when a subject has no sessions', async () => {
    serve(() => [])
    render(<ExamSessionsPage />)
    expect((await screen.findByText(/暂无可预约的科目一场次/)).id).toBe('sessions-empty')
  })
})

describe('admin exam plan', () => {
  const adminSession = (over: object = {}) => ({ ...session(), confirmedCount: 45, applicantCount: 0, allocatedAt: null, fillRate: 0.75, status: 'SCHEDULED', cancelledAt: null, cancelReason: null, startsAt: '2099-12-09T01:00:00.000Z', ...over })
  type Opts = { url: string; method?: string; data?: unknown }

  /** Answers the page's requests by URL: the plan's list, the calendar's month, the venues, and each action. */
  function serve(list: () => object[], actions: Record<string, (o: Opts) => object> = {}) {
    request.mockImplementation(async (o: Opts) => {
      // The staff frame (StaffHome) checks the login first.
      if (o.url.endsWith('/api/me')) return reply(200, { id: 1, role: 'admin', username: 'admin', displayName: '管理员', unit: null })
      const key = Object.keys(actions).find((k) => o.url.includes(k) && o.method !== 'GET')
      if (key) return reply(200, actions[key](o))
      if (o.url.includes('/api/admin/venues')) return reply(200, { items: [{ ...venue, unit: null }], total: 1 })
      const items = list()
      return reply(200, { items, total: items.length })
    })
  }

  beforeEach(() => {
    saveSession('admin-token', 'admin')
    // Only the clock is fixed (1 December 2099, Shanghai): the calendar opens on the month of "now".
    jest.useFakeTimers({
      now: new Date('2099-12-01T02:00:00Z'),
      doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'performance', 'hrtime'],
    })
  })
  afterEach(() => jest.useRealTimers())

  it('draws fill-rate bars and allocates a ranked session', async () => {
    let allocated = false
    serve(
      () => allocated
        ? [adminSession({ id: 9, allocation: 'RANKED', allocated: true, confirmedCount: 2, capacity: 2, fillRate: 1 })]
        : [adminSession(), adminSession({ id: 9, allocation: 'RANKED', applicantCount: 3, capacity: 2, fillRate: 1.5 })],
      { '/allocate': () => ((allocated = true), adminSession({ id: 9 })) },
    )
    render(<AdminExamsPage />)
    await waitFor(() => expect(byId('admin-session-7-fill').textContent).toBe('已确认 45 / 考位 60（75%）'))
    expect(byId('admin-session-9-fill').textContent).toBe('申请 3 人 / 考位 2（150%）')
    expect(byId('fill-chart').querySelectorAll('.admin-exam-column')).toHaveLength(2)
    fireEvent.click(byId('allocate-9'))
    await waitFor(() => expect(byId('admin-session-9-fill').textContent).toBe('已确认 2 / 考位 2（100%）'))
    expect(request.mock.calls.map((c) => c[0]).find((o: Opts) => o.url.endsWith('/allocate'))).toMatchObject({ url: 'http://api.test/api/admin/exam-sessions/9/allocate', method: 'POST' })
  })

  it('imports learners and lists the rejected lines', async () => {
    serve(() => [], { '/import/learners': () => ({ created: 2, updated: 1, rejected: [{ line: 3, reason: 'idNumber: 身份证号码应为18位' }] }) })
    render(<AdminExamsPage />)
    await screen.findByText(/还没有考试场次/)
    fireEvent(byId('import-learners-csv'), new CustomEvent('input', { detail: { value: 'idNumber,name\n1,坏' }, bubbles: true }))
    fireEvent.click(byId('import-learners-submit'))
    await waitFor(() => expect(byId('import-learners-report').textContent).toContain('新增 2 条，更新 1 条，未导入 1 条'))
    expect(byId('import-learners-report').textContent).toContain('第3行：idNumber: 身份证号码应为18位')
    expect(request.mock.calls.map((c) => c[0]).find((o: Opts) => o.url.includes('/import/learners'))).toMatchObject({ method: 'POST', data: { csv: 'idNumber,name\n1,坏' } })
  })

  it('cancels a session only with a reason, after the confirm dialog, and shows it cancelled', async () => {
    let cancelled = false
    serve(() => [adminSession(cancelled ? { status: 'CANCELLED', cancelReason: '考场设备检修', cancelledAt: '2099-12-01T02:00:00.000Z' } : {})], {
      '/cancel': () => ((cancelled = true), adminSession({ status: 'CANCELLED', cancelReason: '考场设备检修' })),
    })
    render(<AdminExamsPage />)
    await waitFor(() => byId('cancel-session-7'))
    fireEvent.click(byId('cancel-session-7'))
    expect(byId('cancel-session-dialog').textContent).toContain('45 名学员的预约将被取消')
    fireEvent.click(byId('cancel-session-confirm'))
    expect(byId('cancel-session-error').textContent).toContain('请填写取消原因')
    expect(request.mock.calls.some((c) => c[0].url.includes('/cancel'))).toBe(false)
    fireEvent(byId('cancel-session-reason'), new CustomEvent('input', { detail: { value: '考场设备检修' }, bubbles: true }))
    fireEvent.click(byId('cancel-session-confirm'))
    await waitFor(() => expect(byId('admin-session-7-cancelled').textContent).toContain('已取消'))
    expect(byId('admin-session-7-cancelled').textContent).toContain('考场设备检修')
    expect(document.getElementById('cancel-session-7')).toBeNull()
    expect(request.mock.calls.map((c) => c[0]).find((o: Opts) => o.url.includes('/cancel'))).toMatchObject({ method: 'POST', data: { reason: '考场设备检修' } })
    await waitFor(() => expect(byId('cal-session-7').className).toContain('cal-chip-cancelled'))
  })

  it('sends only what was edited', async () => {
    serve(() => [adminSession()], { '/exam-sessions/7': (o) => adminSession(o.data as object) })
    render(<AdminExamsPage />)
    await waitFor(() => byId('edit-7'))
    fireEvent.click(byId('edit-7'))
    expect(byId('edit-session-dialog').textContent).toContain('已预约成功 45 人')
    fireEvent(byId('edit-session-capacity'), new CustomEvent('input', { detail: { value: '50' }, bubbles: true }))
    fireEvent.click(byId('edit-session-save'))
    await waitFor(() => expect(byId('admin-exams-notice').textContent).toContain('已保存'))
    expect(request.mock.calls.map((c) => c[0]).find((o: Opts) => o.method === 'PATCH')).toMatchObject({ url: 'http://api.test/api/admin/exam-sessions/7', data: { capacity: 50 } })
  })

  it('puts each session on its Shanghai day in the month grid, coloured by fill', async () => {
    serve(() => [adminSession({ id: 11, startsAt: '2099-12-09T01:00:00.000Z', fillRate: 0.95 }), adminSession({ id: 12, startsAt: '2099-12-09T16:30:00.000Z', fillRate: 0.2 })])
    render(<AdminExamsPage />)
    await waitFor(() => byId('cal-session-11'))
    expect(byId('cal-day-2099-12-09').contains(byId('cal-session-11'))).toBe(true)
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(byId('cal-day-2099-12-10').contains(byId('cal-session-12'))).toBe(true)
    expect(byId('cal-session-11').className).toContain('cal-chip-full')
    expect(byId('cal-session-12').className).toContain('cal-chip-free')
    expect(byId('cal-session-11').textContent).toContain('09:00')
  })
})

describe('month grid', () => {
  it('starts on Monday and pads both ends to whole weeks', () => {
    const cells = monthGrid(2026, 12) // 1 December 2026 is a Tuesday
    expect(cells.slice(0, 2)).toEqual(['', '2026-12-01'])
    expect(cells.length % 7).toBe(0)
    expect(cells.filter(Boolean)).toHaveLength(31)
    expect(cells.filter(Boolean).at(-1)).toBe('2026-12-31')
  })
})
