// Reporting an accident, the first two of the seven steps: safety, then the questions (each asked so
// that 没有 is the safe answer; any 有 → a stop screen with 拨打122 and 返回修改) and the place and time.
// What was answered is kept on the phone as it goes, so leaving and coming back returns to the same screen.
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import '@/components/accident.css'
import { ApiError } from '@/api/http'
import { reportAccident } from '@/api/accidents'
import { useSubmit } from '@/hooks/useSubmit'
import { QUESTIONS, WEATHERS } from '../labels'
import StepBar from '../StepBar'
import { afterAnswer, eligibilityFrom, reportStep, restoreDraft, type ReportDraft } from '../steps'
import '../steps.css'
import { askToSubscribe, preloadSubscribeTemplates } from '@/services/subscribe'

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


/** Where the report in progress is kept on the phone until the case exists. */
export const DRAFT_KEY = 'jg.accident.draft'

const readDraft = (): ReportDraft => restoreDraft(Taro.getStorageSync(DRAFT_KEY), QUESTIONS.length)

export default function ReportPage() {
  useEffect(() => {
    void preloadSubscribeTemplates()
  }, [])
  const [draft, setDraftState] = useState<ReportDraft>(readDraft)
  const [stop, setStop] = useState<string | null>(null)
  const [coords, setCoords] = useState<{ latitude: number; longitude: number } | null>(null)
  const [locationError, setLocationError] = useState('')
  const web = Taro.getEnv() === Taro.ENV_TYPE.WEB
  const asked = useRef(false)

  const setDraft = (next: ReportDraft) => {
    setDraftState(next)
    Taro.setStorageSync(DRAFT_KEY, next)
  }
  const patch = (p: Partial<ReportDraft>) => setDraft({ ...draft, ...p })

  // In WeChat the place is located once the place screen shows (also when the page reopens on it).
  useEffect(() => {
    if (draft.screen !== 'place' || web || asked.current) return
    asked.current = true
    Taro.getLocation({ type: 'gcj02' })
      .then((loc) => setCoords({ latitude: loc.latitude, longitude: loc.longitude }))
      .catch(() => setLocationError('没有取得定位，请填写事故地点并选择所在大队'))
  }, [draft.screen])

  const answer = (index: number, problem: boolean) => {
    const r = afterAnswer(QUESTIONS, draft, index, problem)
    setDraft(r.draft)
    setStop(r.stop)
  }
  const back = () => {
    setStop(null)
    if (draft.screen === 'place') patch({ screen: 'questions', question: QUESTIONS.length - 1 })
    else if (draft.screen === 'questions' && draft.question > 0) patch({ question: draft.question - 1 })
    else if (draft.screen === 'questions') patch({ screen: 'safety', question: 0 })
    else void Taro.navigateBack().catch(() => undefined)
  }

  const report = useSubmit(async () => {
    try {
      const created = await reportAccident({
        occurredAt: new Date().toISOString(),
        location: { ...(coords ?? {}), address: draft.address.trim() },
        vehicleCount: draft.vehicles,
        weather: draft.weather,
        ...(draft.unit ? { unit: draft.unit } : {}),
        eligibility: eligibilityFrom(QUESTIONS, draft.answers, draft.unit === 'expressway'),
      })
      Taro.removeStorageSync(DRAFT_KEY)
      void Taro.redirectTo({ url: `/pages/accident/detail/index?id=${created.id}` })
    } catch (err) {
      // The server's own eligibility rules (hours, area) end the flow like a question does.
      if (err instanceof ApiError && err.code === 'NOT_ELIGIBLE') setStop(err.message)
      else throw err
    }
  })

  const submit = () => {
    // Inside the tap: WeChat shows its "allow messages" dialog only then; never blocks the report.
    void askToSubscribe(['accident_progress'])
    setLocationError('')
    if (draft.address.trim().length < 2) report.setError('请填写事故地点，如：善国北路与荆河路交叉口')
    else if (!coords && !draft.unit) report.setError('没有定位，请选择事故所在的大队')
    else void report.run()
  }

  const backButton = (label: string) => (
    <Button id="step-back" className="jg-button jg-step-back" size="large" onClick={back}>
      {label}
    </Button>
  )

  return (
    <PageShell>
      <StepBar current={reportStep(draft.screen)} />
      {stop !== null ? (
        <View className="jg-card" id="accident-stop">
          <Text className="jg-step-screen-title">不能在线快处</Text>
          <Text id="accident-stop-reason" className="jg-error">
            {stop}
          </Text>
          <Text className="jg-hint">民警会告诉您下一步怎么做。如果刚才选错了，可以返回修改。</Text>
          <Button id="stop-call" className="jg-button" type="primary" size="large" onClick={callPolice}>
            拨打122
          </Button>
          <Button id="stop-back" className="jg-button" size="large" onClick={() => setStop(null)}>
            返回修改
          </Button>
        </View>
      ) : draft.screen === 'safety' ? (
        <View className="jg-card" id="accident-safety">
          <Text className="jg-step-screen-title">先保证安全</Text>
          <Text className="jg-label">1. 打开危险报警闪光灯</Text>
          <Text className="jg-label">2. 在车后50至100米放置警告标志（高速公路150米以外）</Text>
          <Text className="jg-label">3. 人员撤到路边或护栏外，不要站在车道上</Text>
          <View className="jg-step-actions">
            {backButton('返回')}
            <Button id="accident-safe" className="jg-button jg-step-next" type="primary" size="large" onClick={() => patch({ screen: 'questions', question: 0 })}>
              已做好，下一步
            </Button>
          </View>
        </View>
      ) : draft.screen === 'questions' ? (
        <View className="jg-card" id="accident-question">
          <Text className="jg-hint">
            第 {draft.question + 1} / {QUESTIONS.length} 题 · 请如实回答，有一项“有”就需要报警处理
          </Text>
          <Text className="jg-step-screen-title">{QUESTIONS[draft.question].text}</Text>
          <View className="jg-answer-row">
            <Button id="answer-no" className="jg-button" type="primary" size="large" onClick={() => answer(draft.question, false)}>
              没有
            </Button>
            <Button id="answer-yes" className="jg-button" size="large" onClick={() => answer(draft.question, true)}>
              有
            </Button>
          </View>
          <View className="jg-step-actions">{backButton(draft.question > 0 ? '上一题' : '上一步')}</View>
        </View>
      ) : (
        <View className="jg-card" id="accident-place">
          <Text className="jg-step-screen-title">事故地点和时间</Text>
          <Text className="jg-hint">时间：现在（{new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' })}）</Text>
          <Field label="事故地点" hint={web ? '浏览器中无法定位，请填写地点并选择所在大队。' : coords ? '已取得定位' : undefined}>
            <Input
              id="accident-address"
              className="jg-input"
              placeholder="路名、路口或门牌号"
              maxlength={100}
              value={draft.address}
              onInput={(e) => patch({ address: e.detail.value })}
            />
          </Field>
          <Field label="所在大队">
            <View className="jg-row jg-wrap">
              {UNITS.filter((u) => u.code || coords).map((u) => (
                <Text
                  key={u.code || 'auto'}
                  id={`unit-${u.code || 'auto'}`}
                  className={`jg-choice jg-chip ${draft.unit === u.code ? 'jg-choice-on' : ''}`}
                  onClick={() => patch({ unit: u.code })}
                >
                  {u.name}
                </Text>
              ))}
            </View>
          </Field>
          <Field label="天气">
            <View className="jg-row jg-wrap">
              {WEATHERS.map((w) => (
                <Text key={w} className={`jg-choice jg-chip ${draft.weather === w ? 'jg-choice-on' : ''}`} onClick={() => patch({ weather: w })}>
                  {w}
                </Text>
              ))}
            </View>
          </Field>
          <Field label="涉及车辆">
            <View className="jg-row">
              <Text id="vehicles-2" className={`jg-choice jg-chip ${draft.vehicles === 2 ? 'jg-choice-on' : ''}`} onClick={() => patch({ vehicles: 2 })}>
                两辆车
              </Text>
              <Text id="vehicles-1" className={`jg-choice jg-chip ${draft.vehicles === 1 ? 'jg-choice-on' : ''}`} onClick={() => patch({ vehicles: 1 })}>
                只有我的车
              </Text>
            </View>
          </Field>
          <ErrorText id="accident-report-error" message={report.error || locationError} />
          <View className="jg-step-actions">
            {backButton('上一步')}
            <Button id="accident-submit" className="jg-button jg-step-next" type="primary" size="large" loading={report.busy} disabled={report.busy} onClick={submit}>
              开始报案，下一步拍照
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  )
}
