// Officer workbench (民警工作台): the unit's accident review queue, oldest first with the cases past
// the unit's review limit on top (已超时, red), and the handled cases.
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import '@/components/accident.css'
import './index.css'
import { formatShortDateTime } from '@jiaoguan/contracts/time'
import { errorMessage, getToken } from '@/api/http'
import { officerQueue, officerStats, type OfficerStats, type QueueItem } from '@/api/accidents'
import { open, PAGES } from '@/utils/nav'
import { chime, useOfficerEvents, type LiveState } from '@/hooks/useOfficerEvents'

const LIVE_TEXT: Record<LiveState, string> = {
  connecting: '正在连接实时提醒…',
  live: '实时提醒已开启：有新案件时会提示',
  reconnecting: '实时提醒已断开，正在重新连接…',
}

type Tab = 'pending' | 'disputed' | 'returned' | 'done'

const EMPTY_TEXT: Record<Tab, string> = {
  pending: '没有待审核的事故，辛苦了。',
  disputed: '没有有争议的待审核事故。',
  returned: '没有退回补充、等待当事人修改的事故。',
  done: '还没有已确认的案件。',
}

const QUERIES: Record<Tab, string> = {
  pending: 'status=PENDING_REVIEW',
  disputed: 'status=PENDING_REVIEW&disputed=true',
  returned: 'status=RETURNED',
  done: 'status=CONFIRMED',
}

function waiting(minutes: number | null): string {
  if (minutes === null) return ''
  return minutes < 60 ? `已等待 ${minutes} 分钟` : `已等待 ${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟`
}

export default function OfficerHomePage() {
  const [tab, setTab] = useState<Tab>('pending')
  const [items, setItems] = useState<QueueItem[] | null>(null)
  const [total, setTotal] = useState(0)
  const [error, setError] = useState('')

  const load = async (which: Tab) => {
    setTab(which)
    setItems(null)
    try {
      const list = await officerQueue(QUERIES[which])
      // Overdue first (the queue is oldest first already; this keeps that order within each group).
      setItems([...list.items.filter((i) => i.overdue), ...list.items.filter((i) => !i.overdue)])
      setTotal(list.total)
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  // The day's count is a courtesy: when it cannot be loaded the queue still works.
  const [stats, setStats] = useState<OfficerStats | null>(null)
  const loadStats = () => officerStats().then(setStats, () => setStats(null))

  useDidShow(() => {
    if (!getToken()) return
    void load(tab)
    void loadStats()
  })

  // New cases while the page is open: a badge, a tone, and the list refreshed where it shows them.
  // A case past its review deadline (case.overdue) is told the same way, with its own badge.
  const [fresh, setFresh] = useState(0)
  const [overdue, setOverdue] = useState(0)
  const live = useOfficerEvents((e) => {
    if (e.event === 'case.pending') {
      setFresh((n) => n + 1)
      chime()
    }
    if (e.event === 'case.overdue') {
      setOverdue((n) => n + 1)
      chime()
    }
    if (tab !== 'done' || e.event === 'case.decided') void load(tab)
    void loadStats()
  })

  return (
    <StaffHome role="officer" title="民警工作台">
      {stats && (
        <View id="officer-stats" className="jg-card">
          <Text className="jg-subtitle">今日工作</Text>
          <Text id="officer-stats-decided" className="jg-label">
            今天已处理 {stats.decided.total} 起：确认 {stats.decided.CONFIRM} · 退回 {stats.decided.RETURN} · 转现场 {stats.decided.TRANSFER}
          </Text>
          <Text id="officer-stats-waiting" className="jg-hint">
            本大队待审核 {stats.waiting.total} 起{stats.waiting.disputed ? `，其中有争议 ${stats.waiting.disputed} 起` : ''}
          </Text>
        </View>
      )}
      <View id="officer-queue" className="jg-card">
        <Text className="jg-subtitle">
          待审核事故
          {fresh > 0 && (
            <Text id="officer-new-badge" className="jg-tag jg-tag-warn" onClick={() => setFresh(0)}>
              新到 {fresh} 起
            </Text>
          )}
          {overdue > 0 && (
            <Text id="officer-overdue-badge" className="jg-tag jg-tag-warn" onClick={() => setOverdue(0)}>
              超时 {overdue} 起
            </Text>
          )}
        </Text>
        <Text id="officer-live" className="jg-hint">
          {LIVE_TEXT[live]}
        </Text>
        <View className="jg-row">
          {(['pending', 'disputed', 'returned', 'done'] as Tab[]).map((t) => (
            <Text key={t} id={`officer-tab-${t}`} className={`jg-choice ${tab === t ? 'jg-choice-on' : ''}`} onClick={() => void load(t)}>
              {{ pending: '待审核', disputed: '有争议', returned: '已退回', done: '已处理' }[t]}
            </Text>
          ))}
        </View>
        <ErrorText id="officer-queue-error" message={error} />
        {items === null && !error && <Text className="jg-hint">正在加载…</Text>}
        {items && (
          <Text id="officer-queue-total" className="jg-hint">
            共 {total} 起
            {items.some((i) => i.overdue) ? `，其中 ${items.filter((i) => i.overdue).length} 起已超过审核时限` : ''}
          </Text>
        )}
        {items?.length === 0 && <Text className="jg-hint">{EMPTY_TEXT[tab]}</Text>}
        {items?.map((i) => (
          <View key={i.id} className={`jg-choice officer-case ${i.overdue ? 'officer-case-late' : ''}`} id={`officer-case-${i.id}`} onClick={() => open(`/packages/officer/case/index?id=${i.id}`)}>
            <Text className="jg-label">
              {i.plates.join(' / ') || '未填写车牌'}
              {i.disputed ? ' ' : ''}
              {i.disputed && <Text className="jg-tag jg-tag-warn">有争议</Text>}
              {i.overdue ? ' ' : ''}
              {i.overdue && (
                <Text id={`officer-case-overdue-${i.id}`} className="jg-tag jg-tag-warn">
                  已超时
                </Text>
              )}
            </Text>
            <Text className="jg-hint">
              {i.address} · {i.caseNumber}
            </Text>
            {i.waitingMinutes !== null && (
              <Text className={i.overdue ? 'jg-hint officer-case-late-text' : 'jg-hint'}>
                {waiting(i.waitingMinutes)}
                {i.overdueSince ? ` · ${formatShortDateTime(i.overdueSince)} 起超时` : ''}
              </Text>
            )}
          </View>
        ))}
      </View>
      <View id="officer-stats-link" className="jg-card" onClick={() => open(PAGES.stats)}>
        <Text className="jg-subtitle">统计报表 ›</Text>
        <Text className="jg-hint">本大队每天的案件和审核用时、约考名额和缺考、咨询答复和消息送达，附数字表格和 CSV 下载。</Text>
      </View>
    </StaffHome>
  )
}
