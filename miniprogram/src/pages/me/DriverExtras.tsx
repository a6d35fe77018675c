// 我的, beside identity: the bound vehicles (to the inquiry page), 消息订阅 (the grants the server
// holds, the official account and SMS, a button to allow again), 关怀模式 and 关于.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { listVehicles, type Vehicle } from '@/api/inquiries'
import { errorMessage } from '@/api/http'
import { mySubscriptions, reportSubscriptions, type MySubscriptionsResponse, type SubscribeKey } from '@/api/notifications'
import ErrorText from '@/components/ErrorText'
import { useSubmit } from '@/hooks/useSubmit'
import { setCareMode, useCareMode } from '@/services/care-mode'
import { askToSubscribe } from '@/services/subscribe'
import { PAGES, open } from '@/utils/nav'
import './DriverExtras.css'

export const TEMPLATE_NAMES: Partial<Record<SubscribeKey, string>> = {
  accident_progress: '事故处理进度',
  exam_booking: '考试预约结果与提醒',
  consultation_reply: '咨询回复',
}

/** Shown in 关于: the app's version (package.json) and the service line people call. */
export const APP_VERSION = '0.1.0'
export const HOTLINE_TEXT = '交通管理服务热线 12122（24小时）'

/** One template's line in 消息订阅: how many WeChat notices may still be sent, or why none. */
export function grantText(item: Pick<MySubscriptionsResponse['items'][number], 'remaining' | 'accepted' | 'rejected'>): string {
  if (item.remaining > 0) return `可接收 ${item.remaining} 条`
  if (item.accepted > 0) return '已用完，可再次允许'
  if (item.rejected > 0) return '未允许'
  return '未授权'
}

export function Vehicles({ bound }: { bound: boolean }) {
  const [vehicles, setVehicles] = useState<Vehicle[] | null>(null)
  useEffect(() => {
    if (!bound) return
    listVehicles()
      .then((page) => setVehicles(page.items))
      .catch(() => setVehicles(null))
  }, [bound])
  return (
    <View id="me-vehicles" className="jg-card">
      <Text className="jg-subtitle">我的车辆</Text>
      {!bound && <Text className="jg-hint">绑定身份后可以添加本人名下的车辆。</Text>}
      {bound && vehicles?.length === 0 && <Text className="jg-hint">还没有绑定车辆。</Text>}
      {vehicles?.map((v) => (
        <Text key={v.id} id={`me-vehicle-${v.id}`} className="me-plate">
          {v.plate}
        </Text>
      ))}
      <View id="me-vehicles-open" className="me-row" onClick={() => open(PAGES.inquiry)}>
        <Text>{vehicles?.length ? '查看车辆和违法记录' : '去添加车辆'}</Text>
        <Text className="me-row-go">›</Text>
      </View>
    </View>
  )
}

/** 消息订阅: the grants the server holds for this driver, the other ways notices reach them, and a
 * button to allow again (WeChat's dialog; in the browser the fake path records an accept). */
export function Subscriptions() {
  const [data, setData] = useState<MySubscriptionsResponse | null>(null)
  const [error, setError] = useState('')
  const weapp = process.env.TARO_ENV === 'weapp'
  const keys = Object.keys(TEMPLATE_NAMES) as SubscribeKey[]
  const load = async () => {
    try {
      setData(await mySubscriptions())
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  useEffect(() => {
    void load()
  }, [])
  const again = useSubmit(async () => {
    // WeChat shows its dialog only inside the tap; the browser has none, so it records what a
    // driver allowing every notice would send (the fake WeChat sends whatever is granted).
    if (weapp) await askToSubscribe(keys)
    else await reportSubscriptions(Object.fromEntries(keys.map((k) => [k, 'accept' as const])))
    await load()
  })
  // Read defensively: a reply of another shape (an older server) must not take 我的 down.
  const items = (Array.isArray(data?.items) ? data.items : []).filter((i) => TEMPLATE_NAMES[i.templateKey as SubscribeKey])
  return (
    <View id="me-subscriptions" className="jg-card">
      <Text className="jg-subtitle">消息订阅</Text>
      <ErrorText id="me-subscriptions-error" message={error || again.error} />
      {!data && !error && <Text className="jg-hint">正在加载…</Text>}
      {items.map((item) => (
        <View key={item.templateKey} id={`me-sub-${item.templateKey}`} className="me-row">
          <Text>{TEMPLATE_NAMES[item.templateKey as SubscribeKey]}</Text>
          <Text className={item.remaining > 0 ? 'me-sub-on' : 'jg-hint'}>{grantText(item)}</Text>
        </View>
      ))}
      {data?.officialAccount?.configured && (
        <Text id="me-sub-follow" className="jg-hint">
          {data.officialAccount.following ? '已关注交管服务公众号：没有可用次数时，通知改由公众号发送。' : '未关注交管服务公众号。'}
        </Text>
      )}
      {data?.sms?.configured && (
        <Text id="me-sub-sms" className="jg-hint">
          {data.sms.phone ? `考试结果、事故处理结果等重要通知，微信无法送达时发短信到 ${data.sms.phone}。` : '没有登记手机号：微信无法送达的重要通知只能在“消息”页查看。'}
        </Text>
      )}
      <Text className="jg-hint">每次允许可收到一条微信通知；不论是否允许，“消息”页都能看到全部通知。</Text>
      {!weapp && (
        <Text id="me-sub-browser" className="jg-hint">
          浏览器中无法弹出微信授权，点击下方按钮按“允许”记录（模拟）。
        </Text>
      )}
      <Button id="me-subscribe-again" className="jg-button" size="large" disabled={again.busy} onClick={() => void again.run()}>
        允许接收通知
      </Button>
    </View>
  )
}

/** 关怀模式: larger text and controls on every page, kept on this phone. */
export function CareMode() {
  const on = useCareMode()
  return (
    <View id="me-care" className="jg-card">
      <View className="me-row">
        <Text className="jg-subtitle me-care-title">关怀模式</Text>
        <Text id="me-care-state" className={on ? 'me-sub-on' : 'jg-hint'}>
          {on ? '已开启' : '未开启'}
        </Text>
      </View>
      <Text className="jg-hint">开启后，所有页面的文字和按钮放大显示，设置保存在本机。</Text>
      <Button id="me-care-toggle" className="jg-button" type={on ? 'default' : 'primary'} size="large" onClick={() => setCareMode(!on)}>
        {on ? '关闭关怀模式' : '开启关怀模式'}
      </Button>
    </View>
  )
}

export function About() {
  return (
    <View id="me-about" className="jg-card">
      <Text className="jg-subtitle">关于</Text>
      <Text id="me-version" className="jg-hint">
        交管服务 版本 {APP_VERSION}
      </Text>
      <Text id="me-hotline" className="jg-hint">
        {HOTLINE_TEXT}
      </Text>
    </View>
  )
}
