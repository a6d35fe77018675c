// Unit tests of 首页's open work: a case in progress, the next exam, an unread reply; one parallel
// round of requests when a driver's page shows, none for a guest, nothing shown when nothing is open.
import { fireEvent, render, waitFor } from '@testing-library/react'
import { navigateTo, request, resetTaroMock } from './taro-mock'
import { byId, reply } from './helpers'
import { saveSession } from '@/api/http'
import IndexPage from '@/pages/index/index'
import { bookingCard, caseCard } from '@/pages/index/open-work'

type Opts = { url: string; method?: string }
const me = { id: 'd1', role: 'driver', nickname: '张三', identity: { bound: true } }
const accident = (over: object = {}) => ({ id: 5, caseNumber: 'SG20261202001', status: 'NEGOTIATING', statusText: '协商中', updatedAt: '2026-12-02T01:00:00.000Z', ...over })
const booking = (over: object = {}) => ({
  id: 31,
  subjectName: '科目一',
  status: 'CONFIRMED',
  result: null,
  session: { startsAt: '2099-12-09T01:00:00.000Z', venue: { name: '枣庄市车管所科目一考场' } },
  ...over,
})
const message = (over: object = {}) => ({ id: 9, event: 'consultation.replied', title: '咨询回复', body: '您好，驾驶证换证可在…', link: '/pages/consult/detail/index?id=3', read: false, ...over })

function serve(data: { cases?: object[]; bookings?: object[]; messages?: object[] }) {
  request.mockImplementation(async (o: Opts) => {
    if (o.url.includes('/api/accidents')) return reply(200, { items: data.cases ?? [], total: 0 })
    if (o.url.includes('/api/exam/bookings')) return reply(200, { items: data.bookings ?? [], total: 0 })
    if (o.url.includes('/api/me/notifications')) {
      const items = data.messages ?? []
      return reply(200, { items, total: items.length, unread: items.filter((m) => !(m as { read: boolean }).read).length })
    }
    if (o.url.endsWith('/api/me')) return reply(200, me)
    return reply(404, {})
  })
}
const urls = () => request.mock.calls.map((c) => (c[0] as Opts).url)

beforeEach(() => {
  resetTaroMock()
})

describe('首页 open work', () => {
  it('shows a card per open thing and opens the case from its card', async () => {
    saveSession('driver-token', 'driver')
    serve({ cases: [accident(), accident({ id: 4, status: 'CONFIRMED', statusText: '已确认' })], bookings: [booking()], messages: [message()] })
    render(<IndexPage />)
    await waitFor(() => expect(byId('work-case').textContent).toContain('确认责任并签名'))
    expect(byId('work-case').textContent).toContain('协商中')
    expect(byId('work-booking').textContent).toContain('12月9日 周三 09:00')
    expect(byId('work-booking').textContent).toContain('枣庄市车管所科目一考场')
    expect(byId('work-reply').textContent).toContain('您好，驾驶证换证')
    // One request per endpoint: the message page also feeds the 消息 badge.
    expect(urls().filter((u) => u.includes('/api/accidents'))).toHaveLength(1)
    expect(urls().filter((u) => u.includes('/notifications'))).toHaveLength(1)
    fireEvent.click(byId('work-case'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/accident/detail/index?id=5' })
  })

  it('shows no open-work section when nothing is open', async () => {
    saveSession('driver-token', 'driver')
    serve({ cases: [accident({ status: 'CONFIRMED' })], bookings: [booking({ status: 'CANCELLED' })], messages: [message({ read: true })] })
    render(<IndexPage />)
    await waitFor(() => expect(byId('login-state').textContent).toContain('已登录'))
    expect(document.getElementById('open-work')).toBeNull()
  })

  it('asks nothing about open work for a guest', async () => {
    render(<IndexPage />)
    await waitFor(() => expect(byId('home-login')).toBeTruthy())
    expect(urls().some((u) => u.includes('/api/accidents') || u.includes('/api/exam'))).toBe(false)
  })
})

describe('open-work cards', () => {
  it('takes the most recently changed case in progress and the soonest upcoming booking', () => {
    const cases = [accident({ id: 1, status: 'RETURNED', updatedAt: '2026-12-01T00:00:00.000Z' }), accident({ id: 2, status: 'DRAFT', updatedAt: '2026-12-02T00:00:00.000Z' })]
    expect(caseCard(cases as never)?.url).toBe('/pages/accident/detail/index?id=2')
    const now = new Date('2026-12-02T00:00:00Z')
    const bookings = [
      booking({ id: 1, session: { startsAt: '2026-12-20T01:00:00.000Z', venue: { name: 'B' } } }),
      booking({ id: 2, session: { startsAt: '2026-12-10T01:00:00.000Z', venue: { name: 'A' } } }),
      booking({ id: 3, session: { startsAt: '2026-12-01T01:00:00.000Z', venue: { name: 'past' } } }),
    ]
    expect(bookingCard(bookings as never, now)?.lines[1]).toBe('A')
  })
})
