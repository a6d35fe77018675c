// Unit tests of the accident case parts: StatusTag's label and colour, CaseTimeline's lines, PartyList's two views.
import { render } from '@testing-library/react'
import StatusTag from '@/components/StatusTag'
import CaseTimeline from '@/components/CaseTimeline'
import PartyList from '@/components/PartyList'
import type { AccidentCase, CaseEvent } from '@/api/accidents'
import { byId } from '../helpers'
import { baseCase } from '../accidents/case-fixture'

describe('StatusTag', () => {
  it.each([
    ['CONFIRMED', '已确认', 'jg-tag jg-tag-ok'],
    ['RETURNED', '已退回', 'jg-tag jg-tag-warn'],
    ['EXPIRED', '已超时', 'jg-tag jg-tag-warn'],
    ['PENDING_REVIEW', '待民警审核', 'jg-tag'],
  ])('shows %s as its label in its colour', (status, text, className) => {
    render(<StatusTag id="tag" status={status} text={text} />)
    expect(byId('tag').textContent).toBe(text)
    expect(byId('tag').getAttribute('class')).toBe(className)
  })
})

const events: CaseEvent[] = [
  { type: 'CREATED', actor: 'A', at: '2026-11-27T01:00:00.000Z', from: null, to: 'DRAFT' },
  { type: 'PARTY_JOINED', actor: 'B', at: '2026-11-27T01:05:00.000Z', from: 'WAITING_FOR_PARTY', to: 'NEGOTIATING' },
  { type: 'DETAILS_UPDATED', actor: 'B', at: '2026-11-27T01:09:00.000Z', from: null, to: null, textCheck: 'review' },
  { type: 'SOMETHING_NEW', actor: 'robot', at: '2026-11-27T16:30:00.000Z', from: null, to: null },
]

describe('CaseTimeline', () => {
  it('lists each event with its Shanghai time, who and what, in order', () => {
    render(<CaseTimeline id="timeline" title="处理进度" events={events} />)
    const lines = [...byId('timeline').querySelectorAll('.jg-timeline-item')].map((el) => el.textContent)
    expect(byId('timeline').textContent).toContain('处理进度')
    expect(lines).toEqual([
      '11月27日 09:00 甲方 报案',
      '11月27日 09:05 乙方 对方已加入',
      '11月27日 09:09 乙方 填写了车辆和驾驶人信息',
      // An unknown event shows its code rather than nothing; the next day in Shanghai.
      '11月28日 00:30  SOMETHING_NEW',
    ])
  })

  it('marks the steps the content check flagged only for the officer', () => {
    const { unmount } = render(<CaseTimeline id="timeline" title="处理进度" events={events} />)
    expect(byId('timeline').querySelector('.jg-tag')).toBeNull()
    unmount()
    render(<CaseTimeline id="timeline" title="处理经过" events={events} showTextCheck />)
    const tags = byId('timeline').querySelectorAll('.jg-tag-warn')
    expect(tags).toHaveLength(1)
    expect(tags[0].textContent).toBe('文字待核查')
  })
})

describe('PartyList', () => {
  const c = {
    ...baseCase,
    parties: [
      { ...baseCase.parties[0], plate: '鲁D12345', driverName: '张伟', insurer: '中国人保', agreed: true, licenceNumber: '370402198503121010', phone: '13800000000' },
    ],
  } as unknown as AccidentCase

  it('shows a party the plates, names and signatures, and that the other party is awaited', () => {
    render(<PartyList id="parties" title="双方信息" c={c} view="party" />)
    expect(byId('parties').textContent).toContain('甲方（报案方）（我）：鲁D12345 张伟')
    expect(byId('parties').textContent).toContain('中国人保 · 已同意并签字')
    expect(byId('parties').textContent).toContain('等待对方加入…')
    expect(byId('parties').textContent).not.toContain('13800000000')
  })

  it('shows the officer the licence, phone and collision part', () => {
    render(<PartyList id="parties" title="当事人" c={c} view="officer" />)
    expect(byId('parties').textContent).toContain('甲方：鲁D12345 张伟 同意')
    expect(byId('parties').textContent).toContain('驾驶证 370402198503121010 · 电话 13800000000')
    expect(byId('parties').textContent).toContain('碰撞部位 未填')
    expect(byId('parties').textContent).not.toContain('等待对方加入')
  })
})

describe('StatusTag without an id', () => {
  it('writes no id attribute', () => {
    const { container } = render(<StatusTag status="CONFIRMED" text="已确认" />)
    expect(container.querySelector('.jg-tag')?.hasAttribute('id')).toBe(false)
  })
})
