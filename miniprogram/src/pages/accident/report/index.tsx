// Reporting an accident: safety first, the eligibility questions (any stop → call 122), then place and time.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import '@/components/accident.css'
import { ApiError } from '@/api/http'
import { reportAccident, type Eligibility } from '@/api/accidents'
import { useSubmit } from '@/hooks/useSubmit'
import { QUESTIONS, WEATHERS } from '../labels'
import { askToSubscribe, preloadSubscribeTemplates } from '@/services/subscribe'

type Step = { kind: 'safety' } | { kind: 'question'; index: number } | { kind: 'stop'; reason: string } | { kind: 'place' }

const UNITS = [
  { code: '', name: '按定位自动确定' },
  { code: 'shizhong', name: '市中' },
  { code: 'xuecheng', name: '薛城' },
  { code: 'yicheng', name: '峄城' },
  { code: 'taierzhuang', name: '台儿庄' },
  { code: 'shanting', name: '山亭' },
  { code: 'tengzhou', name: '滕州' },
  { code: 'expressway', name: '高速公路' },
]
const callPolice = () => void Taro.makePhoneCall({ phoneNumber: '122' }).catch(() => undefined)

export default function ReportPage() {
  useEffect(() => {
    void preloadSubscribeTemplates()
  }, [])
  const [step, setStep] = useState<Step>({ kind: 'safety' })
  const [answers, setAnswers] = useState<Partial<Eligibility>>({})
  const [address, setAddress] = useState('')
  const [coords, setCoords] = useState<{ latitude: number; longitude: number } | null>(null)
  const [unit, setUnit] = useState('')
  const [weather, setWeather] = useState('晴')
  const [vehicles, setVehicles] = useState<1 | 2>(2)
  const [locationError, setLocationError] = useState('')
  const web = Taro.getEnv() === Taro.ENV_TYPE.WEB

  const answer = (index: number, yes: boolean) => {
    const q = QUESTIONS[index]
    setAnswers((a) => ({ ...a, [q.key]: yes }))
    if (yes === q.stopOn) {
      setStep({ kind: 'stop', reason: q.stopReason })
      return
    }
    if (index + 1 < QUESTIONS.length) setStep({ kind: 'question', index: index + 1 })
    else {
      setStep({ kind: 'place' })
      if (!web) {
        Taro.getLocation({ type: 'gcj02' })
          .then((loc) => setCoords({ latitude: loc.latitude, longitude: loc.longitude }))
          .catch(() => setLocationError('没有取得定位，请填写事故地点并选择所在大队'))
      }
    }
  }

  const report = useSubmit(async () => {
    try {
      const created = await reportAccident({
        occurredAt: new Date().toISOString(),
        location: { ...(coords ?? {}), address: address.trim() },
        vehicleCount: vehicles,
        weather,
        ...(unit ? { unit } : {}),
        eligibility: {
          injuries: !!answers.injuries,
          impaired: !!answers.impaired,
          dangerousGoods: !!answers.dangerousGoods,
          licencesValid: answers.licencesValid !== false,
          platesValid: answers.platesValid !== false,
          insured: answers.insured !== false,
          vehiclesDrivable: answers.vehiclesDrivable !== false,
          facilitiesDamaged: !!answers.facilitiesDamaged,
          onExpressway: unit === 'expressway',
        },
      })
      void Taro.redirectTo({ url: `/pages/accident/detail/index?id=${created.id}` })
    } catch (err) {
      // The server's own eligibility rules (hours, area) end the flow like a question does.
      if (err instanceof ApiError && err.code === 'NOT_ELIGIBLE') setStep({ kind: 'stop', reason: err.message })
      else throw err
    }
  })

  const submit = () => {
    // Inside the tap: WeChat shows its "allow messages" dialog only then; never blocks the report.
    void askToSubscribe(['accident_progress'])
    setLocationError('')
    if (address.trim().length < 2) report.setError('请填写事故地点，如：善国北路与荆河路交叉口')
    else if (!coords && !unit) report.setError('没有定位，请选择事故所在的大队')
    else void report.run()
  }

  return (
    <PageShell>
      {step.kind === 'safety' && (
        <View className="jg-card" id="accident-safety">
          <Text className="jg-title">先保证安全</Text>
          <Text className="jg-label">1. 打开危险报警闪光灯</Text>
          <Text className="jg-label">2. 在车后50至100米放置警告标志（高速公路150米以外）</Text>
          <Text className="jg-label">3. 人员撤到路边或护栏外，不要站在车道上</Text>
          <Button id="accident-safe" className="jg-button" type="primary" size="large" onClick={() => setStep({ kind: 'question', index: 0 })}>
            已做好，继续
          </Button>
        </View>
      )}
      {step.kind === 'question' && (
        <View className="jg-card" id="accident-question">
          <Text className="jg-hint">
            第 {step.index + 1} / {QUESTIONS.length} 题
          </Text>
          <Text className="jg-title">{QUESTIONS[step.index].text}</Text>
          <View className="jg-row">
            <Button id="answer-yes" className="jg-button" size="large" onClick={() => answer(step.index, true)}>
              是
            </Button>
            <Button id="answer-no" className="jg-button" size="large" onClick={() => answer(step.index, false)}>
              否
            </Button>
          </View>
        </View>
      )}
      {step.kind === 'stop' && (
        <View className="jg-card" id="accident-stop">
          <Text className="jg-title">不能在线快处</Text>
          <Text id="accident-stop-reason" className="jg-error">
            {step.reason}
          </Text>
          <Button className="jg-button" type="primary" size="large" onClick={callPolice}>
            拨打122
          </Button>
        </View>
      )}
      {step.kind === 'place' && (
        <View className="jg-card" id="accident-place">
          <Text className="jg-title">事故地点和时间</Text>
          <Text className="jg-hint">时间：现在（{new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}）</Text>
          <Field label="事故地点" hint={web ? '浏览器中无法定位，请填写地点并选择所在大队。' : coords ? '已取得定位' : undefined}>
            <Input
              id="accident-address"
              className="jg-input"
              placeholder="路名、路口或门牌号"
              maxlength={100}
              value={address}
              onInput={(e) => setAddress(e.detail.value)}
            />
          </Field>
          <Field label="所在大队">
            {UNITS.filter((u) => u.code || coords).map((u) => (
              <Text
                key={u.code || 'auto'}
                id={`unit-${u.code || 'auto'}`}
                className={`jg-choice ${unit === u.code ? 'jg-choice-on' : ''}`}
                onClick={() => setUnit(u.code)}
              >
                {u.name}
              </Text>
            ))}
          </Field>
          <Field label="天气">
            <View className="jg-row">
              {WEATHERS.map((w) => (
                <Text key={w} className={`jg-choice ${weather === w ? 'jg-choice-on' : ''}`} onClick={() => setWeather(w)}>
                  {w}
                </Text>
              ))}
            </View>
          </Field>
          <Field label="涉及车辆">
            <View className="jg-row">
              <Text id="vehicles-2" className={`jg-choice ${vehicles === 2 ? 'jg-choice-on' : ''}`} onClick={() => setVehicles(2)}>
                两辆车
              </Text>
              <Text id="vehicles-1" className={`jg-choice ${vehicles === 1 ? 'jg-choice-on' : ''}`} onClick={() => setVehicles(1)}>
                只有我的车
              </Text>
            </View>
          </Field>
          <ErrorText id="accident-report-error" message={report.error || locationError} />
          <Button id="accident-submit" className="jg-button" type="primary" size="large" loading={report.busy} disabled={report.busy} onClick={submit}>
            开始报案
          </Button>
        </View>
      )}
    </PageShell>
  )
}
