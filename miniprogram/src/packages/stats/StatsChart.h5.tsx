// A chart of the statistics page in the browser: ECharts from an on-demand build (echarts/core with
// only the bar and line charts, the grid, tooltip and legend, and the canvas renderer).
import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { chartOption } from './chart-options'
import type { StatsChartProps } from './StatsChart'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export default function StatsChart({ chart, stats }: StatsChartProps) {
  const box = useRef<HTMLDivElement>(null)
  const instance = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    if (!box.current) return
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' })
    instance.current = c
    const resize = () => c.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      c.dispose()
      instance.current = null
    }
  }, [])

  useEffect(() => {
    instance.current?.setOption(chartOption(chart, stats), { notMerge: true })
  }, [chart, stats])

  return <div ref={box} id={`stats-chart-${chart}`} className="stats-chart" />
}
