// The public document check page: opened from the QR code it checks at once without a token;
// a genuine document shows 真实有效 and the masked facts, an unknown code 未找到, a malformed one
// is refused on the page without asking the server.
import { fireEvent, render, screen } from '@testing-library/react'
import { request, resetTaroMock, routerParams } from '../taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall, typeInto } from '../helpers'
import { saveSession } from '@/api/http'
import VerifyPage from '@/pages/verify/index'

const GENUINE = {
  genuine: true,
  status: 'VALID',
  statusText: '真实有效',
  kind: 'AGREEMENT',
  title: '道路交通事故自行协商协议书',
  code: 'ABCD-EFGH-JK',
  documentNumber: 'XY20261202900002',
  caseNumber: 'SG20261202900002',
  issuedAt: '2026-12-02T06:00:00.000Z',
  endedAt: null,
  occurredAt: '2026-12-02T05:00:00.000Z',
  unit: '滕州大队',
  parties: [
    { role: 'A', name: '张*', plate: '鲁D·***45', liability: '全部' },
    { role: 'B', name: '李*', plate: '鲁D·****45', liability: '无' },
  ],
}

beforeEach(() => resetTaroMock())

describe('pages/verify', () => {
  it('checks the code of the QR link at once, sends no token even when logged in, and shows the masked facts', async () => {
    saveSession('staff-token', 'officer')
    routerParams.code = 'ABCDEFGHJK'
    queueReplies(reply(200, GENUINE))
    render(<VerifyPage />)
    expect((await screen.findByText(/真实有效/)).id).toBe('verify-verdict')
    const call = requestCall(0)
    expect(call.url).toBe('http://api.test/api/public/documents/ABCDEFGHJK')
    expect(call.header.Authorization).toBeUndefined()
    const result = byId('verify-result').textContent ?? ''
    for (const fact of ['道路交通事故自行协商协议书', 'XY20261202900002', '滕州大队', '张*', '鲁D·***45', '全部责任', '李*', '无责任', '2026年12月2日']) {
      expect(result).toContain(fact)
    }
  })

  it('says 未找到 for a code the server does not know, and 已被新文书取代 for a superseded one', async () => {
    render(<VerifyPage />)
    await typeInto('verify-code', 'abcd-efgh-jk')
    queueReplies(errorReply(404, 'NOT_FOUND', '未找到该文书，请核对校验码'))
    fireEvent.click(byId('verify-submit'))
    expect((await screen.findByText('未找到')).id).toBe('verify-verdict')
    expect(requestCall(0).url).toBe('http://api.test/api/public/documents/ABCDEFGHJK')
    queueReplies(reply(200, { ...GENUINE, status: 'SUPERSEDED', statusText: '已被新文书取代', endedAt: '2026-12-02T07:00:00.000Z' }))
    fireEvent.click(byId('verify-submit'))
    await screen.findByText('已被新文书取代')
    expect(byId('verify-result').textContent).toContain('取代时间')
  })

  it('refuses a malformed code on the page and shows the server\'s message when checks are throttled', async () => {
    render(<VerifyPage />)
    await typeInto('verify-code', 'ABC0')
    fireEvent.click(byId('verify-submit'))
    expect(byId('verify-error').textContent).toContain('10位字母和数字')
    expect(request).not.toHaveBeenCalled()
    await typeInto('verify-code', 'ABCDEFGHJK')
    queueReplies(errorReply(429, 'RATE_LIMITED', '查询过于频繁，请1分钟后再试'))
    fireEvent.click(byId('verify-submit'))
    expect((await screen.findByText('查询过于频繁，请1分钟后再试')).id).toBe('verify-error')
  })
})
