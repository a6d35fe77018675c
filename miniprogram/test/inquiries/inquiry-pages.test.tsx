// Unit tests of the inquiry page and the admin import page: identity first, licence meter and advice,
// vehicle binding with the server's refusal shown, violation totals.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { request, resetTaroMock } from '../taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall, typeInto } from '../helpers'
import { saveSession } from '@/api/http'
import InquiryPage from '@/pages/inquiry/index'

const boundMe = { id: 1, role: 'driver', identity: { bound: true, name: '张伟', idNumber: '370402********1011' } }
const licence = {
  idNumber: '370402********1011',
  name: '张伟',
  licenceClass: 'C1',
  licenceClassText: '小型汽车',
  firstIssuedAt: '2010-05-19T16:00:00.000Z',
  validUntil: '2030-05-19T16:00:00.000Z',
  validDaysLeft: 1270,
  status: 'A',
  statusText: '正常',
  points: 9,
  fullPoints: 12,
  pointsCycle: { startsAt: '2026-05-19T16:00:00.000Z', endsAt: '2027-05-19T16:00:00.000Z' },
  nextMedicalCheckAt: null,
  advice: ['本周期已记9分，再记3分将满分，请谨慎驾驶'],
}

beforeEach(() => {
  resetTaroMock()
  saveSession('driver-token', 'driver')
})

describe('inquiry page', () => {
  it('asks for identity binding first when the driver has none', async () => {
    queueReplies(reply(200, { id: 1, role: 'driver', identity: { bound: false } }))
    render(<InquiryPage />)
    await screen.findByText(/请先绑定身份/)
    expect(byId('identity-form')).toBeTruthy()
  })

  it('shows points out of 12, the cycle in Shanghai dates and the advice', async () => {
    queueReplies(reply(200, boundMe), reply(200, licence))
    render(<InquiryPage />)
    await waitFor(() => expect(byId('licence-points').textContent).toContain('9 / 12'))
    expect(byId('licence-card').textContent).toContain('2026年5月20日')
    expect(byId('licence-card').textContent).toContain('再记3分将满分')
  })

  /** Opens the vehicles tab of a bound driver with no vehicle yet: the binding form. */
  async function openBinding() {
    queueReplies(reply(200, boundMe), reply(200, licence))
    render(<InquiryPage />)
    await screen.findByText(/9 \/ 12/)
    queueReplies(reply(200, { items: [], total: 0 }))
    fireEvent.click(byId('tab-vehicles'))
    await screen.findByText(/还没有绑定车辆/)
  }

  it('binds a vehicle by plate and VIN ending and shows why the server refused', async () => {
    await openBinding()
    await typeInto('bind-plate', '鲁D12345')
    await typeInto('bind-vin', '9999')
    queueReplies(errorReply(404, 'NOT_FOUND', '号牌号码或车架号后几位不正确，或该车不在您名下'))
    fireEvent.click(byId('bind-submit'))
    await waitFor(() => expect(byId('bind-error').textContent).toContain('不在您名下'))
    const call = requestCall(3)
    expect(call.url).toBe('http://api.test/api/me/vehicles')
    expect(call.data).toEqual({ plate: '鲁D12345', vinSuffix: '9999' })
  })

  it('explains a malformed plate before asking the server', async () => {
    await openBinding()
    await typeInto('bind-plate', '鲁d12o45')
    await typeInto('bind-vin', '9999')
    fireEvent.click(byId('bind-submit'))
    expect(byId('bind-error').textContent).toContain('字母 I 和 O')
    expect(request).toHaveBeenCalledTimes(3)
  })

  it('lists violations with late fees and the outstanding totals in yuan', async () => {
    queueReplies(reply(200, boundMe), reply(200, licence))
    render(<InquiryPage />)
    await screen.findByText(/9 \/ 12/)
    queueReplies(
      reply(200, {
        items: [
          { id: 4, plate: '鲁D12345', occurredAt: '2026-10-12T01:35:00.000Z', place: '光明路', code: '1625', description: '闯红灯', fineFen: 20000, points: 6, status: 'PROCESSED', statusText: '已处理未缴款', paymentDueAt: null, lateFeeFen: 6000, amountDueFen: 26000 },
        ],
        total: 1,
        totals: { outstandingCount: 1, fineFen: 20000, lateFeeFen: 6000, amountDueFen: 26000, points: 6 },
      }),
    )
    fireEvent.click(byId('tab-violations'))
    await waitFor(() => expect(byId('violation-totals').textContent).toContain('¥260.00'))
    expect(byId('violation-4').textContent).toContain('滞纳金 ¥60.00')
    expect(byId('violation-4').textContent).toContain('10月12日 09:35')
  })
})
