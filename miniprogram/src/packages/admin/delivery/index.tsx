// Message delivery (消息送达) for admins: sent, failed, skipped and pending by channel and template
// as stacked bars drawn with Views (no chart library), and the failures with their last error.
import { useCallback, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import { errorMessage } from '@/api/http'
import { deliveryFailures, deliveryStats, type DeliveryFailure, type DeliveryStats } from '@/api/notifications'
import './index.css'
import { formatShortDateTime } from '@jiaoguan/contracts/time'

export const CHANNEL_NAMES: Record<string, string> = { SUBSCRIBE: '小程序订阅消息', OFFICIAL_TEMPLATE: '公众号模板消息', SMS: '短信', AUTO: '待发送（尚未选定渠道）' }
export const TEMPLATE_NAMES: Record<string, string> = {
  accident_progress: '事故处理进度',
  exam_booking: '考试预约',
  consultation_reply: '咨询回复',
  traffic_reminder: '违法和证件提醒',
}
const PARTS = [
  { key: 'sent', label: '已送达', className: 'bar-sent' },
  { key: 'skipped', label: '未订阅跳过', className: 'bar-skipped' },
  { key: 'failed', label: '失败', className: 'bar-failed' },
  { key: 'pending', label: '待发送', className: 'bar-pending' },
] as const

const shanghai = formatShortDateTime

export default function DeliveryPage() {
  const [stats, setStats] = useState<DeliveryStats | null>(null)
  const [failures, setFailures] = useState<DeliveryFailure[]>([])
  const [failureTotal, setFailureTotal] = useState(0)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setError('')
    try {
      const [s, f] = await Promise.all([deliveryStats(), deliveryFailures('FAILED')])
      setStats(s)
      setFailures(f.items)
      setFailureTotal(f.total)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [])

  useDidShow(() => {
    void load()
  })

  const max = Math.max(1, ...(stats?.items ?? []).map((r) => r.sent + r.skipped + r.failed + r.pending))

  return (
    <PageShell>
      <View className="delivery-head">
        <Text className="jg-title">消息送达</Text>
        <Button id="delivery-refresh" size="mini" onClick={() => void load()}>
          刷新
        </Button>
      </View>
      <ErrorText id="delivery-error" message={error} />
      {stats && (
        <View id="delivery-totals" className="jg-card delivery-totals">
          {PARTS.map((p) => (
            <View key={p.key} className="delivery-total">
              <Text id={`delivery-total-${p.key}`} className="delivery-total-number">
                {stats.totals[p.key]}
              </Text>
              <Text className="jg-hint">{p.label}</Text>
            </View>
          ))}
        </View>
      )}
      {stats && (
        <View id="delivery-chart" className="jg-card">
          <Text className="jg-subtitle">按渠道和模板</Text>
          <View className="delivery-legend">
            {PARTS.map((p) => (
              <View key={p.key} className="legend-item">
                <View className={`legend-swatch ${p.className}`} />
                <Text className="jg-hint">{p.label}</Text>
              </View>
            ))}
          </View>
          {stats.items.length === 0 && <Text className="jg-hint">还没有发送过消息。</Text>}
          {stats.items.map((row) => {
            const total = row.sent + row.skipped + row.failed + row.pending
            return (
              <View key={`${row.channel}-${row.templateKey}`} id={`delivery-row-${row.channel}-${row.templateKey}`} className="delivery-row">
                <Text className="delivery-row-label">
                  {CHANNEL_NAMES[row.channel] ?? row.channel} · {TEMPLATE_NAMES[row.templateKey] ?? row.templateKey}（共{total}条）
                </Text>
                <View className="delivery-bar-track">
                  {PARTS.map((p) =>
                    row[p.key] > 0 ? (
                      <View
                        key={p.key}
                        className={`delivery-bar ${p.className}`}
                        style={{ width: `${(row[p.key] / max) * 100}%` }}
                      />
                    ) : null,
                  )}
                </View>
                <Text className="jg-hint">
                  {PARTS.map((p) => `${p.label}${row[p.key]}`).join('，')}
                </Text>
              </View>
            )
          })}
        </View>
      )}
      <View id="delivery-failures" className="jg-card">
        <Text className="jg-subtitle">发送失败（{failureTotal}条）</Text>
        {failures.length === 0 && <Text className="jg-hint">没有失败的消息。</Text>}
        {failures.map((f) => (
          <View key={f.id} id={`delivery-failure-${f.id}`} className="delivery-failure">
            <Text className="delivery-failure-title">
              {CHANNEL_NAMES[f.channel] ?? f.channel} · {TEMPLATE_NAMES[f.templateKey] ?? f.templateKey} · 尝试{f.attempts}次 ·{' '}
              {shanghai(f.updatedAt)}
            </Text>
            <Text className="delivery-failure-error">{f.lastError ?? '无错误信息'}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
