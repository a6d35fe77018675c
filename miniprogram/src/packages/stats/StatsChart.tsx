// A chart of the statistics page, in the mini-program: none. The weapp build shows each chart's
// table only (the table is under every chart on both builds), so ECharts stays out of its packages;
// the h5 build draws the chart (StatsChart.h5.tsx).
import type { StatsChart as Chart } from '@jiaoguan/contracts/stats'
import type { StatsResponse } from '@jiaoguan/contracts/schemas/stats'

export interface StatsChartProps {
  chart: Chart
  stats: StatsResponse
}

export default function StatsChart(_props: StatsChartProps) {
  return null
}
