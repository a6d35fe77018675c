// One accident case for a party: invite code, guided photos, details, liability, signature, status and document.
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Image, Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import PhotoSlot from '@/components/PhotoSlot'
import PlateInput from '@/components/PlateInput'
import SignaturePad from '@/components/SignaturePad'
import '@/components/accident.css'
import { errorMessage } from '@/api/http'
import {
  answer,
  cancelAccident,
  getAccident,
  getInviteQr,
  getScenarios,
  openAgreement,
  saveMyDetails,
  setLiability,
  uploadPhoto,
  type AccidentCase,
  type FaultSide,
  type InviteQr,
  type PartyDetails,
  type Scenario,
  type UploadSource,
} from '@/api/accidents'
import { plateError } from '@/utils/plate'
import { ACTOR_TEXT, EVENT_TEXT, SLOT_GUIDES, shanghai, statusTagClass } from '../labels'

const EDITABLE = ['WAITING_FOR_PARTY', 'NEGOTIATING', 'RETURNED']
const ANSWERABLE = ['NEGOTIATING', 'RETURNED']

const NEXT_STEP: Record<string, string> = {
  WAITING_FOR_PARTY: '请对方在“事故快处”中输入下面的邀请码加入。同时可以先拍照。',
  NEGOTIATING: '拍齐照片、填好双方信息、选择事故情形后，双方分别签字确认。',
  PENDING_REVIEW: '已提交，民警一般在30分钟内审核，结果会通过消息通知您。',
  CONFIRMED: '民警已确认。可以下载协议书，并联系保险公司理赔。',
  RETURNED: '民警退回了材料，请按要求补充后重新签字提交。',
  TRANSFERRED: '需要民警现场处理，请在原地等候或拨打122。',
  CANCELLED: '该事故已撤销。',
  EXPIRED: '该事故长时间未完成，已自动关闭。如需处理请重新报案。',
}

export default function AccidentDetailPage() {
  const router = useRouter()
  const id = Number(router.params.id)
  const [c, setCase] = useState<AccidentCase | null>(null)
  const [error, setError] = useState('')
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const [qr, setQr] = useState<InviteQr | null>(null)

  const load = async () => {
    try {
      setCase(await getAccident(id))
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  // While waiting for the other party, check every few seconds so the reporter sees them arrive.
  const watch = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = setInterval(() => void load(), 5000)
  }
  const unwatch = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }
  useDidShow(() => {
    void load()
  })
  useDidHide(unwatch)
  // The QR code of the invitation, fetched once per code; without it the code alone still works.
  useEffect(() => {
    if (c?.inviteCode && qr?.inviteCode !== c.inviteCode) {
      getInviteQr(c.id).then(setQr, () => setQr(null))
    }
  }, [c?.inviteCode])
  useEffect(() => {
    if (c && ['WAITING_FOR_PARTY', 'NEGOTIATING', 'PENDING_REVIEW'].includes(c.status)) watch()
    else unwatch()
    return unwatch
  }, [c?.status])

  if (!c) {
    return (
      <PageShell>
        {error ? (
          <View className="jg-card">
            <ErrorText id="case-error" message={error} />
            <Button className="jg-button" size="large" onClick={() => void load()}>
              重试
            </Button>
          </View>
        ) : (
          <Text className="jg-hint">正在加载…</Text>
        )}
      </PageShell>
    )
  }

  const me = c.parties.find((p) => p.role === c.myRole)
  const editable = EDITABLE.includes(c.status)
  const countOf = (slot: string) => c.photos.filter((p) => p.slot === slot).length

  return (
    <PageShell>
      <View className="jg-card" id="case-header">
        <Text id="case-status" className={statusTagClass(c.status)}>
          {c.statusText}
        </Text>
        <Text className="jg-subtitle">{c.location.address}</Text>
        <Text className="jg-hint">
          {shanghai(c.occurredAt)} · {c.unit.name}大队 · 编号 {c.caseNumber}
        </Text>
        <Text id="case-next" className="jg-label">
          {NEXT_STEP[c.status]}
        </Text>
        {c.status === 'RETURNED' && c.decision?.note && <Text className="jg-error">退回原因：{c.decision.note}</Text>}
        <ErrorText id="case-error" message={error} />
      </View>

      {c.inviteCode && (
        <View className="jg-card" id="case-invite">
          <Text className="jg-subtitle">邀请对方加入</Text>
          <Text id="invite-code" className="jg-code">
            {c.inviteCode}
          </Text>
          {qr && qr.inviteCode === c.inviteCode && (
            <Image id="invite-qr" className="jg-qr" src={qr.image} mode="aspectFit" />
          )}
          <Text className="jg-hint">对方可以输入邀请码，或扫描二维码加入。有效至 {shanghai(c.inviteExpiresAt)}。对方加入后这里会自动更新。</Text>
        </View>
      )}

      {editable && (
        <View id="case-photos">
          <Text className="jg-subtitle">现场照片</Text>
          {SLOT_GUIDES.map((g) => (
            <PhotoSlot key={g.slot} caseId={c.id} guide={g} done={countOf(g.slot)} onUploaded={() => void load()} />
          ))}
        </View>
      )}

      {editable && me && <DetailsForm caseId={c.id} initial={me} onSaved={setCase} />}
      {editable && <LiabilityPicker c={c} onSaved={setCase} />}
      {ANSWERABLE.includes(c.status) && me && me.agreed === null && <AnswerPanel c={c} onAnswered={setCase} />}
      {ANSWERABLE.includes(c.status) && me && me.agreed !== null && (
        <View className="jg-card">
          <Text id="case-answered" className="jg-label">
            您已{me.agreed ? '同意' : '提出争议'}并签字，等待对方确认。
          </Text>
        </View>
      )}

      <Parties c={c} />

      {c.document && (
        <View className="jg-card" id="case-document">
          <Text className="jg-subtitle">{c.document.title}</Text>
          <Text className="jg-hint">文书编号：{c.document.number}</Text>
          <Text className="jg-hint">校验码：{c.document.verificationCode}（保险公司凭此查验真伪）</Text>
          <Button
            id="case-download"
            className="jg-button"
            type="primary"
            size="large"
            onClick={() => openAgreement(c.id, `${c.document!.number}.pdf`).catch((err: unknown) => setError(errorMessage(err)))}
          >
            下载协议书
          </Button>
          {c.claims.map((cl) => (
            <Text key={cl.id} className="jg-hint">
              已转交 {cl.insurer} 理赔{cl.policyNumber ? `（保单 ${cl.policyNumber}）` : ''}，请留意保险公司来电。
            </Text>
          ))}
        </View>
      )}

      <View className="jg-card" id="case-timeline">
        <Text className="jg-subtitle">处理进度</Text>
        {c.events.map((e, i) => (
          <Text key={i} className="jg-timeline-item">
            {shanghai(e.at)} {ACTOR_TEXT[e.actor] ?? ''} {EVENT_TEXT[e.type] ?? e.type}
          </Text>
        ))}
      </View>

      {c.myRole === 'A' && editable && (
        <Button
          id="case-cancel"
          className="jg-button"
          size="large"
          onClick={() =>
            void Taro.showModal({ title: '撤销报案', content: '撤销后不能恢复，确定撤销吗？' }).then(async (r) => {
              if (!r.confirm) return
              try {
                setCase(await cancelAccident(c.id))
              } catch (err) {
                setError(errorMessage(err))
              }
            })
          }
        >
          撤销报案
        </Button>
      )}
    </PageShell>
  )
}

function DetailsForm({ caseId, initial, onSaved }: { caseId: number; initial: AccidentCase['parties'][number]; onSaved: (c: AccidentCase) => void }) {
  const [form, setForm] = useState<PartyDetails>({
    plate: initial.plate ?? '',
    driverName: initial.driverName ?? '',
    licenceNumber: initial.licenceNumber ?? '',
    phone: initial.phone ?? '',
    insurer: initial.insurer ?? '',
    policyNumber: initial.policyNumber ?? '',
    collisionPart: initial.collisionPart ?? '',
  })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [saved, setSaved] = useState(initial.complete)
  const field = (key: keyof PartyDetails, label: string, placeholder: string, type: 'text' | 'number' | 'idcard' = 'text') => (
    <View className="jg-field">
      <Text className="jg-label">{label}</Text>
      <Input
        id={`details-${key}`}
        className="jg-input"
        type={type}
        placeholder={placeholder}
        value={form[key] ?? ''}
        onInput={(e) => {
          setSaved(false)
          setForm((f) => ({ ...f, [key]: e.detail.value }))
        }}
      />
    </View>
  )
  const save = async () => {
    const plateProblem = plateError(form.plate)
    if (plateProblem) {
      setError(plateProblem)
      return
    }
    setBusy(true)
    setError('')
    try {
      const body: PartyDetails = { ...form, licenceNumber: form.licenceNumber.trim().toUpperCase() }
      if (!body.policyNumber) delete body.policyNumber
      if (!body.collisionPart) delete body.collisionPart
      onSaved(await saveMyDetails(caseId, body))
      setSaved(true)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="jg-card" id="case-details">
      <Text className="jg-subtitle">我方车辆和驾驶人{saved ? '（已保存）' : ''}</Text>
      <View className="jg-field">
        <Text className="jg-label">车牌号（点省份可更换）</Text>
        <PlateInput
          id="details-plate"
          value={form.plate}
          onChange={(plate) => {
            setSaved(false)
            setForm((f) => ({ ...f, plate }))
          }}
        />
      </View>
      {field('driverName', '驾驶人姓名', '与驾驶证一致')}
      {field('licenceNumber', '驾驶证号（身份证号）', '18位', 'idcard')}
      {field('phone', '手机号码', '11位手机号', 'number')}
      {field('insurer', '保险公司', '如 中国人保')}
      {field('policyNumber', '保单号（选填）', '交强险保单号')}
      {field('collisionPart', '碰撞部位（选填）', '如 车头、右后门')}
      <ErrorText id="details-error" message={error} />
      <Button id="details-save" className="jg-button" type="primary" size="large" loading={busy} disabled={busy} onClick={() => void save()}>
        保存信息
      </Button>
    </View>
  )
}

function LiabilityPicker({ c, onSaved }: { c: AccidentCase; onSaved: (c: AccidentCase) => void }) {
  const [scenarios, setScenarios] = useState<Scenario[]>([])
  const [error, setError] = useState('')
  useEffect(() => {
    getScenarios()
      .then((s) => setScenarios(s.items))
      .catch((err: unknown) => setError(errorMessage(err)))
  }, [])
  const mine = c.myRole ?? 'A'
  const other = mine === 'A' ? 'B' : 'A'
  const choose = async (scenario: Scenario, who: 'me' | 'other' | 'both') => {
    const atFault: FaultSide = who === 'both' ? 'BOTH' : who === 'me' ? mine : other
    setError('')
    try {
      onSaved(await setLiability(c.id, scenario.code, atFault))
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  const list = c.vehicleCount === 1 ? scenarios.filter((s) => s.split === 'ONE') : scenarios
  return (
    <View className="jg-card" id="case-liability">
      <Text className="jg-subtitle">事故情形和责任</Text>
      {c.scenarioName && c.liability && (
        <Text id="liability-current" className="jg-label">
          当前：{c.scenarioName}，{c.liability[mine]}责任（我方）{c.vehicleCount === 2 ? `，${c.liability[other]}责任（对方）` : ''}
        </Text>
      )}
      <ErrorText id="liability-error" message={error} />
      {list.map((s) => (
        <View key={s.code} id={`scenario-${s.code}`} className={`jg-choice ${c.scenario === s.code ? 'jg-choice-on' : ''}`}>
          <Text className="jg-label">{s.name}</Text>
          <Text className="jg-hint">
            {s.description}。{s.atFault}
          </Text>
          <View className="jg-row">
            {s.split === 'BOTH' ? (
              <Button size="small" onClick={() => void choose(s, 'both')}>
                双方同等
              </Button>
            ) : (
              <>
                <Button id={`scenario-${s.code}-me`} size="small" onClick={() => void choose(s, 'me')}>
                  我方是这一方
                </Button>
                {c.vehicleCount === 2 && (
                  <Button id={`scenario-${s.code}-other`} size="small" onClick={() => void choose(s, 'other')}>
                    对方是这一方
                  </Button>
                )}
              </>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}

function AnswerPanel({ c, onAnswered }: { c: AccidentCase; onAnswered: (c: AccidentCase) => void }) {
  const [agree, setAgree] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const signed = async (png: UploadSource) => {
    setBusy(true)
    setError('')
    try {
      const sig = await uploadPhoto(c.id, 'SIGNATURE', png)
      onAnswered(await answer(c.id, agree === true, sig.id))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="jg-card" id="case-answer">
      <Text className="jg-subtitle">确认并签字</Text>
      {c.missingSlots.length > 0 && <Text className="jg-hint">还需拍照：{c.missingSlots.length} 张必拍照片未上传。</Text>}
      {agree === null ? (
        <View className="jg-row">
          <Button id="answer-agree" className="jg-button" type="primary" size="large" onClick={() => setAgree(true)}>
            同意，签字
          </Button>
          <Button id="answer-dispute" className="jg-button" size="large" onClick={() => setAgree(false)}>
            有争议，请民警定责
          </Button>
        </View>
      ) : (
        <View>
          <Text className="jg-hint">{agree ? '您同意以上事故情形和责任。' : '您对责任有争议，将由民警在线认定。'}</Text>
          <SignaturePad id="signature-pad" busy={busy} onDone={(p) => void signed(p)} />
          <Button className="jg-button" size="large" onClick={() => setAgree(null)}>
            返回
          </Button>
        </View>
      )}
      <ErrorText id="answer-error" message={error} />
    </View>
  )
}

function Parties({ c }: { c: AccidentCase }) {
  return (
    <View className="jg-card" id="case-parties">
      <Text className="jg-subtitle">双方信息</Text>
      {c.parties.map((p) => (
        <View key={p.role} className="jg-field">
          <Text className="jg-label">
            {p.role === 'A' ? '甲方（报案方）' : '乙方'}
            {p.role === c.myRole ? '（我）' : ''}：{p.plate ?? '未填写车牌'} {p.driverName ?? ''}
          </Text>
          <Text className="jg-hint">
            {p.insurer ?? '未填写保险公司'} · {p.agreed === null ? '未签字' : p.agreed ? '已同意并签字' : '有争议'}
          </Text>
        </View>
      ))}
      {c.vehicleCount === 2 && c.parties.length < 2 && <Text className="jg-hint">等待对方加入…</Text>}
    </View>
  )
}
