// Unit tests of the message centre page: list with unread count, mark read on tap, read-all, paging.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { navigateTo, removeTabBarBadge, resetTaroMock, setTabBarBadge, switchTab } from '../taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall } from '../helpers'
import { saveSession } from '@/api/http'
import MessagesPage from '@/pages/messages/index'
import { formatShanghai } from '@/pages/messages/format'

const entry = (id: number, read = false) => ({
  id,
  event: 'accident.confirmed',
  title: `消息${id}`,
  body: `事故 SG${id} 已确认`,
  link: `/pages/accident/detail/index?id=${id}`,
  read,
  readAt: read ? '2026-12-01T02:00:00.000Z' : null,
  createdAt: '2026-12-01T01:05:00.000Z',
})

beforeEach(() => {
  resetTaroMock()
  saveSession('driver-token', 'driver')
})

describe('message centre', () => {
  it('lists messages newest first with the unread count', async () => {
    queueReplies(reply(200, { items: [entry(2), entry(1, true)], total: 2, unread: 1 }))
    render(<MessagesPage />)
    await screen.findByText('消息2')
    expect(byId('messages-unread').textContent).toBe('1条未读')
    expect(byId('message-2').className).toContain('message-unread')
    expect(byId('message-1').className).toContain('message-read')
    expect(requestCall(0).url).toBe('http://api.test/api/me/notifications?page=1&pageSize=20')
    expect(document.getElementById('messages-more')).toBeNull()
  })

  it('marks a message read when tapped and opens its page', async () => {
    queueReplies(reply(200, { items: [entry(2)], total: 1, unread: 1 }), reply(200, entry(2, true)))
    render(<MessagesPage />)
    await screen.findByText('消息2')
    fireEvent.click(byId('message-2'))
    await waitFor(() => expect(byId('message-2').className).toContain('message-read'))
    expect(requestCall(1)).toMatchObject({ url: 'http://api.test/api/me/notifications/2/read', method: 'POST' })
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/accident/detail/index?id=2' })
    expect(document.getElementById('messages-unread')).toBeNull()
  })

  it('keeps the 消息 tab badge at the unread count as entries are read', async () => {
    queueReplies(reply(200, { items: [entry(3), entry(2)], total: 2, unread: 2 }), reply(200, entry(3, true)))
    render(<MessagesPage />)
    await screen.findByText('消息3')
    await waitFor(() => expect(setTabBarBadge).toHaveBeenLastCalledWith({ index: 1, text: '2' }))
    fireEvent.click(byId('message-3'))
    await waitFor(() => expect(setTabBarBadge).toHaveBeenLastCalledWith({ index: 1, text: '1' }))
  })

  it('opens a tab page (such as 我的) by switching tabs, not by pushing it', async () => {
    const toMe = { ...entry(4, true), event: 'identity.unbound_by_admin', link: '/pages/me/index' }
    queueReplies(reply(200, { items: [toMe], total: 1, unread: 0 }))
    render(<MessagesPage />)
    await screen.findByText('消息4')
    await waitFor(() => expect(removeTabBarBadge).toHaveBeenCalledWith({ index: 1 }))
    fireEvent.click(byId('message-4'))
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }))
    expect(navigateTo).not.toHaveBeenCalled()
  })

  it('marks everything read', async () => {
    queueReplies(reply(200, { items: [entry(2), entry(1)], total: 2, unread: 2 }), reply(200, { updated: 2, unread: 0 }))
    render(<MessagesPage />)
    await screen.findByText('消息2')
    fireEvent.click(byId('messages-read-all'))
    await waitFor(() => expect(document.getElementById('messages-unread')).toBeNull())
    expect(byId('message-1').className).toContain('message-read')
    expect(requestCall(1)).toMatchObject({ url: 'http://api.test/api/me/notifications/read-all', method: 'POST' })
  })

  it('loads the next page on demand', async () => {
    queueReplies(reply(200, { items: [entry(3)], total: 2, unread: 0 }), reply(200, { items: [entry(1)], total: 2, unread: 0 }))
    render(<MessagesPage />)
    await screen.findByText('消息3')
    fireEvent.click(byId('messages-more'))
    await screen.findByText('消息1')
    expect(requestCall(1).url).toBe('http://api.test/api/me/notifications?page=2&pageSize=20')
    expect(document.getElementById('messages-more')).toBeNull()
  })

  it('shows the empty state, and the server message on failure', async () => {
    queueReplies(reply(200, { items: [], total: 0, unread: 0 }))
    const { unmount } = render(<MessagesPage />)
    expect((await screen.findByText('暂无消息')).closest('#messages-empty')).not.toBeNull()
    unmount()
    queueReplies(errorReply(401, 'UNAUTHENTICATED', '请先登录'))
    render(<MessagesPage />)
    expect((await screen.findByText('请先登录')).id).toBe('messages-error')
  })

  it('shows times in Asia/Shanghai', () => {
    const now = new Date('2026-12-01T10:00:00Z')
    expect(formatShanghai('2026-12-01T01:05:00Z', now)).toBe('今天 09:05')
    expect(formatShanghai('2026-11-30T17:30:00Z', now)).toBe('今天 01:30')
    expect(formatShanghai('2026-11-29T01:05:00Z', now)).toBe('11月29日 09:05')
    expect(formatShanghai('2025-11-29T01:05:00Z', now)).toBe('2025年11月29日 09:05')
  })
})
