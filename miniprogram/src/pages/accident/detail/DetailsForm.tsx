// Step 双方: the party's own vehicle and driver, prefilled from the bound identity (name) and the bound
// vehicles (a tap on a plate fills it in), kept on the phone as typed; then the other party: the
// invitation while they have not joined, what they have filled in once they have.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import PlateInput from '@/components/PlateInput'
import InsurerPicker from '@/components/InsurerPicker'
import { saveMyDetails, type AccidentCase, type InviteQr, type Party, type PartyDetails } from '@/api/accidents'
import { getMe } from '@/api/me'
import { listVehicles } from '@/api/inquiries'
import { useSubmit } from '@/hooks/useSubmit'
import { plateError } from '@/utils/plate'
import { stepDone } from '../steps'
import InviteCard from './InviteCard'

interface DetailsFormProps {
  c: AccidentCase
  initial: Party
  qr: InviteQr | null
  onSaved: (c: AccidentCase) => void
  onNext: () => void
  onBack: () => void
}

const draftKey = (caseId: number) => `jg.accident.details.${caseId}`

function startingForm(caseId: number, p: Party): PartyDetails {
  const fromServer: PartyDetails = {
    plate: p.plate ?? '',
    driverName: p.driverName ?? '',
    licenceNumber: p.licenceNumber ?? '',
    phone: p.phone ?? '',
    insurer: p.insurer ?? '',
    policyNumber: p.policyNumber ?? '',
    collisionPart: p.collisionPart ?? '',
  }
  // What was typed and not yet saved comes back after leaving the page.
  const kept: unknown = Taro.getStorageSync(draftKey(caseId))
  if (!kept || typeof kept !== 'object') return fromServer
  const out = { ...fromServer }
  for (const k of Object.keys(fromServer) as (keyof PartyDetails)[]) {
    const v = (kept as Record<string, unknown>)[k]
    if (typeof v === 'string') out[k] = v
  }
  return out
}

export default function DetailsForm({ c, initial, qr, onSaved, onNext, onBack }: DetailsFormProps) {
  const [form, setFormState] = useState<PartyDetails>(() => startingForm(c.id, initial))
  const [plates, setPlates] = useState<string[]>([])
  const [nameOnRecord, setNameOnRecord] = useState('')
  const setForm = (update: (f: PartyDetails) => PartyDetails) =>
    setFormState((f) => {
      const next = update(f)
      Taro.setStorageSync(draftKey(c.id), next)
      return next
    })

  // Prefill from what the driver has bound: the name on record, the plates (one fills itself in).
  useEffect(() => {
    getMe()
      .then((me) => {
        const name = 'identity' in me && me.identity.bound ? me.identity.name ?? '' : ''
        setNameOnRecord(name)
        if (name) setForm((f) => (f.driverName ? f : { ...f, driverName: name }))
      })
      .catch(() => undefined)
    listVehicles()
      .then((page) => {
        const list = page.items.map((v) => v.plate)
        setPlates(list)
        if (list.length === 1) setForm((f) => (f.plate ? f : { ...f, plate: list[0] }))
      })
      .catch(() => undefined)
  }, [])

  const save = useSubmit(async () => {
    const body: PartyDetails = { ...form, licenceNumber: form.licenceNumber.trim().toUpperCase() }
    if (!body.policyNumber) delete body.policyNumber
    if (!body.collisionPart) delete body.collisionPart
    const saved = await saveMyDetails(c.id, body)
    Taro.removeStorageSync(draftKey(c.id))
    onSaved(saved)
    if (stepDone(saved, 'parties')) onNext()
  })
  const onSave = () => {
    const plateProblem = plateError(form.plate)
    if (plateProblem) save.setError(plateProblem)
    else void save.run()
  }

  const field = (key: keyof PartyDetails, label: string, placeholder: string, type: 'text' | 'number' | 'idcard' = 'text', hint?: string) => (
    <Field label={label} hint={hint}>
      <Input
        id={`details-${key}`}
        className="jg-input"
        type={type}
        placeholder={placeholder}
        value={form[key] ?? ''}
        onInput={(e) => setForm((f) => ({ ...f, [key]: e.detail.value }))}
      />
    </Field>
  )

  const other = c.parties.find((p) => p.role !== c.myRole)
  const waitingForOther = c.vehicleCount === 2 && !other

  return (
    <View id="case-parties-step">
      <Text className="jg-step-screen-title">双方车辆和驾驶人</Text>
      <View className="jg-card" id="case-details">
        <Text className="jg-subtitle">我方（本车）{initial.complete ? '（已保存）' : ''}</Text>
        <Field label="车牌号（点省份可更换）">
          <PlateInput id="details-plate" value={form.plate} onChange={(plate) => setForm((f) => ({ ...f, plate }))} />
        </Field>
        {plates.length > 0 && (
          <View className="jg-row jg-wrap" id="details-bound-plates">
            <Text className="jg-hint">已绑定的车辆：</Text>
            {plates.map((p) => (
              <Text key={p} className={`jg-choice jg-chip ${form.plate === p ? 'jg-choice-on' : ''}`} onClick={() => setForm((f) => ({ ...f, plate: p }))}>
                {p}
              </Text>
            ))}
          </View>
        )}
        {field('driverName', '驾驶人姓名', '与驾驶证一致', 'text', nameOnRecord && form.driverName === nameOnRecord ? '已按绑定的身份填写' : undefined)}
        {field('licenceNumber', '驾驶证号（即身份证号）', '18位', 'idcard')}
        {field('phone', '手机号码', '11位手机号', 'number')}
        <Field label="保险公司">
          <InsurerPicker id="details-insurer" value={form.insurer ?? ''} onChange={(insurer) => setForm((f) => ({ ...f, insurer }))} />
        </Field>
        {field('policyNumber', '保单号（选填）', '交强险保单号')}
        {field('collisionPart', '碰撞部位（选填）', '如 车头、右后门')}
      </View>

      {c.vehicleCount === 2 && (
        <View className="jg-card" id="case-other-party">
          <Text className="jg-subtitle">对方</Text>
          {other ? (
            <Text id="other-party-state" className="jg-label">
              {other.plate ?? '未填写车牌'} {other.driverName ?? ''} · {other.complete ? '信息已填写' : '正在填写信息…'}
            </Text>
          ) : (
            <Text className="jg-hint">对方还没有加入。请对方在“事故快处”中点“对方已报案，我要加入”，输入下面的邀请码。</Text>
          )}
        </View>
      )}
      {waitingForOther && c.inviteCode && <InviteCard c={c} qr={qr} />}

      <ErrorText id="details-error" message={save.error} />
      {initial.complete && waitingForOther && <Text className="jg-step-missing">信息已保存，等对方加入后即可进入下一步。</Text>}
      <View className="jg-step-actions">
        <Button id="step-back" className="jg-button jg-step-back" size="large" onClick={onBack}>
          上一步
        </Button>
        <Button id="details-save" className="jg-button jg-step-next" type="primary" size="large" loading={save.busy} disabled={save.busy} onClick={onSave}>
          {waitingForOther ? '保存信息' : '保存，下一步'}
        </Button>
      </View>
    </View>
  )
}
