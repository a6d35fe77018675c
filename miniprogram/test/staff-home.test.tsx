// Unit tests of the staff workbench frame: login and role checks, name and unit shown.
import { render, screen, waitFor } from '@testing-library/react'
import { getStorageSync, redirectTo, request, resetTaroMock } from './taro-mock'
import { byId, errorReply, queueReplies, reply } from './helpers'
import { saveSession } from '@/api/http'
import OfficerHomePage from '@/packages/officer/index/index'
import AdminHomePage from '@/packages/admin/index/index'

beforeEach(() => resetTaroMock())

const officer = { id: 's1', role: 'officer', username: 'officer.tengzhou', displayName: '滕州民警', unit: { code: 'tengzhou', name: '滕州' } }

describe('staff workbench', () => {
  it('shows the officer name and unit', async () => {
    saveSession('t', 'officer')
    queueReplies(reply(200, officer))
    render(<OfficerHomePage />)
    expect((await screen.findByText('滕州民警（民警）')).id).toBe('staff-name')
    expect(byId('staff-unit').textContent).toBe('所属单位：滕州大队')
    expect(byId('officer-queue').textContent).toContain('待审核事故')
  })

  it('sends a visitor without a token to the staff login', async () => {
    render(<OfficerHomePage />)
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/staff-login/index' }))
    expect(request).not.toHaveBeenCalled()
  })

  it('refuses a staff member of another role', async () => {
    saveSession('t', 'officer')
    queueReplies(reply(200, officer))
    render(<AdminHomePage />)
    expect((await screen.findByText('此页面仅供管理员使用，请用管理员账号登录。')).id).toBe('staff-denied')
    expect(document.getElementById('admin-exams')).toBeNull()
  })

  it('refuses a driver', async () => {
    saveSession('t', 'driver')
    queueReplies(reply(200, { id: 'd1', role: 'driver', identity: { bound: false } }))
    render(<OfficerHomePage />)
    await screen.findByText('此页面仅供民警使用，请用民警账号登录。')
  })

  it('drops an expired session and asks to log in again', async () => {
    saveSession('expired', 'officer')
    queueReplies(errorReply(401, 'UNAUTHENTICATED', '请先登录'))
    render(<OfficerHomePage />)
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/staff-login/index' }))
    expect(getStorageSync('jg.token')).toBe('')
  })
})
