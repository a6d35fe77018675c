// Statistics (统计报表) for admins (every unit, or one) and officers (their own unit): a range of
// Shanghai days, a few headline figures, then one section per chart: the chart (h5), the numbers
// behind it as a table (both builds) and its CSV.
import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import { errorMessage, getToken } from '@/api/http'
import { getMe } from '@/api/me'
import { isStaff } from '@/api/types'
import { getStats, listUnits, statsCsvPath, type StatsResponse } from '@/api/stats'
import { addDays, shanghaiDay } from '@jiaoguan/contracts/time'
import { STATS_MAX_DAYS, statsTables, type StatsChart as Chart, type StatsTable } from '@jiaoguan/contracts/stats'
import type { Unit } from '@jiaoguan/contracts/schemas/common'
import StatsChart from '../StatsChart'
import { fetchFile } from '@/api/files'
import './index.css'

const RANGES = [
  { id: '7', label: '近7天', days: 7 },
  { id: '30', label: '近30天', days: 30 },
  { id: '90', label: '近90天', days: 90 },
  { id: '365', label: '近一年', days: 365 },
  { id: 'next30', label: '未来30天（约考）', days: -30 },
]
/** How far ahead a range may reach: exam sessions are booked ahead, and their fill rate matters before they start. */
const AHEAD_DAYS = 90

function explain(chart: Chart, s: StatsResponse): string {
  switch (chart) {
    case 'accidents':
      return '每天进入审核的案件（含退回后重新提交的），以及民警当天作出的决定：确认、退回补充、转现场处理，或移交其他大队审核。案件算在现在负责它的大队，移交算在移出的大队。'
    case 'decisions':
      return '从案件进入审核到民警作出决定的用时。中位数：一半的案件在这个时间内有了结果；90%分位：九成的案件在这个时间内有了结果。'
    case 'consultations':
      return `按提问日期统计。${s.consultations.limitHours}个工作小时内首次答复为按时；答复晚于时限，或至今未答复且已过时限，为超时。咨询不分大队，这里是全支队的数字。`
    case 'exams':
      return `按考试日期统计${s.unit ? '本大队考场' : '各考场'}的场次。约满率 = 已约人数 ÷ 名额；缺考为成绩录入为缺考的人数；取消的场次另计，不算名额。结束日期可选今后的日子，看即将开考场次的预约情况。`
    case 'notifications':
      return '期间写入的消息按发出的渠道统计：订阅消息、公众号模板消息、短信。未选定渠道：还没轮到发送的（待发送），或哪个渠道都联系不到驾驶人的（跳过）。消息中心为写入站内消息的条数。不分大队。'
  }
}

const minutes = (v: number | null) => (v === null ? '—' : v < 60 ? `${v} 分钟` : `${Math.round(v / 6) / 10} 小时`)
const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`)

export default function StatsPage() {
  const today = shanghaiDay(new Date())
  const [from, setFrom] = useState(addDays(today, -29))
  const [to, setTo] = useState(today)
  const [units, setUnits] = useState<Unit[] | null>(null)
  const [unit, setUnit] = useState('')
  const [stats, setStats] = useState<StatsResponse | null>(null)
  const [error, setError] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  const load = async (q: { from: string; to: string; unit: string }) => {
    setBusy(true)
    setError('')
    try {
      setStats(await getStats({ from: q.from, to: q.to, unit: q.unit || undefined }))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  useDidShow(() => {
    if (!getToken()) return
    void load({ from, to, unit })
  })

  // Admins pick a unit; an officer's figures are always their own unit's.
  useEffect(() => {
    if (!getToken()) return
    getMe()
      .then(async (me) => {
        if (isStaff(me) && me.role === 'admin') setUnits((await listUnits()).items)
      })
      .catch(() => setUnits(null))
  }, [])

  const range = (days: number) => {
    const q = days > 0 ? { from: addDays(today, -(days - 1)), to: today, unit } : { from: today, to: addDays(today, -days - 1), unit }
    setFrom(q.from)
    setTo(q.to)
    void load(q)
  }

  const save = async (chart?: Chart) => {
    setNote('')
    try {
      const q = { from, to, unit: unit || undefined }
      setNote(await fetchFile(statsCsvPath(q, chart), `stats-${chart ?? 'all'}-${from}-${to}.csv`, 'csv'))
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  const earliest = addDays(to, -(STATS_MAX_DAYS - 1))

  return (
    <StaffHome role={['admin', 'officer']} title="统计报表">
      <View id="stats-filters" className="jg-card">
        <Text className="jg-hint">
          日期按北京时间，包含开始和结束当天，一次最多 {STATS_MAX_DAYS} 天。{units ? '可选一个大队，或看全部大队。' : '民警看到的是本大队的数字。'}
        </Text>
        <View className="stats-filters">
          <View className="stats-filter">
            <Text className="jg-label">开始日期</Text>
            <Picker id="stats-from" mode="date" value={from} start={earliest} end={to} onChange={(e) => setFrom(String(e.detail.value))}>
              <View className="jg-input stats-picker">{from}</View>
            </Picker>
          </View>
          <View className="stats-filter">
            <Text className="jg-label">结束日期</Text>
            <Picker id="stats-to" mode="date" value={to} start={from} end={addDays(today, AHEAD_DAYS)} onChange={(e) => setTo(String(e.detail.value))}>
              <View className="jg-input stats-picker">{to}</View>
            </Picker>
          </View>
        </View>
        {units && (
          <View id="stats-units" className="stats-actions">
            <Text className="jg-label stats-units-label">大队</Text>
            {[{ code: '', name: '全部' }, ...units].map((u) => (
              <Text
                key={u.code || 'all'}
                id={`stats-unit-${u.code || 'all'}`}
                className={`stats-chip ${u.code === unit ? 'stats-chip-on' : ''}`}
                onClick={() => {
                  setUnit(u.code)
                  void load({ from, to, unit: u.code })
                }}
              >
                {u.code ? `${u.name}大队` : '全部大队'}
              </Text>
            ))}
          </View>
        )}
        <View className="stats-actions">
          {RANGES.map((r) => (
            <Text key={r.id} id={`stats-range-${r.id}`} className="stats-chip" onClick={() => range(r.days)}>
              {r.label}
            </Text>
          ))}
          <View className="stats-buttons">
            <Button id="stats-csv-all" size="normal" disabled={!stats} onClick={() => void save()}>
              下载全部 CSV
            </Button>
            <Button id="stats-search" type="primary" size="normal" loading={busy} disabled={busy} onClick={() => void load({ from, to, unit })}>
              查询
            </Button>
          </View>
        </View>
        <ErrorText id="stats-error" message={error} />
        {note && (
          <Text id="stats-note" className="jg-hint">
            {note}
          </Text>
        )}
      </View>

      {stats && <Summary stats={stats} />}
      {stats && process.env.TARO_ENV !== 'h5' && (
        <Text className="jg-hint stats-weapp-note">小程序里以表格显示各项数字；图表请在电脑浏览器中打开统计报表查看。</Text>
      )}
      {stats &&
        statsTables(stats).map((t) => (
          <View key={t.chart} id={`stats-section-${t.chart}`} className="jg-card">
            <View className="stats-section-head">
              <Text className="jg-subtitle">{t.title}</Text>
              <Button id={`stats-csv-${t.chart}`} size="small" onClick={() => void save(t.chart)}>
                下载 CSV
              </Button>
            </View>
            <Text className="jg-hint">{explain(t.chart, stats)}</Text>
            {t.chart === 'exams' && stats.exams.bySubject.length === 0 ? (
              <Text id="stats-exams-empty" className="jg-hint stats-empty">
                这段时间没有考试场次。
              </Text>
            ) : (
              <StatsChart chart={t.chart} stats={stats} />
            )}
            <NumbersTable table={t} />
          </View>
        ))}
    </StaffHome>
  )
}

function Summary({ stats: s }: { stats: StatsResponse }) {
  const a = s.accidents.totals
  const failed = s.notifications.byChannel
  const tiles = [
    { id: 'submitted', label: '提交审核', value: `${a.submitted} 起` },
    { id: 'decided', label: '确认 / 退回 / 转现场', value: `${a.confirmed} / ${a.returned} / ${a.transferred}` },
    { id: 'decision-median', label: '审核用时中位数', value: minutes(s.accidents.decisionMinutes.median) },
    { id: 'decision-p90', label: '审核用时90%分位', value: minutes(s.accidents.decisionMinutes.p90) },
    { id: 'reply-median', label: '咨询首次答复中位数', value: minutes(s.consultations.firstReplyMinutes.median) },
    { id: 'overdue', label: '咨询答复超时', value: `${s.consultations.overdue} 条` },
    {
      id: 'rating',
      label: `咨询评价（${s.consultations.rating.count} 条）`,
      value: s.consultations.rating.average === null ? '—' : `${s.consultations.rating.average} 分`,
    },
    { id: 'fill', label: '考试约满率', value: percent(s.exams.fillRate) },
    { id: 'no-shows', label: '考试缺考', value: `${s.exams.noShows} 人` },
    { id: 'failed', label: '消息发送失败', value: `${failed.SUBSCRIBE.failed + failed.OFFICIAL_TEMPLATE.failed + failed.SMS.failed} 条` },
  ]
  return (
    <View id="stats-summary" className="jg-card">
      <Text id="stats-scope" className="jg-subtitle">
        {s.unit ? `${s.unit.name}大队` : '全部大队'}，{s.from} 至 {s.to}
      </Text>
      <View className="stats-tiles">
        {tiles.map((t) => (
          <View key={t.id} id={`stats-tile-${t.id}`} className="stats-tile">
            <Text className="stats-tile-value">{t.value}</Text>
            <Text className="jg-hint">{t.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function NumbersTable({ table }: { table: StatsTable }) {
  return (
    <View id={`stats-table-${table.chart}`} className="stats-table">
      <View className="stats-row stats-row-head">
        {table.columns.map((c) => (
          <Text key={c} className="stats-cell">
            {c}
          </Text>
        ))}
      </View>
      {table.rows.map((r, i) => (
        <View key={i} className={i === table.rows.length - 1 && (r[0] === '合计' || r[0] === '全部') ? 'stats-row stats-row-total' : 'stats-row'}>
          {r.map((cell, j) => (
            <Text key={j} className="stats-cell">
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
