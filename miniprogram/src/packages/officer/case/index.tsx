// Officer case review: photos, both parties, scenario, signatures and timeline; confirm, return or transfer.
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import StatusTag from '@/components/StatusTag'
import CaseTimeline from '@/components/CaseTimeline'
import PartyList from '@/components/PartyList'
import '@/components/accident.css'
import './index.css'
import { PAGES } from '@/utils/nav'
import HandOver from './HandOver'
import { errorMessage } from '@/api/http'
import { decide, officerCase, officerQueue, openAgreement, photoSrc, type AccidentCase, type LiabilityLevel, type Photo } from '@/api/accidents'
import { useSubmit } from '@/hooks/useSubmit'
import { SLOT_TITLES, shanghai } from '@/pages/accident/labels'
import { hasDrawing, scenarioUrl } from '@/pages/accident/scenario-drawings'
import { LIABILITY_COUNTERPARTS, LIABILITY_LEVELS } from '@jiaoguan/contracts/labels'
import { formatDocumentCode } from '@jiaoguan/contracts/document-code'


type Mode = 'none' | 'confirm' | 'return' | 'transfer'

export default function OfficerCasePage() {
  const id = Number(useRouter().params.id)
  const [c, setCase] = useState<AccidentCase | null>(null)
  const [loadError, setLoadError] = useState('')
  const [mode, setMode] = useState<Mode>('none')
  const [note, setNote] = useState('')
  const [levelA, setLevelA] = useState<LiabilityLevel | null>(null)
  const [zoom, setZoom] = useState<{ src: string; signature: boolean } | null>(null)

  useEffect(() => {
    officerCase(id)
      .then(setCase)
      .catch((err: unknown) => setLoadError(errorMessage(err)))
  }, [id])

  // Once the case is shown, checks, the decision and the download share the page's one error line.
  const decision = useSubmit(async (c: AccidentCase) => {
    const liability = levelA ? (c.vehicleCount === 2 ? { A: levelA, B: LIABILITY_COUNTERPARTS[levelA] } : { A: levelA }) : undefined
    const kind = mode === 'confirm' ? 'CONFIRM' : mode === 'return' ? 'RETURN' : 'TRANSFER'
    setCase(await decide(c.id, { decision: kind, note: note.trim() || undefined, liability }))
    setMode('none')
    void Taro.showToast({ title: '已处理', icon: 'success' })
  })

  const submit = () => {
    if (!c) return
    if (mode === 'return' && !note.trim()) {
      decision.setError('请填写退回的原因，当事人会看到')
      return
    }
    if (mode === 'confirm' && c.disputed && !levelA) {
      decision.setError('双方有争议，请确定甲方的责任')
      return
    }
    void decision.run(c)
  }

  // Browser build: keyboard shortcuts for the review (C confirm, R return, N next case, Esc closes).
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined)
  keys.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null
    if (target && /INPUT|TEXTAREA/.test(target.tagName)) return
    const key = e.key.toLowerCase()
    if (key === 'escape') setZoom(null)
    else if (key === 'c' && c?.actions.includes('CONFIRM')) setMode('confirm')
    else if (key === 'r' && c?.actions.includes('RETURN')) setMode('return')
    else if (key === 'n') void nextCase()
  }
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const onKey = (e: KeyboardEvent) => keys.current(e)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const nextCase = async () => {
    try {
      const queue = await officerQueue()
      const next = queue.items.find((item) => item.id !== id)
      if (next) void Taro.redirectTo({ url: `${PAGES.officerCase}?id=${next.id}` })
      else void Taro.showToast({ title: '没有其他待审核的事故了', icon: 'none' })
    } catch (err) {
      decision.setError(errorMessage(err))
    }
  }

  const open = (src: string, signature: boolean) => {
    if (process.env.TARO_ENV === 'h5') setZoom({ src, signature })
    else void Taro.previewImage({ urls: [src], current: src })
  }

  if (!c) {
    return <PageShell>{loadError ? <ErrorText id="officer-case-error" message={loadError} /> : <Text className="jg-hint">正在加载…</Text>}</PageShell>
  }

  return (
    <PageShell className="jg-review-page">
      <View className="jg-review">
      <View className="jg-review-main">
      <View className="jg-card" id="officer-case">
        <StatusTag id="officer-case-status" status={c.status} text={c.statusText} />
        {c.disputed && <Text className="jg-tag jg-tag-warn">有争议</Text>}
        <Text className="jg-subtitle">{c.location.address}</Text>
        <Text className="jg-hint">
          {shanghai(c.occurredAt)} · {c.weather ?? ''} · 编号 {c.caseNumber}
        </Text>
        {c.events.some((e) => e.textCheck) && (
          <Text id="officer-text-check" className="jg-error">
            当事人填写的文字未通过自动审核，请核对事故地点、保险公司、车辆类型和碰撞部位是否妥当（见处理经过中标注的步骤）。
          </Text>
        )}
        <Text className="jg-label">
          事故情形：{c.scenarioName ?? '未选择'}
          {c.liability ? `（甲方${c.liability.A ?? ''}责任${c.liability.B ? `，乙方${c.liability.B}责任` : ''}）` : ''}
        </Text>
        {c.scenario && hasDrawing(c.scenario) && (
          // The drawing the parties chose from: the officer checks the same picture against the photos.
          <Image id="officer-scenario-drawing" className="jg-review-scenario" src={scenarioUrl(c.scenario)} mode="aspectFit" />
        )}
      </View>

      <PartyList id="officer-parties" title="当事人" c={c} view="officer" />

      <View className="jg-card" id="officer-photos">
        <Text className="jg-subtitle">照片和签名（{c.photos.length}）</Text>
        <View className="jg-photo-strip">
          {c.photos.map((p) => (
            <CasePhoto key={p.id} photo={p} onOpen={open} />
          ))}
        </View>
      </View>

      <CaseTimeline id="officer-timeline" title="处理经过" events={c.events} showTextCheck />
      </View>
      <View className="jg-review-side">

      {c.actions.includes('CONFIRM') && (
        <View className="jg-card" id="officer-decision">
          <Text className="jg-subtitle">审核决定</Text>
          {process.env.TARO_ENV === 'h5' && <Text className="jg-hint jg-shortcuts">快捷键：C 确认 · R 退回补充 · N 下一件</Text>}
          <View className="jg-row">
            <Button id="decide-confirm" className="jg-button" type={mode === 'confirm' ? 'primary' : 'default'} size="large" onClick={() => setMode('confirm')}>
              确认
            </Button>
            <Button id="decide-return" className="jg-button" type={mode === 'return' ? 'primary' : 'default'} size="large" onClick={() => setMode('return')}>
              退回补充
            </Button>
            <Button id="decide-transfer" className="jg-button" type={mode === 'transfer' ? 'primary' : 'default'} size="large" onClick={() => setMode('transfer')}>
              转现场处理
            </Button>
          </View>
          {mode === 'confirm' && (
            <Field
              label={c.disputed ? '认定甲方责任（必选，乙方自动对应）' : '如需改定责任，选择甲方责任（可不选）'}
              hint={levelA && c.vehicleCount === 2 ? `乙方：${LIABILITY_COUNTERPARTS[levelA]}责任` : undefined}
            >
              <View className="jg-row">
                {LIABILITY_LEVELS.map((l) => (
                  <Text key={l} id={`level-${l}`} className={`jg-choice ${levelA === l ? 'jg-choice-on' : ''}`} onClick={() => setLevelA(levelA === l ? null : l)}>
                    {l}
                  </Text>
                ))}
              </View>
            </Field>
          )}
          {mode !== 'none' && (
            <Field label={mode === 'return' ? '退回原因（必填）' : '备注（选填）'}>
              <Input id="decision-note" className="jg-input" maxlength={200} value={note} onInput={(e) => setNote(e.detail.value)} />
              <Button id="decision-submit" className="jg-button" type="primary" size="large" loading={decision.busy} disabled={decision.busy} onClick={submit}>
                提交
              </Button>
            </Field>
          )}
        </View>
      )}

      {c.actions.includes('HAND_OVER') && <HandOver c={c} />}

      {c.document && (
        <View className="jg-card">
          <Text className="jg-subtitle">{c.document.title}</Text>
          <Text className="jg-hint">
            文书编号 {c.document.number} · 校验码 {formatDocumentCode(c.document.verificationCode ?? '')}
          </Text>
          <Button className="jg-button" size="large" onClick={() => openAgreement(c.id, `${c.document!.number}.pdf`).catch((err: unknown) => decision.setError(errorMessage(err)))}>
            下载文书
          </Button>
        </View>
      )}
      <ErrorText id="officer-case-error" message={decision.error} />
      <Button id="next-case" className="jg-button" size="large" onClick={() => void nextCase()}>
        下一件待审核
      </Button>
      </View>
      </View>
      {zoom && (
        <View id="photo-zoom" className={`jg-zoom ${zoom.signature ? 'jg-zoom-signature' : ''}`} onClick={() => setZoom(null)}>
          <Image className="jg-zoom-img" src={zoom.src} mode="aspectFit" />
          <Text className="jg-zoom-close">点击任意处关闭（Esc）</Text>
        </View>
      )}
    </PageShell>
  )
}

function CasePhoto({ photo, onOpen }: { photo: Photo; onOpen: (src: string, signature: boolean) => void }) {
  const [src, setSrc] = useState('')
  useEffect(() => {
    photoSrc(photo.url)
      .then(setSrc)
      .catch(() => setSrc(''))
  }, [photo.url])
  const signature = photo.slot === 'SIGNATURE'
  const who = photo.uploadedBy === 'B' ? '乙方' : '甲方'
  // The frame keeps the photo's own aspect ratio so the whole picture shows; a signature (a
  // transparent PNG) is drawn on white so its ink can be seen.
  const ratio = photo.width > 0 && photo.height > 0 ? `${photo.width} / ${photo.height}` : undefined
  return (
    <View className={`jg-photo-item ${signature ? 'jg-photo-signature' : ''}`} data-slot={photo.slot}>
      <Text className="jg-label">
        {signature ? `${who}签名` : SLOT_TITLES[photo.slot]}（{who}上传）
      </Text>
      <View className="jg-photo-frame" style={ratio ? { aspectRatio: ratio } : undefined} onClick={() => src && onOpen(src, signature)}>
        {src ? <Image className="jg-photo-img" src={src} mode="aspectFit" /> : <Text className="jg-hint">正在加载照片…</Text>}
      </View>
      <Text className="jg-photo-meta">
        {photo.width}×{photo.height}
        {photo.capturedAt ? ` · 拍摄于 ${shanghai(photo.capturedAt)}` : ''}
      </Text>
      <Text className="jg-photo-hash" selectable>
        SHA-256 {photo.sha256}
      </Text>
    </View>
  )
}
