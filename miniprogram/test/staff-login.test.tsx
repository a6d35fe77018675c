// Unit tests of the staff login page: role-based landing page and the server's error messages.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { getStorageSync, reLaunch, request, resetTaroMock } from './taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall, typeInto } from './helpers'
import StaffLoginPage from '@/pages/staff-login/index'

beforeEach(() => resetTaroMock())

async function submit(username: string, password: string) {
  render(<StaffLoginPage />)
  await typeInto('staff-username', username)
  await typeInto('staff-password', password)
  fireEvent.click(byId('staff-login'))
}

const officer = { id: 's1', role: 'officer', username: 'officer.tengzhou', displayName: '滕州民警', unit: { code: 'tengzhou', name: '滕州' } }

describe('staff login page', () => {
  it('logs in and lands on the workbench of the role', async () => {
    queueReplies(reply(200, { token: 'staff-token', user: officer }))
    await submit('officer.tengzhou', 'demo-pass-2026')
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/packages/officer/index/index' }))
    expect(requestCall(0)).toMatchObject({
      url: 'http://api.test/api/auth/staff',
      data: { username: 'officer.tengzhou', password: 'demo-pass-2026' },
    })
    expect(getStorageSync('jg.token')).toBe('staff-token')
    expect(getStorageSync('jg.role')).toBe('officer')
  })

  it.each([
    ['agent', '/packages/agent/index/index'],
    ['admin', '/packages/admin/index/index'],
  ])('sends an %s to %s', async (role, url) => {
    queueReplies(reply(200, { token: 't', user: { ...officer, role, unit: null } }))
    await submit('someone', 'pw')
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url }))
  })

  it('shows the server message for a wrong password and stays on the page', async () => {
    queueReplies(errorReply(401, 'UNAUTHENTICATED', '账号或密码错误'))
    await submit('officer.tengzhou', 'wrong')
    expect((await screen.findByText('账号或密码错误')).id).toBe('staff-error')
    expect(reLaunch).not.toHaveBeenCalled()
    expect(getStorageSync('jg.token')).toBe('')
  })

  it('shows the server message when attempts are throttled', async () => {
    queueReplies(errorReply(429, 'RATE_LIMITED', '登录失败次数过多，请15分钟后再试'))
    await submit('officer.tengzhou', 'wrong')
    expect((await screen.findByText('登录失败次数过多，请15分钟后再试')).id).toBe('staff-error')
  })

  it('asks for both fields before sending anything', async () => {
    render(<StaffLoginPage />)
    await typeInto('staff-username', 'admin')
    fireEvent.click(byId('staff-login'))
    expect(byId('staff-error').textContent).toBe('请输入账号和密码')
    expect(request).not.toHaveBeenCalled()
  })
})
