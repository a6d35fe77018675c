// Unit tests of the API client: URL, token header, error body parsing, network failure.
import { request as taroRequest, resetTaroMock, setStorageSync } from './taro-mock'
import { errorReply, queueReplies, reply, requestCall } from './helpers'
import { ApiError, clearSession, errorMessage, getToken, request, saveSession, toApiError } from '@/api/http'
import { loginStaff, loginWechat, logout } from '@/api/auth'
import { bindIdentity, getMe } from '@/api/me'

beforeEach(() => resetTaroMock())

describe('request', () => {
  it('calls API_BASE + path and resolves with the body of a 2xx reply', async () => {
    queueReplies(reply(200, { id: 'u1', role: 'driver', identity: { bound: false } }))
    const me = await getMe()
    expect(me).toEqual({ id: 'u1', role: 'driver', identity: { bound: false } })
    expect(requestCall(0).url).toBe('http://api.test/api/me')
    expect(requestCall(0).method).toBe('GET')
  })

  it('sends the stored token as a Bearer header', async () => {
    saveSession('tok-123', 'driver')
    queueReplies(reply(200, { ok: true }))
    await logout()
    expect(requestCall(0).header.Authorization).toBe('Bearer tok-123')
    expect(requestCall(0).method).toBe('POST')
  })

  it('sends no Authorization header without a token', async () => {
    queueReplies(reply(200, {}))
    await getMe().catch(() => undefined)
    expect(requestCall(0).header).not.toHaveProperty('Authorization')
  })

  it('never sends a stored token with a login request', async () => {
    saveSession('old-token', 'driver')
    queueReplies(reply(200, { token: 't', user: { id: '1', role: 'driver' } }))
    await loginWechat('fake:a:1')
    expect(requestCall(0).header).not.toHaveProperty('Authorization')
    expect(requestCall(0).data).toEqual({ code: 'fake:a:1' })
  })

  it('posts the staff credentials and the identity as JSON bodies', async () => {
    queueReplies(reply(200, { token: 't', user: { id: '1', role: 'admin', username: 'admin', displayName: '管理员', unit: null } }))
    await loginStaff({ username: 'admin', password: 'pw' })
    expect(requestCall(0)).toMatchObject({ url: 'http://api.test/api/auth/staff', method: 'POST', data: { username: 'admin', password: 'pw' } })

    saveSession('tok', 'driver')
    queueReplies(reply(200, { id: '1', role: 'driver', identity: { bound: true } }))
    await bindIdentity({ idNumber: '11010519491231002X', name: '张三' })
    expect(requestCall(1)).toMatchObject({
      url: 'http://api.test/api/me/identity',
      method: 'POST',
      data: { idNumber: '11010519491231002X', name: '张三' },
      header: { Authorization: 'Bearer tok' },
    })
  })

  it('turns an error body into an ApiError with the Chinese message', async () => {
    queueReplies(errorReply(422, 'NAME_MISMATCH', '姓名与身份证号不符', { field: 'name' }))
    const err = await bindIdentity({ idNumber: '1', name: 'x' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 422, code: 'NAME_MISMATCH', message: '姓名与身份证号不符', details: { field: 'name' } })
  })

  it('shows the field reasons of a validation error', async () => {
    queueReplies(
      errorReply(400, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', [
        { path: 'idNumber', message: '身份证号码有误，请核对最后一位', in: 'body' },
      ]),
    )
    const err = await bindIdentity({ idNumber: '370402198501015650', name: '张三' }).catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试' })
    expect(errorMessage(err)).toBe('身份证号码有误，请核对最后一位')
    expect(errorMessage(new ApiError(400, 'VALIDATION_FAILED', '提交的内容有误'))).toBe('提交的内容有误')
    expect(errorMessage(new ApiError(409, 'IDENTITY_TAKEN', '已被绑定', [{ message: 'x' }]))).toBe('已被绑定')
    expect(errorMessage(new Error('boom'))).toBe('出了点问题，请稍后再试')
  })

  it('parses an error body that arrives as a JSON string', () => {
    const err = toApiError(409, JSON.stringify({ error: { code: 'IDENTITY_TAKEN', message: '该身份证号已被其他微信账号绑定' } }))
    expect(err).toMatchObject({ status: 409, code: 'IDENTITY_TAKEN', message: '该身份证号已被其他微信账号绑定' })
  })

  it('falls back to a Chinese message when the body is not an error body', async () => {
    queueReplies(reply(502, '<html>Bad Gateway</html>'))
    const err = await request('/api/me').catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 502, code: 'SERVER_ERROR', message: '服务暂时不可用，请稍后再试' })
    expect(toApiError(429, null)).toMatchObject({ code: 'UNKNOWN', message: '操作太频繁，请稍后再试' })
  })

  it('reports a network failure as NETWORK_ERROR', async () => {
    taroRequest.mockRejectedValueOnce(new Error('request:fail'))
    const err = await request('/api/me').catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' })
  })
})

describe('session storage', () => {
  it('stores and clears the token', () => {
    expect(getToken()).toBe('')
    saveSession('abc', 'officer')
    expect(getToken()).toBe('abc')
    clearSession()
    expect(getToken()).toBe('')
  })

  it('ignores a stored value that is not a string', () => {
    setStorageSync('jg.token', { data: 1 })
    expect(getToken()).toBe('')
  })
})
