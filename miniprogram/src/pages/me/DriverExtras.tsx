// 我的 for a driver, beside identity: the bound vehicles (to the inquiry page), which message
// templates were allowed on this phone (and, in WeChat, a button to ask again), and 关于.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { listVehicles, type Vehicle } from '@/api/inquiries'
import type { SubscribeAnswer, SubscribeKey } from '@/api/notifications'
import { askToSubscribe, lastAnswers } from '@/services/subscribe'
import { PAGES, open } from '@/utils/nav'
import './DriverExtras.css'

export const TEMPLATE_NAMES: Record<SubscribeKey, string> = {
  accident_progress: '事故处理进度',
  exam_booking: '考试预约结果与提醒',
  consultation_reply: '咨询回复',
  traffic_reminder: '违法、年检和证件提醒',
}

/** Shown in 关于: the app's version (package.json) and the service line people call. */
export const APP_VERSION = '0.1.0'
export const HOTLINE_TEXT = '交通管理服务热线 12122（24小时）'

export function answerText(answer: SubscribeAnswer | undefined): string {
  if (answer === 'accept') return '已允许'
  if (answer === 'reject') return '未允许'
  return '未询问'
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

export function Subscriptions() {
  const [answers, setAnswers] = useState(lastAnswers)
  const weapp = Taro.getEnv() === Taro.ENV_TYPE.WEAPP
  const askAgain = async () => {
    await askToSubscribe(Object.keys(TEMPLATE_NAMES) as SubscribeKey[])
    setAnswers(lastAnswers())
  }
  return (
    <View id="me-subscriptions" className="jg-card">
      <Text className="jg-subtitle">消息通知</Text>
      {(Object.keys(TEMPLATE_NAMES) as SubscribeKey[]).map((key) => (
        <View key={key} id={`me-sub-${key}`} className="me-row">
          <Text>{TEMPLATE_NAMES[key]}</Text>
          <Text className={answers[key] === 'accept' ? 'me-sub-on' : 'jg-hint'}>{answerText(answers[key])}</Text>
        </View>
      ))}
      <Text className="jg-hint">每次允许可收到一条微信通知；不论是否允许，“消息”页都能看到全部通知。</Text>
      {weapp && (
        <Button id="me-subscribe-again" className="jg-button" size="large" onClick={() => void askAgain()}>
          重新授权通知
        </Button>
      )}
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
