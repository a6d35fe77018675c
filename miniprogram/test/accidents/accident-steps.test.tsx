// The accident report's step screens: the draft survives leaving, every stop has 返回修改, the case page
// opens on the kept step, a two-car case offers no 单车事故, the signed case shows what happens next.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as taro from '../taro-mock'
import { byId, reply } from '../helpers'
import { baseCase } from './case-fixture'
import { saveSession } from '@/api/http'
import ReportPage, { DRAFT_KEY } from '@/pages/accident/report/index'
import DetailPage, { stepKey } from '@/pages/accident/detail/index'

beforeEach(() => {
  taro.resetTaroMock()
  saveSession('driver-token', 'driver')
})

const click = (id: string) => fireEvent.click(byId(id))
const stepOf = () => byId('step-bar').getAttribute('data-step')

describe('report page steps', () => {
  it('comes back to the same question after leaving the page', () => {
    render(<ReportPage />)
    expect(stepOf()).toBe('safety')
    click('accident-safe')
    click('answer-no')
    click('answer-no')
    expect(byId('accident-question').textContent).toContain('第 3 / 8 题')
    cleanup()
    render(<ReportPage />)
    expect(stepOf()).toBe('questions')
    expect(byId('accident-question').textContent).toContain('第 3 / 8 题')
    click('step-back')
    expect(byId('accident-question').textContent).toContain('第 2 / 8 题')
  })

  it('puts the safe answer 没有 first on every question', () => {
    render(<ReportPage />)
    click('accident-safe')
    for (let i = 0; i < 8; i++) {
      const buttons = [...byId('accident-question').querySelectorAll('.jg-answer-row .jg-button')]
      expect(buttons.map((b) => b.textContent)).toEqual(['没有', '有'])
      click('answer-no')
    }
    expect(byId('accident-place')).toBeTruthy()
  })

  it('a stop screen has 拨打122 and 返回修改, which goes back to the question', () => {
    render(<ReportPage />)
    click('accident-safe')
    click('answer-no')
    click('answer-yes')
    expect(byId('accident-stop-reason').textContent).toContain('122')
    expect(byId('stop-call').textContent).toContain('拨打122')
    click('stop-back')
    expect(byId('accident-question').textContent).toContain('第 2 / 8 题')
    expect(taro.request).not.toHaveBeenCalled()
  })

  it('forgets the draft once the case exists', async () => {
    taro.setStorageSync(DRAFT_KEY, { screen: 'place', question: 7, answers: {}, address: '善国北路', unit: 'tengzhou', weather: '晴', vehicles: 2 })
    render(<ReportPage />)
    taro.request.mockResolvedValueOnce(reply(201, baseCase))
    click('accident-submit')
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/accident/detail/index?id=7' }))
    expect(taro.getStorageSync(DRAFT_KEY)).toBe('')
  })
})

const both = [
  { ...baseCase.parties[0], plate: '鲁D12345', driverName: '张伟', complete: true },
  { ...baseCase.parties[0], role: 'B', plate: '鲁DD54321', driverName: '李娜', complete: true },
]
const negotiating = { ...baseCase, status: 'NEGOTIATING', statusText: '协商中', inviteCode: undefined, missingSlots: [], parties: both, actions: ['EDIT_DETAILS', 'UPLOAD_PHOTO', 'SET_LIABILITY', 'ANSWER', 'CANCEL'] }
const scenarios = {
  items: [
    { code: 'REAR_END', name: '追尾', description: '追撞前车', atFault: '后方车辆负全部责任', split: 'ONE' },
    { code: 'SINGLE_VEHICLE', name: '单车事故', description: '单方', atFault: '本车负全部责任', split: 'ONE' },
  ],
  total: 2,
}

function serve(c: unknown) {
  taro.routerParams.id = '7'
  taro.request.mockImplementation(async (o: { url: string }) => (o.url.endsWith('/scenarios') ? reply(200, scenarios) : reply(200, c)))
}

describe('case page steps', () => {
  it('opens on the step kept on the phone', async () => {
    taro.setStorageSync(stepKey(7), 'liability')
    serve(negotiating)
    render(<DetailPage />)
    await waitFor(() => expect(stepOf()).toBe('liability'))
    // A two-car case: no 单车事故.
    await screen.findByText('追尾')
    expect(document.getElementById('scenario-SINGLE_VEHICLE')).toBeNull()
    expect(byId('scenario-REAR_END-picture').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
  })

  it('follows the server when the kept step is beyond what the case allows', async () => {
    taro.setStorageSync(stepKey(7), 'sign')
    serve({ ...negotiating, missingSlots: ['COLLISION_POINT'] })
    render(<DetailPage />)
    await waitFor(() => expect(stepOf()).toBe('photos'))
    expect(byId('step-next').className).toMatch(/disabled/)
    // Kept at once: a reload opens the same step even before the driver moves on.
    expect(taro.getStorageSync(stepKey(7))).toBe('photos')
  })

  it('keeps the step it moves to', async () => {
    serve({ ...negotiating, scenario: 'REAR_END', scenarioName: '追尾', atFault: 'A', liability: { A: '全部', B: '无' } })
    render(<DetailPage />)
    await waitFor(() => expect(stepOf()).toBe('sign'))
    click('step-back')
    expect(stepOf()).toBe('review')
    expect(taro.getStorageSync(stepKey(7))).toBe('review')
    expect(byId('review-liability').textContent).toBe('追尾：我方（本车）全部责任，对方无责任')
  })

  it('names the liability from the second party’s side', async () => {
    serve({ ...negotiating, myRole: 'B', scenario: 'REAR_END', scenarioName: '追尾', atFault: 'A', liability: { A: '全部', B: '无' } })
    taro.setStorageSync(stepKey(7), 'review')
    render(<DetailPage />)
    await waitFor(() => expect(byId('review-liability').textContent).toBe('追尾：我方（本车）无责任，对方全部责任'))
  })

  it('shows a case under review with what happens next and the review deadline', async () => {
    serve({
      ...negotiating,
      status: 'PENDING_REVIEW',
      statusText: '待民警审核',
      actions: [],
      reviewDueAt: '2026-11-27T02:30:00.000Z',
      scenario: 'REAR_END',
      scenarioName: '追尾',
      liability: { A: '全部', B: '无' },
    })
    render(<DetailPage />)
    await waitFor(() => expect(byId('case-deadline').textContent).toBe('预计 11月27日 10:30 前审核完毕'))
    expect(byId('case-liability-result').textContent).toContain('我方（本车）全部责任')
    expect(document.getElementById('step-bar')).toBeNull()
  })
})
