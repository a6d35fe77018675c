// The claims page of admins and officers: the filter becomes the query (Shanghai days as
// instants), rows read in Chinese, paging, a date refused in words before anything is asked, and
// the export's path.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { resetTaroMock } from '../taro-mock'
import { byId, queueReplies, reply, requestCall, typeInto } from '../helpers'
import { saveSession } from '@/api/http'
import { staffClaimsCsvPath } from '@/api/claims'
import AdminClaimsPage from '@/packages/admin/claims/index'

const admin = { id: 1, role: 'admin', username: 'admin', displayName: '管理员', unit: null }
const claim = {
  id: 7,
  insurer: '中国人保',
  policyNumber: 'PICC2026001',
  status: 'SENT',
  createdAt: '2026-12-03T07:03:00.000Z',
  caseNumber: 'SG20261203900002',
  documentNumber: 'XY20261203900002',
  occurredAt: '2026-12-03T06:03:00.000Z',
  address: '滕州市平行路与北辛街交叉口',
  unit: '滕州',
  role: 'B',
  driverName: '李娜',
  plate: '鲁D6M789',
  phone: '13900000002',
  liability: '无',
}

beforeEach(() => {
  resetTaroMock()
  saveSession('admin-token', 'admin')
})

async function open(total = 1) {
  queueReplies(reply(200, admin), reply(200, { items: [claim], total }))
  render(<AdminClaimsPage />)
  await screen.findByText(`共 ${total} 条理赔`)
}

it('lists the claims in words, with the times in Shanghai', async () => {
  await open()
  expect(requestCall(1).url).toBe('http://api.test/api/admin/insurance-claims?page=1&pageSize=20')
  const row = byId('claims-row-7')
  expect(row.textContent).toContain('已转交保险公司')
  expect(row.textContent).toContain('中国人保')
  expect(row.textContent).toContain('保单 PICC2026001')
  expect(row.textContent).toContain('乙方 李娜 · 鲁D6M789')
  expect(row.textContent).toContain('滕州市平行路与北辛街交叉口（滕州大队）')
  expect(row.textContent).toContain('2026年12月3日 14:03')
  expect(row.textContent).toContain('2026年12月3日 15:03')
  expect(byId('claims-export').textContent).toContain('导出表格（1 条）')
})

it('opens for an officer too (the server keeps them to their unit), and not for an agent', async () => {
  saveSession('officer-token', 'officer')
  queueReplies(reply(200, { id: 2, role: 'officer', username: 'officer', displayName: '王警官', unit: { id: 1, code: 'TZ', name: '滕州' } }), reply(200, { items: [claim], total: 1 }))
  const { unmount } = render(<AdminClaimsPage />)
  await screen.findByText('共 1 条理赔')
  expect(requestCall(1).url).toBe('http://api.test/api/admin/insurance-claims?page=1&pageSize=20')
  unmount()
  resetTaroMock()
  saveSession('agent-token', 'agent')
  queueReplies(reply(200, { id: 3, role: 'agent', username: 'agent', displayName: '客服', unit: null }))
  render(<AdminClaimsPage />)
  await waitFor(() => expect(byId('staff-denied').textContent).toContain('此页面仅供'))
  expect(byId('staff-denied').textContent).toContain('民警')
})

it('asks for the Shanghai days typed, both included, and pages on with them', async () => {
  await open(45)
  await typeInto('claims-insurer', '中国人保')
  await typeInto('claims-from', '2026-12-01')
  await typeInto('claims-to', '2026-12-02')
  queueReplies(reply(200, { items: [claim], total: 45 }))
  fireEvent.click(byId('claims-search'))
  await screen.findByText('共 45 条理赔')
  await waitFor(() => expect(() => requestCall(2)).not.toThrow())
  const url = new URL(requestCall(2).url)
  expect(url.searchParams.get('insurer')).toBe('中国人保')
  expect(url.searchParams.get('from')).toBe('2026-12-01T00:00:00+08:00')
  // The end day is included: up to the next Shanghai midnight.
  expect(url.searchParams.get('to')).toBe('2026-12-02T16:00:00.000Z')
  expect(byId('claims-page').textContent).toBe('第 1 / 3 页')
  queueReplies(reply(200, { items: [claim], total: 45 }))
  fireEvent.click(byId('claims-next'))
  await waitFor(() => expect(byId('claims-page').textContent).toBe('第 2 / 3 页'))
  expect(new URL(requestCall(3).url).searchParams.get('page')).toBe('2')
  expect(new URL(requestCall(3).url).searchParams.get('insurer')).toBe('中国人保')
})

it('refuses a date it cannot read, or an end before the start, without asking the server', async () => {
  await open()
  await typeInto('claims-from', '12/01')
  fireEvent.click(byId('claims-search'))
  await waitFor(() => expect(byId('claims-error').textContent).toBe('日期应写成 2026-12-01 这样'))
  await typeInto('claims-from', '2026-12-05')
  await typeInto('claims-to', '2026-12-01')
  fireEvent.click(byId('claims-search'))
  await waitFor(() => expect(byId('claims-error').textContent).toBe('结束日期不能早于开始日期'))
  expect(() => requestCall(2)).toThrow()
})

it('exports every matching claim, not the page: the CSV path carries the filter and no page', () => {
  const path = staffClaimsCsvPath({ insurer: '平安保险', from: '2026-11-01' })
  const url = new URL(`http://api.test${path}`)
  expect(url.pathname).toBe('/api/admin/insurance-claims')
  expect(url.searchParams.get('format')).toBe('csv')
  expect(url.searchParams.get('insurer')).toBe('平安保险')
  expect(url.searchParams.get('from')).toBe('2026-11-01T00:00:00+08:00')
  expect(url.searchParams.has('page')).toBe(false)
})
