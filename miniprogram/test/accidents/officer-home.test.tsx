// The officer workbench: the day's count (decisions by kind, the unit's waiting cases) above the queue;
// the case page marks text the content check wanted a person to look at.
import { render, screen, waitFor } from '@testing-library/react'
import * as taro from '../taro-mock'
import { byId, reply } from '../helpers'
import { baseCase, REVIEW_ACTIONS } from './case-fixture'
import { saveSession } from '@/api/http'
import OfficerHomePage from '@/packages/officer/index/index'
import OfficerCasePage from '@/packages/officer/case/index'

const officer = { id: 's1', role: 'officer', username: 'officer.tengzhou', displayName: '滕州民警', unit: { code: 'tengzhou', name: '滕州' } }
const stats = { day: '2026-11-27', decided: { CONFIRM: 3, RETURN: 1, TRANSFER: 2, total: 6 }, waiting: { total: 4, disputed: 1 } }

beforeEach(() => {
  taro.resetTaroMock()
  saveSession('officer-token', 'officer')
})

function serve(routes: Record<string, unknown>) {
  taro.request.mockImplementation(async (o: { url: string }) => {
    const path = o.url.replace('http://api.test', '').split('?')[0]
    return path in routes ? routes[path] : reply(404, { error: { code: 'NOT_FOUND', message: '没有找到相关记录' } })
  })
}

describe('officer workbench', () => {
  it("shows today's decisions by kind and the unit's waiting cases", async () => {
    serve({ '/api/me': reply(200, officer), '/api/officer/accidents': reply(200, { items: [], total: 0 }), '/api/officer/stats': reply(200, stats) })
    render(<OfficerHomePage />)
    await waitFor(() => expect(byId('officer-stats-decided').textContent).toBe('今天已处理 6 起：确认 3 · 退回 1 · 转现场 2'))
    expect(byId('officer-stats-waiting').textContent).toBe('本大队待审核 4 起，其中有争议 1 起')
  })

  it('still shows the queue when the count cannot be loaded', async () => {
    serve({ '/api/me': reply(200, officer), '/api/officer/accidents': reply(200, { items: [], total: 0 }) })
    render(<OfficerHomePage />)
    await waitFor(() => expect(byId('officer-queue-total').textContent).toContain('共 0 起'))
    expect(document.getElementById('officer-stats')).toBeNull()
  })
})

describe('officer case page', () => {
  const pending = { ...baseCase, status: 'PENDING_REVIEW', statusText: '待民警审核', inviteCode: undefined, myRole: null, actions: REVIEW_ACTIONS }

  it('warns about text WeChat wanted reviewed and marks its step in the timeline', async () => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: '7' }, path: '' })
    const events = [
      { type: 'CREATED', actor: 'A', at: '2026-11-27T01:00:00.000Z', from: null, to: 'DRAFT', textCheck: 'review' },
      { type: 'SUBMITTED', actor: 'A', at: '2026-11-27T01:10:00.000Z', from: 'NEGOTIATING', to: 'PENDING_REVIEW' },
    ]
    serve({ '/api/officer/accidents/7': reply(200, { ...pending, events }) })
    render(<OfficerCasePage />)
    expect((await screen.findByText(/未通过自动审核/)).id).toBe('officer-text-check')
    const items = byId('officer-timeline').querySelectorAll('.jg-timeline-item')
    expect(items[0].textContent).toContain('文字待核查')
    expect(items[1].textContent).not.toContain('文字')
  })

  it('shows no warning when every text passed', async () => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: '7' }, path: '' })
    serve({ '/api/officer/accidents/7': reply(200, { ...pending, events: [{ type: 'CREATED', actor: 'A', at: '2026-11-27T01:00:00.000Z', from: null, to: 'DRAFT' }] }) })
    render(<OfficerCasePage />)
    await screen.findByText('处理经过')
    expect(document.getElementById('officer-text-check')).toBeNull()
  })
})
