// 我的 → 账号与隐私: the privacy notice link for everyone, 注销账号 for drivers behind a dialog that
// says what goes and what stays; a deleted account is logged out.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { getStorageSync, navigateTo, request, resetTaroMock } from '../taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall } from '../helpers'
import { saveSession } from '@/api/http'
import MePage from '@/pages/me/index'
import PrivacyPage from '@/pages/privacy/index'
import LoginPage from '@/pages/login/index'

const driver = { id: 7, role: 'driver', nickname: '小王', identity: { bound: true, name: '王强', idNumber: '370403********303X', boundAt: null } }
const admin = { id: 1, role: 'admin', username: 'admin', displayName: '管理员', unit: null }

beforeEach(() => {
  resetTaroMock()
})

async function driverPage() {
  saveSession('driver-token', 'driver')
  // 我的 reads the caller, then a bound driver's vehicles and message subscriptions (both empty lists).
  queueReplies(reply(200, driver), reply(200, { items: [], total: 0 }), reply(200, { items: [], total: 0 }))
  render(<MePage />)
  await screen.findByText('注销账号')
  await waitFor(() => expect(request).toHaveBeenCalledTimes(PAGE_LOADS))
}
const PAGE_LOADS = 3

describe('account deletion on 我的', () => {
  it('asks first, saying what goes and what stays, and sends nothing until confirmed', async () => {
    await driverPage()
    fireEvent.click(byId('me-delete-account'))
    const dialog = byId('delete-account-dialog')
    expect(dialog.textContent).toContain('确定注销账号吗？')
    expect(dialog.textContent).toContain('身份绑定（姓名、身份证号）')
    expect(dialog.textContent).toContain('车辆绑定')
    expect(dialog.textContent).toContain('按规定保留')
    expect(dialog.textContent).toContain('事故处理记录')
    expect(dialog.textContent).toContain('已注销用户')
    fireEvent.click(byId('delete-account-cancel'))
    expect(document.getElementById('delete-account-dialog')).toBeNull()
    expect(request).toHaveBeenCalledTimes(PAGE_LOADS)
  })

  it('deletes on confirm with DELETE /api/me, forgets the token and shows the login offer', async () => {
    await driverPage()
    fireEvent.click(byId('me-delete-account'))
    queueReplies(reply(200, { deleted: true }))
    fireEvent.click(byId('delete-account-confirm'))
    await screen.findByText('您还没有登录')
    expect(requestCall(PAGE_LOADS)).toMatchObject({ url: 'http://api.test/api/me', method: 'DELETE' })
    expect(requestCall(PAGE_LOADS).header.Authorization).toBe('Bearer driver-token')
    expect(getStorageSync('jg.token')).toBe('')
    expect(document.getElementById('delete-account-dialog')).toBeNull()
    expect(document.getElementById('me-delete-account')).toBeNull()
  })

  it('keeps the dialog open with the reason when the deletion fails', async () => {
    await driverPage()
    fireEvent.click(byId('me-delete-account'))
    queueReplies(errorReply(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后再试'))
    fireEvent.click(byId('delete-account-confirm'))
    await waitFor(() => expect(byId('delete-account-error').textContent).toBe('服务暂时不可用，请稍后再试'))
    expect(getStorageSync('jg.token')).toBe('driver-token')
  })

  it('offers staff the notice but no deletion (their accounts are the admins’)', async () => {
    saveSession('admin-token', 'admin')
    queueReplies(reply(200, admin))
    render(<MePage />)
    await screen.findByText('个人信息保护说明')
    expect(document.getElementById('me-delete-account')).toBeNull()
  })
})

describe('the privacy notice', () => {
  it('is linked from 我的, also for a guest', async () => {
    render(<MePage />)
    fireEvent.click(await screen.findByText('个人信息保护说明'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/privacy/index' })
  })

  it('is linked from the login page', () => {
    render(<LoginPage />)
    fireEvent.click(byId('login-privacy'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/privacy/index' })
  })

  it('says what is collected, why, how long it is kept, who sees it and how to delete it', () => {
    render(<PrivacyPage />)
    for (const title of ['我们收集哪些信息', '为什么收集', '保存多久', '谁能看到', '怎么删除']) expect(screen.getByText(new RegExp(title))).toBeTruthy()
    expect(byId('privacy-delete').textContent).toContain('注销账号')
    expect(byId('privacy-who').textContent).toContain('都会记录')
  })
})
