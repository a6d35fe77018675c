// What each chart draws, as ECharts options built from the statistics (the same numbers as the
// tables under the charts, statsTables in contracts). Only the h5 build draws charts (StatsChart.h5.tsx).
import { subjectLabel } from '@jiaoguan/contracts/labels'
import { STATS_CHANNELS, STATS_CHANNEL_LABELS, type StatsChart } from '@jiaoguan/contracts/stats'
import type { StatsResponse } from '@jiaoguan/contracts/schemas/stats'

const COLORS = { blue: '#1a4fa0', green: '#2e9d5b', orange: '#e8883a', red: '#c0262d', grey: '#9aa1ab', teal: '#2a9fb0', purple: '#7a5cc7' }
const shortDay = (d: string) => d.slice(5)
const base = {
  textStyle: { fontFamily: "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif" },
  grid: { left: 48, right: 24, top: 60, bottom: 32, containLabel: true },
  tooltip: { trigger: 'axis' as const },
  // One line of legend however narrow the screen (it pages instead of wrapping onto the plot).
  legend: { top: 0, type: 'scroll' as const },
  animation: false,
}
const bar = (name: string, data: (number | null)[], color: string, stack?: string) => ({ type: 'bar' as const, name, data, stack, itemStyle: { color }, barMaxWidth: 28 })
const line = (name: string, data: (number | null)[], color: string) => ({ type: 'line' as const, name, data, itemStyle: { color }, lineStyle: { color }, connectNulls: false, symbolSize: 6 })

export function chartOption(chart: StatsChart, s: StatsResponse) {
  const days = s.accidents.byDay.map((d) => shortDay(d.date))
  switch (chart) {
    case 'accidents':
      return {
        ...base,
        xAxis: { type: 'category', data: days },
        yAxis: { type: 'value', name: '件', minInterval: 1 },
        series: [
          bar('确认', s.accidents.byDay.map((d) => d.confirmed), COLORS.green, 'outcome'),
          bar('退回补充', s.accidents.byDay.map((d) => d.returned), COLORS.orange, 'outcome'),
          bar('转现场处理', s.accidents.byDay.map((d) => d.transferred), COLORS.red, 'outcome'),
          bar('移交其他大队', s.accidents.byDay.map((d) => d.handedOver), COLORS.purple, 'outcome'),
          line('提交审核', s.accidents.byDay.map((d) => d.submitted), COLORS.blue),
        ],
      }
    case 'decisions':
      return {
        ...base,
        xAxis: { type: 'category', data: s.accidents.decisionByDay.map((d) => shortDay(d.date)) },
        yAxis: { type: 'value', name: '分钟' },
        series: [
          line('中位数', s.accidents.decisionByDay.map((d) => d.median), COLORS.blue),
          line('90%分位', s.accidents.decisionByDay.map((d) => d.p90), COLORS.orange),
        ],
      }
    case 'consultations':
      return {
        ...base,
        xAxis: { type: 'category', data: s.consultations.byDay.map((d) => shortDay(d.date)) },
        yAxis: { type: 'value', name: '条', minInterval: 1 },
        series: [
          bar('按时答复', s.consultations.byDay.map((d) => d.withinLimit), COLORS.green, 'reply'),
          bar('超时', s.consultations.byDay.map((d) => d.overdue), COLORS.red, 'reply'),
          bar('待答复', s.consultations.byDay.map((d) => d.waiting), COLORS.grey, 'reply'),
        ],
      }
    case 'exams':
      return {
        ...base,
        tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
        xAxis: { type: 'category', data: s.exams.bySubject.map((r) => subjectLabel(r.subject)) },
        yAxis: { type: 'value', name: '约满率 %', max: 100 },
        series: [
          {
            ...bar('约满率', s.exams.bySubject.map((r) => (r.fillRate === null ? null : Math.round(r.fillRate * 1000) / 10)), COLORS.blue),
            label: { show: true, position: 'top' as const, formatter: '{c}%' },
          },
        ],
      }
    case 'notifications':
      return {
        ...base,
        tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
        grid: { ...base.grid, left: 16 },
        xAxis: { type: 'value', name: '条', minInterval: 1 },
        yAxis: { type: 'category', data: STATS_CHANNELS.map((c) => STATS_CHANNEL_LABELS[c]), inverse: true },
        series: [
          bar('已发送', STATS_CHANNELS.map((c) => s.notifications.byChannel[c].sent), COLORS.green, 'n'),
          bar('发送失败', STATS_CHANNELS.map((c) => s.notifications.byChannel[c].failed), COLORS.red, 'n'),
          bar('待发送', STATS_CHANNELS.map((c) => s.notifications.byChannel[c].pending), COLORS.teal, 'n'),
          bar('未发送（跳过）', STATS_CHANNELS.map((c) => s.notifications.byChannel[c].skipped), COLORS.grey, 'n'),
        ],
      }
  }
}
