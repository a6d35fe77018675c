// Unit tests of the accident pages: the eligibility stop, the report request, joining, the invite code, officer checks.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as taro from '../taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall, typeInto } from '../helpers'
import { baseCase, REVIEW_ACTIONS } from './case-fixture'
import { saveSession } from '@/api/http'
import ReportPage from '@/pages/accident/report/index'
import JoinPage from '@/pages/accident/join/index'
import DetailPage from '@/pages/accident/detail/index'
import OfficerCasePage from '@/packages/officer/case/index'

beforeEach(() => {
  taro.resetTaroMock()
  saveSession('driver-token', 'driver')
})

const click = (id: string) => fireEvent.click(byId(id))

describe('report page', () => {
  it('ends the flow with the reason and a call to 122 when someone is injured, sending nothing', async () => {
    render(<ReportPage />)
    click('accident-safe')
    click('answer-yes')
    expect(byId('accident-stop-reason').textContent).toContain('122')
    expect(screen.getByText('拨打122')).toBeTruthy()
    expect(taro.request).not.toHaveBeenCalled()
  })

  it('asks for the unit in the browser, where there is no location', async () => {
    render(<ReportPage />)
    click('accident-safe')
    for (const answer of ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no']) click(`answer-${answer}`)
    await typeInto('accident-address', '善国北路')
    click('accident-submit')
    expect(byId('accident-report-error').textContent).toContain('大队')
    expect(taro.request).not.toHaveBeenCalled()
  })

  it('reports with the answers, the place and the vehicles, then opens the case', async () => {
    render(<ReportPage />)
    click('accident-safe')
    // injuries, impaired, dangerous goods: no; licences, plates, insurance, drivable: yes; facilities: no.
    for (const answer of ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no']) click(`answer-${answer}`)
    await typeInto('accident-address', '善国北路与荆河路交叉口')
    click('unit-tengzhou')
    queueReplies(reply(201, baseCase))
    click('accident-submit')
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/accident/detail/index?id=7' }))
    const call = requestCall(0)
    expect(call.url).toBe('http://api.test/api/accidents')
    expect(call.data).toMatchObject({
      vehicleCount: 2,
      unit: 'tengzhou',
      location: { address: '善国北路与荆河路交叉口' },
      eligibility: { injuries: false, impaired: false, licencesValid: true, insured: true, vehiclesDrivable: true },
    })
  })

  it('shows the stop screen when the server rules the case out', async () => {
    render(<ReportPage />)
    click('accident-safe')
    for (const answer of ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no']) click(`answer-${answer}`)
    await typeInto('accident-address', '高速公路K100')
    click('unit-expressway')
    queueReplies(errorReply(422, 'NOT_ELIGIBLE', '现在不在本辖区在线快处的服务时间内，请拨打122报警。', { reason: 'OUTSIDE_SERVICE_HOURS' }))
    click('accident-submit')
    expect((await screen.findByText('现在不在本辖区在线快处的服务时间内，请拨打122报警。')).id).toBe('accident-stop-reason')
  })
})

describe('join page', () => {
  it('asks for six digits before sending anything', () => {
    render(<JoinPage />)
    click('join-submit')
    expect(byId('join-error').textContent).toContain('6位数字')
    expect(taro.request).not.toHaveBeenCalled()
  })

  it("shows the server's reason for a wrong code", async () => {
    render(<JoinPage />)
    await typeInto('join-code', '654321')
    queueReplies(errorReply(404, 'NOT_FOUND', '邀请码不正确，请核对对方手机上显示的6位数字'))
    click('join-submit')
    expect((await screen.findByText('邀请码不正确，请核对对方手机上显示的6位数字')).id).toBe('join-error')
  })
})

describe('case page', () => {
  it('shows the reporter the invite code and the required photo slots', async () => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: '7' }, path: '' })
    queueReplies(reply(200, baseCase))
    render(<DetailPage />)
    expect((await screen.findByText('123456')).id).toBe('invite-code')
    expect(byId('case-status').textContent).toBe('待对方加入')
    expect(byId('slot-OVERVIEW_FRONT').textContent).toContain('必拍')
    expect(requestCall(0).url).toBe('http://api.test/api/accidents/7')
  })

  it('offers only what the case machine allows the caller now (the view\'s actions), not a status list of its own', async () => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: '7' }, path: '' })
    // The second party of the same waiting case: no cancelling (the reporter's), no liability yet.
    const b = { ...baseCase.parties[0], role: 'B' }
    queueReplies(reply(200, { ...baseCase, myRole: 'B', inviteCode: undefined, parties: [...baseCase.parties, b], actions: ['UPLOAD_PHOTO', 'EDIT_DETAILS'] }))
    render(<DetailPage />)
    await screen.findByText('拍下现场照片')
    // 本车 is the viewer's own car: for the second party the tile 本车损失 stores into OTHER_DAMAGE.
    expect(byId('slot-OTHER_DAMAGE').textContent).toContain('本车损失')
    expect(byId('slot-OWN_DAMAGE').textContent).toContain('对方车损')
    expect(document.getElementById('case-cancel')).toBeNull()
    expect(document.getElementById('slot-OVERVIEW_FRONT')).not.toBeNull()
    expect(screen.queryByText('事故情形和责任')).toBeNull()
  })

  it('shows the QR code of the invitation on the 双方 step while the other party has not joined', async () => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: '7' }, path: '' })
    const image = 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='
    const qrReply = reply(200, { inviteCode: '123456', inviteExpiresAt: baseCase.inviteExpiresAt, joinUrl: 'x', image })
    taro.request.mockImplementation(async (o: { url: string }) =>
      o.url.endsWith('/invite-qr') ? qrReply : o.url.endsWith('/scenarios') ? reply(200, { items: [], total: 0 }) : reply(200, { ...baseCase, missingSlots: [] }),
    )
    render(<DetailPage />)
    await waitFor(() => expect(byId('invite-qr')).toBeTruthy())
    expect(byId('invite-qr').getAttribute('src')).toBe(image)
  })
})

describe('join page opened from the QR code', () => {
  it('fills in the code it carries', async () => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { code: '246810' }, path: '' })
    queueReplies(reply(200, { ...baseCase, id: 9, myRole: 'B' }))
    render(<JoinPage />)
    click('join-submit')
    await waitFor(() => expect(requestCall(0).data).toEqual({ inviteCode: '246810' }))
  })
})

describe('officer case page', () => {
  it('requires a reason to return and a liability to confirm a disputed case, sending nothing until given', async () => {
    saveSession('officer-token', 'officer')
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: '7' }, path: '' })
    const pending = { ...baseCase, status: 'PENDING_REVIEW', statusText: '待民警审核', disputed: true, inviteCode: undefined, actions: REVIEW_ACTIONS }
    queueReplies(reply(200, pending))
    render(<OfficerCasePage />)
    await screen.findByText('审核决定')
    click('decide-return')
    click('decision-submit')
    expect(byId('officer-case-error').textContent).toContain('退回的原因')
    click('decide-confirm')
    click('decision-submit')
    expect(byId('officer-case-error').textContent).toContain('甲方的责任')
    expect(taro.request).toHaveBeenCalledTimes(1)
    click('level-主要')
    queueReplies(reply(200, { ...pending, status: 'CONFIRMED', statusText: '已确认', actions: ['DOWNLOAD_DOCUMENT'] }))
    click('decision-submit')
    await waitFor(() => expect(byId('officer-case-status').textContent).toBe('已确认'))
    expect(requestCall(1).data).toEqual({ decision: 'CONFIRM', liability: { A: '主要', B: '次要' } })
  })
})
