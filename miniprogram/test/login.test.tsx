// Unit tests of the driver login page: simulated WeChat login in the browser, wx.login in WeChat.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { currentPages, getStorageSync, login, navigateTo, reLaunch, request, resetTaroMock, routerParams } from './taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall, typeInto } from './helpers'
import LoginPage from '@/pages/login/index'
import { loginTarget, openLogin } from '@/utils/nav'

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
})

afterAll(() => {
  process.env.TARO_ENV = 'h5'
})

describe('login page in the browser (h5)', () => {
  it('explains the simulated login and offers no WeChat button', async () => {
    render(<LoginPage />)
    expect(byId('fake-login-note').textContent).toContain('模拟微信登录')
    expect(document.getElementById('wechat-login')).toBeNull()
  })

  it('sends a fake:<name>:<random> code, stores the token and goes home', async () => {
    queueReplies(reply(200, { token: 'driver-token', user: { id: 'd1', role: 'driver' } }))
    render(<LoginPage />)
    await typeInto('fake-name', ' 张三 ')
    fireEvent.click(byId('fake-login'))

    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    const call = requestCall(0)
    expect(call.url).toBe('http://api.test/api/auth/wechat')
    expect(call.method).toBe('POST')
    expect((call.data as { code: string }).code).toMatch(/^fake:张三:[a-z0-9]{6,}$/)
    expect(getStorageSync('jg.token')).toBe('driver-token')
  })

  it('uses a new code for every attempt', async () => {
    queueReplies(errorReply(401, 'UNAUTHENTICATED', '登录凭证无效，请重新登录'), reply(200, { token: 't', user: { id: 'd1', role: 'driver' } }))
    render(<LoginPage />)
    await typeInto('fake-name', 'lisi')
    fireEvent.click(byId('fake-login'))
    await screen.findByText('登录凭证无效，请重新登录')
    fireEvent.click(byId('fake-login'))
    await waitFor(() => expect(reLaunch).toHaveBeenCalled())
    const first = (requestCall(0).data as { code: string }).code
    const second = (requestCall(1).data as { code: string }).code
    expect(first).not.toBe(second)
  })

  it('asks for a name before sending anything', async () => {
    render(<LoginPage />)
    fireEvent.click(byId('fake-login'))
    expect(byId('login-error').textContent).toBe('请输入一个名字')
    expect(request).not.toHaveBeenCalled()
  })

  it('shows the server message and stores nothing when the login is refused', async () => {
    queueReplies(errorReply(401, 'UNAUTHENTICATED', '登录凭证已使用，请重新登录'))
    render(<LoginPage />)
    await typeInto('fake-name', 'wangwu')
    fireEvent.click(byId('fake-login'))
    expect((await screen.findByText('登录凭证已使用，请重新登录')).id).toBe('login-error')
    expect(getStorageSync('jg.token')).toBe('')
    expect(reLaunch).not.toHaveBeenCalled()
  })
})

describe('login page in WeChat (weapp)', () => {
  it('calls Taro.login and posts its code', async () => {
    process.env.TARO_ENV = 'weapp'
    login.mockResolvedValueOnce({ code: 'wx-code-1', errMsg: 'login:ok' })
    queueReplies(reply(200, { token: 'wx-token', user: { id: 'd2', role: 'driver' } }))
    render(<LoginPage />)
    expect(document.getElementById('fake-name')).toBeNull()
    fireEvent.click(byId('wechat-login'))

    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(login).toHaveBeenCalledTimes(1)
    expect(requestCall(0).data).toEqual({ code: 'wx-code-1' })
    expect(getStorageSync('jg.token')).toBe('wx-token')
  })

  it('says so when wx.login fails', async () => {
    process.env.TARO_ENV = 'weapp'
    login.mockRejectedValueOnce(new Error('login:fail'))
    render(<LoginPage />)
    fireEvent.click(byId('wechat-login'))
    expect((await screen.findByText('微信登录失败，请稍后再试')).id).toBe('login-error')
    expect(request).not.toHaveBeenCalled()
  })
})

describe('back to where the user was', () => {
  it('sends the open page (with its query) to the login, which returns there', async () => {
    currentPages.push({ route: 'pages/index/index' }, { route: 'pages/exam/sessions/index', options: { subject: '2', licenceClass: 'C1' } })
    openLogin()
    const url = (navigateTo.mock.calls[0] as unknown as [{ url: string }])[0].url
    expect(url).toBe(`/pages/login/index?redirect=${encodeURIComponent('/pages/exam/sessions/index?subject=2&licenceClass=C1')}`)
    routerParams.redirect = url.split('redirect=')[1]
    queueReplies(reply(200, { token: 'driver-token', user: { id: 'd1', role: 'driver' } }))
    render(<LoginPage />)
    await typeInto('fake-name', '张三')
    fireEvent.click(byId('fake-login'))
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/exam/sessions/index?subject=2&licenceClass=C1' }))
  })

  it('from 首页 opens the login without a redirect', () => {
    currentPages.push({ route: 'pages/index/index' })
    openLogin()
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('returns only to the app’s own pages, never to an address outside or to a login', () => {
    expect(loginTarget(undefined)).toBe('/pages/index/index')
    expect(loginTarget(encodeURIComponent('/pages/accident/detail/index?id=5'))).toBe('/pages/accident/detail/index?id=5')
    expect(loginTarget('/packages/officer/case/index?id=1')).toBe('/packages/officer/case/index?id=1')
    expect(loginTarget('https://evil.example/pages/x')).toBe('/pages/index/index')
    expect(loginTarget('//evil.example/pages/x')).toBe('/pages/index/index')
    expect(loginTarget('/pages/login/index')).toBe('/pages/index/index')
    expect(loginTarget('/pages/../x')).toBe('/pages/index/index')
    expect(loginTarget('%E0%A4%A')).toBe('/pages/index/index')
  })
})
