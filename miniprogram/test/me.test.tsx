// Unit tests of the "me" page: identity binding form, staff profile and logout.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { getStorageSync, navigateTo, request, resetTaroMock } from './taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall, typeInto } from './helpers'
import { saveSession } from '@/api/http'
import MePage from '@/pages/me/index'
import { mySubscriptions, reportSubscriptions, type MySubscriptionsResponse } from '@/api/notifications'

// 消息订阅 loads on its own; its calls are mocked here so the page's request order stays as it was.
jest.mock('@/api/notifications', () => ({ ...jest.requireActual('@/api/notifications'), mySubscriptions: jest.fn(), reportSubscriptions: jest.fn() }))
const SUBS: MySubscriptionsResponse = {
  items: [
    { templateKey: 'accident_progress', remaining: 2, accepted: 2, rejected: 0, updatedAt: '2026-12-01T02:00:00.000Z' },
    { templateKey: 'exam_booking', remaining: 0, accepted: 0, rejected: 1, updatedAt: '2026-12-01T02:00:00.000Z' },
    { templateKey: 'consultation_reply', remaining: 0, accepted: 0, rejected: 0, updatedAt: null },
  ],
  officialAccount: { configured: true, following: true },
  sms: { configured: true, phone: '138****5678' },
}

const unbound = { id: 'd1', role: 'driver', nickname: 'e2e-driver', identity: { bound: false } }
const bound = { ...unbound, identity: { bound: true, name: '张三', idNumber: '370402********1234' } }

beforeEach(() => {
  resetTaroMock()
  saveSession('driver-token', 'driver')
  jest.mocked(mySubscriptions).mockReset().mockResolvedValue(SUBS)
  jest.mocked(reportSubscriptions).mockReset().mockResolvedValue({ items: [] })
})

async function renderUnbound() {
  queueReplies(reply(200, unbound))
  render(<MePage />)
  await screen.findByText(/未绑定身份/)
  await typeInto('identity-name', '张三')
  await typeInto('identity-number', '37040219900101123x')
  await typeInto('identity-phone', '13800138000')
}

describe('me page for a driver', () => {
  it('shows the nickname and that no identity is bound', async () => {
    await renderUnbound()
    expect(byId('me-name').textContent).toBe('e2e-driver')
    expect(byId('identity-status').textContent).toContain('未绑定身份')
    expect(requestCall(0).header.Authorization).toBe('Bearer driver-token')
  })

  it('binds the identity and shows the masked ID number', async () => {
    await renderUnbound()
    queueReplies(reply(200, bound))
    fireEvent.click(byId('identity-submit'))
    await waitFor(() => expect(byId('identity-status').textContent).toBe('已绑定：张三，身份证号 370402********1234'))
    expect(requestCall(1)).toMatchObject({
      url: 'http://api.test/api/me/identity',
      method: 'POST',
      data: { idNumber: '37040219900101123X', name: '张三', phoneCode: expect.stringMatching(/^fake-phone:13800138000:/) },
    })
    expect(document.getElementById('identity-form')).toBeNull()
  })

  it('binds with the licence file number instead, checked for 12 digits before sending', async () => {
    await renderUnbound()
    fireEvent.click(byId('identity-proof-fileNumber'))
    await typeInto('identity-file-number', '37040012345')
    fireEvent.click(byId('identity-submit'))
    expect(byId('identity-error').textContent).toContain('12位数字')
    expect(request).toHaveBeenCalledTimes(1)
    await typeInto('identity-file-number', '370400123456')
    queueReplies(reply(200, bound))
    fireEvent.click(byId('identity-submit'))
    await waitFor(() => expect(byId('identity-status').textContent).toContain('已绑定'))
    expect(requestCall(1).data).toEqual({ idNumber: '37040219900101123X', name: '张三', fileNumber: '370400123456' })
  })

  it('asks for an 11-digit phone in the browser before sending anything', async () => {
    await renderUnbound()
    await typeInto('identity-phone', '1380013')
    fireEvent.click(byId('identity-submit'))
    expect(byId('identity-error').textContent).toBe('请填写11位手机号码')
    expect(request).toHaveBeenCalledTimes(1)
  })

  it.each([
    [400, 'VALIDATION_FAILED', '身份证号格式不正确'],
    [422, 'IDENTITY_NOT_VERIFIED', '身份信息核对不上：请检查姓名、身份证号，以及手机号或档案编号是否与登记的一致'],
    [429, 'RATE_LIMITED', '身份核对失败次数过多，请24小时后再试'],
    [409, 'IDENTITY_TAKEN', '该身份证号已被其他微信账号绑定'],
  ])('shows the server message for a %i', async (status, code, message) => {
    await renderUnbound()
    queueReplies(errorReply(status, code, message))
    fireEvent.click(byId('identity-submit'))
    expect((await screen.findByText(message)).id).toBe('identity-error')
    expect(byId('identity-status').textContent).toContain('未绑定身份')
  })

  it('shows the field reason of a rejected ID number', async () => {
    await renderUnbound()
    queueReplies(errorReply(400, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', [{ path: 'idNumber', message: '身份证号码有误，请核对最后一位' }]))
    fireEvent.click(byId('identity-submit'))
    expect((await screen.findByText('身份证号码有误，请核对最后一位')).id).toBe('identity-error')
  })

  it('asks for both fields before sending anything', async () => {
    queueReplies(reply(200, unbound))
    render(<MePage />)
    await screen.findByText(/未绑定身份/)
    await typeInto('identity-name', '张三')
    fireEvent.click(byId('identity-submit'))
    expect(byId('identity-error').textContent).toBe('请填写姓名和身份证号')
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('releases a bound identity after a confirmation, and offers the form again', async () => {
    queueReplies(reply(200, bound), reply(200, { items: [{ id: 3, plate: '鲁D12345' }], total: 1 }))
    render(<MePage />)
    fireEvent.click(await screen.findByText('解除绑定'))
    expect(byId('identity-unbind-dialog').textContent).toContain('已绑定的车辆会一并解除')
    queueReplies(reply(200, unbound))
    fireEvent.click(byId('identity-unbind-confirm'))
    await waitFor(() => expect(byId('identity-status').textContent).toContain('未绑定身份'))
    expect(requestCall(2)).toMatchObject({ url: 'http://api.test/api/me/identity', method: 'DELETE' })
    expect(byId('identity-form')).toBeTruthy()
  })

  it('logs out: tells the server, forgets the token, shows the login offer', async () => {
    queueReplies(reply(200, bound), reply(200, { items: [{ id: 3, plate: '鲁D12345' }], total: 1 }), reply(200, { ok: true }))
    render(<MePage />)
    await screen.findByText('鲁D12345')
    fireEvent.click(await screen.findByText('退出登录'))
    await screen.findByText('您还没有登录')
    expect(requestCall(2)).toMatchObject({ url: 'http://api.test/api/auth/logout', method: 'POST' })
    expect(getStorageSync('jg.token')).toBe('')
  })

  it('shows the bound plates with a way to the inquiry page, the subscriptions the server holds, and 关于', async () => {
    queueReplies(reply(200, bound), reply(200, { items: [{ id: 3, plate: '鲁D12345' }], total: 1 }))
    render(<MePage />)
    expect((await screen.findByText('鲁D12345')).id).toBe('me-vehicle-3')
    expect(requestCall(1).url).toBe('http://api.test/api/me/vehicles')
    fireEvent.click(byId('me-vehicles-open'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/inquiry/index' })
    await waitFor(() => expect(byId('me-sub-accident_progress').textContent).toContain('可接收 2 条'))
    expect(byId('me-sub-exam_booking').textContent).toContain('未允许')
    expect(byId('me-sub-consultation_reply').textContent).toContain('未授权')
    expect(byId('me-sub-follow').textContent).toContain('已关注')
    expect(byId('me-sub-sms').textContent).toContain('138****5678')
    expect(byId('me-privacy')).toBeTruthy()
    expect(byId('me-version').textContent).toMatch(/版本 \d+\.\d+\.\d+/)
    expect(byId('me-hotline').textContent).toContain('12122')
  })

  it('allows the notices again: in the browser the fake path records an accept for each, then reads them again', async () => {
    queueReplies(reply(200, bound), reply(200, { items: [], total: 0 }))
    render(<MePage />)
    await waitFor(() => expect(byId('me-sub-accident_progress')).toBeTruthy())
    expect(byId('me-sub-browser').textContent).toContain('模拟')
    jest.mocked(mySubscriptions).mockResolvedValue({ ...SUBS, items: SUBS.items.map((i) => ({ ...i, remaining: i.remaining + 1, accepted: i.accepted + 1 })) })
    fireEvent.click(byId('me-subscribe-again'))
    await waitFor(() => expect(byId('me-sub-exam_booking').textContent).toContain('可接收 1 条'))
    expect(reportSubscriptions).toHaveBeenCalledWith({ accident_progress: 'accept', exam_booking: 'accept', consultation_reply: 'accept' })
    expect(mySubscriptions).toHaveBeenCalledTimes(2)
  })

  it('says when no phone is known for SMS', async () => {
    jest.mocked(mySubscriptions).mockResolvedValue({ ...SUBS, officialAccount: { configured: true, following: false }, sms: { configured: true, phone: null } })
    queueReplies(reply(200, bound), reply(200, { items: [], total: 0 }))
    render(<MePage />)
    await waitFor(() => expect(byId('me-sub-sms').textContent).toContain('没有登记手机号'))
    expect(byId('me-sub-follow').textContent).toContain('未关注')
  })

  it('switches 关怀模式 on and off, kept on this phone, and the page root carries jg-care', async () => {
    queueReplies(reply(200, unbound))
    const { container } = render(<MePage />)
    await screen.findByText(/未绑定身份/)
    const root = () => container.querySelector('.jg-page')!
    expect(byId('me-care-state').textContent).toBe('未开启')
    expect(root().className).not.toContain('jg-care')
    fireEvent.click(byId('me-care-toggle'))
    await waitFor(() => expect(byId('me-care-state').textContent).toBe('已开启'))
    expect(getStorageSync('jg.care')).toBe(true)
    expect(root().className).toContain('jg-care')
    fireEvent.click(byId('me-care-toggle'))
    await waitFor(() => expect(root().className).not.toContain('jg-care'))
    expect(getStorageSync('jg.care')).toBe(false)
  })

  it('drops a token the server no longer accepts', async () => {
    queueReplies(errorReply(401, 'UNAUTHENTICATED', '请先登录'))
    render(<MePage />)
    await screen.findByText('您还没有登录')
    expect(getStorageSync('jg.token')).toBe('')
  })
})

describe('me page for staff', () => {
  it('shows username, role in Chinese and unit', async () => {
    saveSession('staff-token', 'officer')
    queueReplies(
      reply(200, { id: 's1', role: 'officer', username: 'officer.tengzhou', displayName: '王警官', unit: { code: 'tengzhou', name: '滕州' } }),
    )
    render(<MePage />)
    expect((await screen.findByText('王警官')).id).toBe('me-name')
    expect(byId('me-username').textContent).toBe('账号：officer.tengzhou')
    expect(byId('me-role').textContent).toBe('岗位：民警')
    expect(byId('me-unit').textContent).toBe('单位：滕州大队')
    expect(document.getElementById('identity-form')).toBeNull()
  })
})
