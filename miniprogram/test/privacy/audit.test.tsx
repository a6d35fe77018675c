// The admins' audit log page: filters become the query, rows read in Chinese, paging, a refused filter.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { resetTaroMock } from '../taro-mock'
import { byId, errorReply, queueReplies, reply, requestCall, typeInto } from '../helpers'
import { saveSession } from '@/api/http'
import AdminAuditPage from '@/packages/admin/audit/index'
import { detailLines, ipText } from '@/packages/admin/audit/format'

const admin = { id: 1, role: 'admin', username: 'admin', displayName: '管理员', unit: null }
const viewed = {
  id: 31,
  at: '2026-12-01T02:05:00.000Z',
  actor: { type: 'STAFF', id: 4, name: '滕州民警' },
  action: 'personal_data.viewed',
  entityType: 'AccidentCase',
  entityId: '12',
  details: {
    shown: ['driverName', 'licenceNumber', 'phone'],
    caseNumber: 'SG20261201000001',
    parties: [{ role: 'A', driverId: 5, name: '张*', licenceNumber: '370402********1010', phone: '138****0001' }],
  },
  ip: '10.0.0.8',
}
const deleted = {
  id: 30,
  at: '2026-11-30T16:10:00.000Z',
  actor: { type: 'DRIVER', id: 5, name: '已注销用户' },
  action: 'driver.account_deleted',
  entityType: 'Driver',
  entityId: '5',
  details: { idNumber: '370402********1010', removed: { sessions: 2, vehicles: 1 } },
  ip: null,
}

beforeEach(() => {
  resetTaroMock()
  saveSession('admin-token', 'admin')
})

async function open(total = 2) {
  queueReplies(reply(200, admin), reply(200, { items: [viewed, deleted], total }))
  render(<AdminAuditPage />)
  await screen.findByText(`共 ${total} 条记录`)
}

it('shows who did what to which record and when, the details in words', async () => {
  await open()
  expect(requestCall(1).url).toBe('http://api.test/api/admin/audit?page=1&pageSize=20')
  const row = byId('audit-row-31')
  expect(row.textContent).toContain('2026年12月1日 10:05')
  expect(row.textContent).toContain('工作人员 滕州民警 #4')
  expect(row.textContent).toContain('查看个人信息')
  expect(row.textContent).toContain('事故 #12')
  expect(row.textContent).toContain('显示：姓名、驾驶证号、手机号')
  expect(row.textContent).toContain('当事人：甲方 张* 370402********1010')
  expect(row.textContent).toContain('10.0.0.8')
  expect(byId('audit-row-30').textContent).toContain('2026年12月1日 00:10')
  expect(byId('audit-row-30').textContent).toContain('注销账号')
  expect(byId('audit-row-30').textContent).toContain('删除：登录 2，车辆绑定 1')
})

it('sends the filters typed, from page 1, and leaves empty ones out', async () => {
  await open()
  await typeInto('audit-actor', 'officer.tengzhou')
  await typeInto('audit-entity-id', '12')
  await typeInto('audit-from', '2026-12-01')
  await typeInto('audit-to', '2026-12-02')
  queueReplies(reply(200, { items: [viewed], total: 1 }))
  fireEvent.click(byId('audit-search'))
  await screen.findByText('共 1 条记录')
  expect(requestCall(2).url).toBe('http://api.test/api/admin/audit?actor=officer.tengzhou&entityId=12&from=2026-12-01&to=2026-12-02&page=1&pageSize=20')
})

it('pages on with the same filters', async () => {
  await open(45)
  expect(byId('audit-page').textContent).toBe('第 1 / 3 页')
  queueReplies(reply(200, { items: [deleted], total: 45 }))
  fireEvent.click(byId('audit-next'))
  await waitFor(() => expect(byId('audit-page').textContent).toBe('第 2 / 3 页'))
  expect(requestCall(2).url).toBe('http://api.test/api/admin/audit?page=2&pageSize=20')
})

it('shows the reason when the server refuses a filter', async () => {
  await open()
  await typeInto('audit-from', '2026-13-01')
  queueReplies(errorReply(400, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', [{ path: 'from', message: '日期应写成 2026-12-01 这样' }]))
  fireEvent.click(byId('audit-search'))
  await waitFor(() => expect(byId('audit-error').textContent).toBe('日期应写成 2026-12-01 这样'))
})

it('says so when nothing matches', async () => {
  queueReplies(reply(200, admin), reply(200, { items: [], total: 0 }))
  render(<AdminAuditPage />)
  await screen.findByText('共 0 条记录')
  expect(byId('audit-empty').textContent).toContain('没有符合条件的记录')
})

it('reads details it has no words for as they are', () => {
  expect(detailLines({ claimIds: [1, 2, 3, 4, 5, 6, 7], format: 'csv', filter: { insurer: null, page: 1 } })).toEqual([
    '理赔编号：1、2、3、4、5 等7个',
    '格式：CSV',
    '筛选：全部',
  ])
  // The staff's claims CSV: every matching claim up to the newest when the export began.
  expect(detailLines({ format: 'csv', rows: 270, upToClaimId: 812, filter: { insurer: '平安产险', from: null, to: null } })).toEqual([
    '格式：CSV',
    '本次行数：270',
    '截至理赔：#812',
    '筛选：保险公司 平安产险',
  ])
  // Statuses and decisions in words, by the kind of record; a code it does not know stays as it is.
  expect(detailLines({ decision: 'CONFIRM', liability: '无', from: 'PENDING_REVIEW' }, 'AccidentCase')).toEqual(['决定：确认', '责任：无', '从：待民警审核'])
  expect(detailLines({ from: 'ASSESSING', to: 'SETTLED' }, 'InsuranceClaim')).toEqual(['从：定损理算中', '到：理赔已办结'])
  expect(detailLines({ from: 'ASSESSING' }, 'Unknown')).toEqual(['从：ASSESSING'])
  expect(detailLines({ somethingNew: { a: 1 } })).toEqual(['somethingNew：{"a":1}'])
  expect(detailLines({ textCheck: 'review' })).toEqual(['内容检查：待人工审核'])
  expect(detailLines({ proof: 'fileNumber' })).toEqual(['验证方式：驾驶证档案编号'])
  expect(detailLines({ by: 'admin', reason: '本人到窗口申请' })).toEqual(['解除人：管理员', '原因：本人到窗口申请'])
  expect(detailLines(null)).toEqual([])
  expect(ipText('::ffff:10.0.0.8')).toBe('10.0.0.8')
  expect(ipText('2001:db8::1')).toBe('2001:db8::1')
  expect(ipText(null)).toBe('—')
})
