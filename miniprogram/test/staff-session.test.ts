// A staff session the server refuses sends any open page to the login (401), or to 修改密码 when
// the password must be changed first; drivers' pages keep their own handling. PATCH goes as POST
// with X-HTTP-Method-Override in WeChat (wx.request has no PATCH).
import { reLaunch, resetTaroMock } from './taro-mock'
import { errorReply, queueReplies, reply, requestCall } from './helpers'
import { getToken, request, saveSession } from '@/api/http'
import { updateStaffAccount } from '@/api/staff'

beforeEach(() => resetTaroMock())

describe('a refused staff session', () => {
  it('401: the session is dropped and the staff login opens', async () => {
    saveSession('tok-staff', 'officer')
    queueReplies(errorReply(401, 'UNAUTHENTICATED', '登录已失效，请重新登录'))
    await expect(request('/api/officer/accidents')).rejects.toMatchObject({ status: 401 })
    expect(getToken()).toBe('')
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/staff-login/index' })
  })

  it('403 PASSWORD_CHANGE_REQUIRED: the change-password page opens, the session is kept', async () => {
    saveSession('tok-staff', 'admin')
    queueReplies(errorReply(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改密码再继续使用'))
    await expect(request('/api/admin/staff')).rejects.toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' })
    expect(getToken()).toBe('tok-staff')
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/staff-password/index' })
  })

  it("a driver's 401 is left to the page", async () => {
    saveSession('tok-driver', 'driver')
    queueReplies(errorReply(401, 'UNAUTHENTICATED', '登录已失效，请重新登录'))
    await expect(request('/api/me')).rejects.toMatchObject({ status: 401 })
    expect(reLaunch).not.toHaveBeenCalled()
  })
})

it('PATCH is sent as PATCH in the browser build', async () => {
  saveSession('tok-staff', 'admin')
  queueReplies(reply(200, {}))
  await updateStaffAccount(7, { active: false })
  expect(requestCall(0)).toMatchObject({ url: 'http://api.test/api/admin/staff/7', method: process.env.TARO_ENV === 'weapp' ? 'POST' : 'PATCH' })
})
