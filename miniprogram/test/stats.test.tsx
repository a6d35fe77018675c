// Unit tests of the statistics page: admins and officers get in, with each chart's numbers as a
// table; admins choose a unit, officers see their own; other staff are refused.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { request, resetTaroMock } from './taro-mock'
import { byId, reply } from './helpers'
import { saveSession } from '@/api/http'
import StatsPage from '@/packages/stats/index/index'
import type { StatsResponse } from '@/api/stats'

beforeEach(() => resetTaroMock())

const zero = { sent: 0, failed: 0, pending: 0, skipped: 0 }
const day = (date: string, submitted: number, confirmed: number) => ({ date, submitted, resubmitted: 0, confirmed, returned: 0, transferred: 0, handedOver: 0 })
const stats = (unit: StatsResponse['unit']): StatsResponse => ({
  from: '2026-11-30',
  to: '2026-12-01',
  unit,
  accidents: {
    byDay: [day('2026-11-30', 2, 1), day('2026-12-01', 4, 2)],
    totals: { submitted: 6, resubmitted: 0, confirmed: 3, returned: 0, transferred: 0, handedOver: 0 },
    decisionMinutes: { count: 3, median: 45, p90: 95.6 },
    decisionByDay: [
      { date: '2026-11-30', count: 1, median: 59, p90: 59 },
      { date: '2026-12-01', count: 2, median: 38, p90: 97.5 },
    ],
  },
  consultations: {
    created: 0,
    replied: 0,
    firstReplyMinutes: { count: 0, median: null, p90: null },
    limitHours: 4,
    withinLimit: 0,
    overdue: 0,
    waiting: 0,
    rating: { average: null, count: 0 },
    byDay: [],
  },
  exams: { sessions: 1, cancelled: 0, capacity: 20, confirmed: 18, fillRate: 0.9, noShows: 3, bySubject: [{ subject: 1, sessions: 1, cancelled: 0, capacity: 20, confirmed: 18, fillRate: 0.9, noShows: 3 }] },
  notifications: { byChannel: { SUBSCRIBE: { ...zero, sent: 2 }, OFFICIAL_TEMPLATE: zero, SMS: zero, AUTO: zero, MESSAGE_CENTRE: zero }, messageCentreRead: 0 },
})

const admin = { id: 's1', role: 'admin', username: 'admin', displayName: '系统管理员', unit: null }
const officer = { id: 's2', role: 'officer', username: 'officer.tengzhou', displayName: '滕州民警', unit: { code: 'tengzhou', name: '滕州' } }
const TENGZHOU = { code: 'tengzhou', name: '滕州' }

/** Answers by path: the caller, the units, and the statistics (of the unit asked for, if any). */
function serve(me: object) {
  request.mockImplementation(({ url }: { url: string }) => {
    if (url.endsWith('/api/me')) return Promise.resolve(reply(200, me))
    if (url.includes('/api/units')) return Promise.resolve(reply(200, { items: [{ code: 'shizhong', name: '市中' }, TENGZHOU], total: 2 }))
    if (url.includes('/api/admin/stats')) return Promise.resolve(reply(200, stats(url.includes('unit=tengzhou') || me === officer ? TENGZHOU : null)))
    return Promise.resolve(reply(404, {}))
  })
}
const rows = (chart: string) => [...byId(`stats-table-${chart}`).querySelectorAll('.stats-row')].map((r) => [...r.children].map((c) => c.textContent).join(','))
const statsUrls = () => request.mock.calls.map((c) => c[0].url as string).filter((u) => u.includes('/api/admin/stats'))

describe('statistics page', () => {
  it("shows an admin every chart's numbers as a table and narrows them to a unit", async () => {
    saveSession('t', 'admin')
    serve(admin)
    render(<StatsPage />)
    expect((await screen.findByText(/^全部大队，/)).id).toBe('stats-scope')
    expect(rows('accidents')).toEqual(['日期,提交审核,其中重新提交,确认,退回补充,转现场处理,移交其他大队', '2026-11-30,2,0,1,0,0,0', '2026-12-01,4,0,2,0,0,0', '合计,6,0,3,0,0,0'])
    expect(rows('decisions').at(-1)).toBe('全部,3,45,95.6')
    expect(rows('exams')[1]).toBe('科目一,1,20,18,90.0%,3,0')
    expect(rows('notifications')[1]).toBe('订阅消息,2,0,0,0')
    expect(byId('stats-tile-decision-median').textContent).toContain('45 分钟')

    fireEvent.click(await screen.findByText('滕州大队'))
    await waitFor(() => expect(byId('stats-scope').textContent).toBe('滕州大队，2026-11-30 至 2026-12-01'))
    expect(statsUrls().at(-1)).toContain('unit=tengzhou')
  })

  it('gives an officer their own unit and no unit choice', async () => {
    saveSession('t', 'officer')
    serve(officer)
    render(<StatsPage />)
    expect((await screen.findByText(/^滕州大队，/)).id).toBe('stats-scope')
    expect(document.getElementById('stats-units')).toBeNull()
    expect(statsUrls().every((u) => !u.includes('unit='))).toBe(true)
  })

  it('refuses an agent', async () => {
    saveSession('t', 'agent')
    serve({ id: 's3', role: 'agent', username: 'agent1', displayName: '客服', unit: null })
    render(<StatsPage />)
    expect((await screen.findByText('此页面仅供管理员或民警使用，请用管理员或民警账号登录。')).id).toBe('staff-denied')
    expect(document.getElementById('stats-summary')).toBeNull()
  })
})
