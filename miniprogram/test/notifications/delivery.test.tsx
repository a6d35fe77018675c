// Unit tests of the admins' delivery view: totals, one bar per channel and template, failures with their errors.
import { render, screen } from '@testing-library/react'
import { resetTaroMock } from '../taro-mock'
import { byId, queueReplies, reply, requestCall } from '../helpers'
import { saveSession } from '@/api/http'
import DeliveryPage from '@/packages/admin/delivery/index'

beforeEach(() => {
  resetTaroMock()
  saveSession('admin-token', 'admin')
})

it('draws the counts as bars and lists failures with their last error', async () => {
  queueReplies(
    reply(200, {
      items: [
        { channel: 'SUBSCRIBE', templateKey: 'accident_progress', pending: 1, sent: 6, failed: 1, skipped: 2 },
        { channel: 'OFFICIAL_TEMPLATE', templateKey: 'exam_booking', pending: 0, sent: 5, failed: 0, skipped: 0 },
      ],
      totals: { pending: 1, sent: 11, failed: 1, skipped: 2 },
    }),
    reply(200, {
      items: [{ id: 7, channel: 'SUBSCRIBE', event: 'accident.returned', templateKey: 'accident_progress', status: 'FAILED', attempts: 1, lastError: '字段 thing3 被微信拒绝', updatedAt: '2026-12-01T01:05:00.000Z' }],
      total: 1,
    }),
  )
  render(<DeliveryPage />)
  await screen.findByText('字段 thing3 被微信拒绝')
  expect(byId('delivery-total-sent').textContent).toBe('11')
  const row = byId('delivery-row-SUBSCRIBE-accident_progress')
  expect(row.textContent).toContain('小程序订阅消息 · 事故处理进度（共10条）')
  const bars = row.querySelectorAll('.delivery-bar')
  expect(bars).toHaveLength(4)
  expect((bars[0] as HTMLElement).style.width).toBe('60%')
  expect(byId('delivery-row-OFFICIAL_TEMPLATE-exam_booking').querySelectorAll('.delivery-bar')).toHaveLength(1)
  expect(byId('delivery-failure-7').textContent).toContain('尝试1次 · 12月1日 09:05')
  expect(requestCall(0).url).toBe('http://api.test/api/admin/notifications/delivery')
  expect(requestCall(1).url).toBe('http://api.test/api/admin/notifications/failures?status=FAILED&pageSize=20')
})
