// One accident case for a party, as steps (拍照 → 双方 → 责任 → 核对 → 签字, after 安全 and 问答 on the
// report page), one screen each with one next step; the step is kept on the phone so the page opens
// on it again, unless the case (the server's, the truth) no longer allows it. Once the party has
// signed, the case as the parties see it. A case the other party or the officer may change refreshes itself.
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import StatusTag from '@/components/StatusTag'
import '@/components/accident.css'
import { errorMessage } from '@/api/http'
import { cancelAccident, type AccidentCase } from '@/api/accidents'
import type { CaseAction } from '@jiaoguan/contracts/labels'
import StepBar from '../StepBar'
import '../steps.css'
import { CASE_STEPS, caseMode, clampStep, isCaseStep, mayOpen, missingForSignature, resumeStep, stepDone, type CaseStep } from '../steps'
import { shanghai } from '../labels'
import { useAccidentCase } from './useAccidentCase'
import CaseHeader from './CaseHeader'
import PhotosStep from './PhotosStep'
import DetailsForm from './DetailsForm'
import LiabilityPicker from './LiabilityPicker'
import ReviewStep from './ReviewStep'
import SignStep from './SignStep'
import SubmittedView from './SubmittedView'
import DocumentCard from './DocumentCard'

/** Where the open step of a case is kept on the phone. */
export const stepKey = (id: number) => `jg.accident.step.${id}`

const NEXT_LABEL: Record<CaseStep, string> = {
  photos: '下一步：填写双方信息',
  parties: '下一步：选择事故情形',
  liability: '下一步：核对',
  review: '确认无误，去签字',
  sign: '',
}

export default function AccidentDetailPage() {
  const id = Number(useRouter().params.id)
  const { data: c, error, setError, setData: setCase, reload, qr } = useAccidentCase(id)
  // The step the driver moved to on this page; until then the one kept on the phone. Either is held
  // back to what the case (the server's copy, refreshed while open) allows, in the same render.
  const [chosen, setStep] = useState<CaseStep | null>(null)
  const step = c ? (chosen === null ? resumeStep(c, Taro.getStorageSync(stepKey(id))) : clampStep(c, chosen)) : null
  useEffect(() => {
    if (step) Taro.setStorageSync(stepKey(id), step)
  }, [step, id])

  if (!c || !step) {
    return (
      <PageShell>
        {error ? (
          <View className="jg-card">
            <ErrorText id="case-error" message={error} />
            <Button className="jg-button" size="large" onClick={() => void reload()}>
              重试
            </Button>
          </View>
        ) : (
          <Text className="jg-hint">正在加载…</Text>
        )}
      </PageShell>
    )
  }

  const go = (to: CaseStep) => {
    setStep(to)
    if (typeof Taro.pageScrollTo === 'function') void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined)
  }
  const at = CASE_STEPS.indexOf(step)
  const back = () => (at > 0 ? go(CASE_STEPS[at - 1]) : void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/pages/accident/index' })))
  const next = () => at + 1 < CASE_STEPS.length && go(CASE_STEPS[at + 1])
  const may = (action: CaseAction) => c.actions.includes(action)
  const me = c.parties.find((p) => p.role === c.myRole)
  const showError = (err: unknown) => setError(errorMessage(err))

  if (caseMode(c) === 'submitted') {
    return (
      <PageShell>
        <CaseHeader c={c} error={error} />
        {c.document && <DocumentCard c={c} document={c.document} onError={showError} />}
        <SubmittedView c={c} />
        {may('CANCEL') && <CancelButton c={c} onCancelled={setCase} onError={showError} />}
      </PageShell>
    )
  }

  const done = stepDone(c, step)
  const missing = step === 'review' ? [] : step === 'photos' && !done ? [`还有 ${c.missingSlots.length} 张必拍照片没有上传`] : []
  const actions = (
    <View className="jg-step-actions">
      <Button id="step-back" className="jg-button jg-step-back" size="large" onClick={back}>
        {at === 0 ? '返回' : '上一步'}
      </Button>
      <Button id="step-next" className="jg-button jg-step-next" type="primary" size="large" disabled={!done} onClick={next}>
        {NEXT_LABEL[step]}
      </Button>
    </View>
  )

  return (
    <PageShell>
      <StepBar current={step} canOpen={(s) => isCaseStep(s) && mayOpen(c, s)} onOpen={(s) => isCaseStep(s) && go(s)} />
      <View className="jg-card" id="case-header">
        <View className="jg-row jg-case-line">
          <StatusTag id="case-status" status={c.status} text={c.statusText} />
          <Text className="jg-hint">
            {shanghai(c.occurredAt)} · 编号 {c.caseNumber}
          </Text>
        </View>
        {c.status === 'RETURNED' && c.decision?.note && (
          <Text id="case-return-note" className="jg-error">
            民警退回：{c.decision.note}。请补充后重新签字提交。
          </Text>
        )}
        {step === 'photos' && c.inviteCode && (
          <Text className="jg-hint">
            请对方输入邀请码 <Text id="invite-code" className="jg-invite-inline">{c.inviteCode}</Text> 加入，拍照的同时对方就可以加入。
          </Text>
        )}
        <ErrorText id="case-error" message={error} />
      </View>

      {step === 'photos' && (
        <>
          <PhotosStep c={c} onChanged={() => void reload()} />
          {missing.map((m) => (
            <Text key={m} className="jg-step-missing">
              {m}
            </Text>
          ))}
          {actions}
        </>
      )}
      {step === 'parties' && me && <DetailsForm c={c} initial={me} qr={qr} onSaved={setCase} onNext={() => go('liability')} onBack={back} />}
      {step === 'liability' && (
        <>
          <LiabilityPicker c={c} onSaved={setCase} />
          {actions}
        </>
      )}
      {step === 'review' && (
        <>
          <ReviewStep c={c} />
          {actions}
        </>
      )}
      {step === 'sign' && (
        <>
          <SignStep c={c} onAnswered={setCase} />
          <View className="jg-step-actions">
            <Button id="step-back" className="jg-button jg-step-back" size="large" onClick={back}>
              上一步
            </Button>
          </View>
          {missingForSignature(c).map((m) => (
            <Text key={m} className="jg-step-missing">
              {m}
            </Text>
          ))}
        </>
      )}
      {may('CANCEL') && step === 'photos' && <CancelButton c={c} onCancelled={setCase} onError={showError} />}
    </PageShell>
  )
}

function CancelButton({ c, onCancelled, onError }: { c: AccidentCase; onCancelled: (c: AccidentCase) => void; onError: (err: unknown) => void }) {
  const onCancel = async () => {
    const r = await Taro.showModal({ title: '撤销报案', content: '撤销后不能恢复，确定撤销吗？' })
    if (!r.confirm) return
    try {
      onCancelled(await cancelAccident(c.id))
    } catch (err) {
      onError(err)
    }
  }
  return (
    <Button id="case-cancel" className="jg-button jg-cancel" size="large" onClick={() => void onCancel()}>
      撤销报案
    </Button>
  )
}


