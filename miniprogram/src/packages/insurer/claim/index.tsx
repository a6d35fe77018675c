// Insurer claim detail (理赔详情): the case (liability, scenario, officer's decision), both parties'
// contact, the evidence photos at their own aspect, the agreement PDF, and the buttons that move the
// claim on (受理 → 定损 → 办结) with a note the party reads.
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import { errorMessage } from '@/api/http'
import { photoSrc } from '@/api/accidents'
import { fetchFile, insurerClaim, setClaimStatus, type InsurerClaimDetail } from '@/api/insurers'
import { useSubmit } from '@/hooks/useSubmit'
import { open, PAGES } from '@/utils/nav'
import { SLOT_LABELS } from '@jiaoguan/contracts/labels'
import { CLAIM_STATUS_LABELS, STEP_BUTTONS, statusTagClass, when } from '../labels'
import '../insurer.css'

type Photo = InsurerClaimDetail['photos'][number]

const ROLE_NAMES = { A: '甲方（报案人）', B: '乙方' } as const

export default function InsurerClaimPage() {
  const id = Number(useRouter().params.id)
  const [claim, setClaim] = useState<InsurerClaimDetail | null>(null)
  const [loadError, setLoadError] = useState('')
  const [note, setNote] = useState('')
  const [fileNote, setFileNote] = useState('')
  const [zoom, setZoom] = useState<string | null>(null)

  useEffect(() => {
    insurerClaim(id)
      .then(setClaim)
      .catch((err: unknown) => setLoadError(errorMessage(err)))
  }, [id])

  const move = useSubmit(async (c: InsurerClaimDetail) => {
    if (!c.next) return
    setClaim(await setClaimStatus(c.id, { status: c.next, note: note.trim() || undefined }))
    setNote('')
    void Taro.showToast({ title: '已更新，已通知当事人', icon: 'none' })
  })
  const agreement = useSubmit(async (c: InsurerClaimDetail) => {
    setFileNote(await fetchFile(c.agreementUrl, `${c.case.documentNumber ?? c.caseNumber}.pdf`, 'pdf'))
  })

  return (
    <StaffHome role="insurer" title="理赔详情">
      <Text id="insurer-back" className="jg-ins-btn" onClick={() => open(PAGES.insurerHome)}>
        ← 返回理赔列表
      </Text>
      <ErrorText id="insurer-claim-error" message={loadError} />
      {!claim && !loadError && <Text className="jg-hint">正在加载…</Text>}
      {claim && (
        <View className="jg-ins-detail" style={{ marginTop: '12px' }}>
          <View className="jg-ins-detail-main">
            <View id="insurer-claim-case" className="jg-card">
              <Text className="jg-subtitle">
                事故 {claim.caseNumber} <Text className={`jg-ins-tag ${statusTagClass(claim.status)}`}>{claim.statusLabel}</Text>
              </Text>
              <View className="jg-ins-facts">
                <Text className="jg-ins-fact-label">事故时间</Text>
                <Text>{when(claim.case.occurredAt)}</Text>
                <Text className="jg-ins-fact-label">事故地点</Text>
                <Text>
                  {claim.case.address}（{claim.case.unit}大队）
                </Text>
                <Text className="jg-ins-fact-label">事故形态</Text>
                <Text>{claim.case.scenarioName ?? '—'}</Text>
                <Text className="jg-ins-fact-label">责任认定</Text>
                <Text id="insurer-claim-liability">
                  甲方 {claim.case.liability?.A ?? '—'}
                  {claim.case.liability?.B ? ` · 乙方 ${claim.case.liability.B}` : ''}
                  {claim.case.decidedByOfficer ? '（民警认定）' : '（双方协商，民警确认）'}
                </Text>
                <Text className="jg-ins-fact-label">民警意见</Text>
                <Text>{claim.case.decisionNote || '—'}</Text>
                <Text className="jg-ins-fact-label">文书</Text>
                <Text>
                  {claim.case.documentTitle} {claim.case.documentNumber ?? ''}
                  {claim.case.verificationCode ? ` · 校验码 ${claim.case.verificationCode}` : ''}
                </Text>
              </View>
              <View className="jg-ins-actions">
                <Text id="insurer-agreement" className="jg-ins-btn" onClick={() => void agreement.run(claim)}>
                  {agreement.busy ? '正在下载…' : `下载${claim.case.documentTitle.includes('认定书') ? '事故认定书' : '协议书'}（PDF）`}
                </Text>
                {fileNote && <Text className="jg-hint">{fileNote}</Text>}
              </View>
              <ErrorText id="insurer-agreement-error" message={agreement.error} />
            </View>

            <View id="insurer-claim-parties" className="jg-card">
              <Text className="jg-subtitle">当事人</Text>
              <View className="jg-ins-parties">
                {claim.parties.map((p) => (
                  <View key={p.role} id={`insurer-party-${p.role}`} className={`jg-ins-party ${p.insured ? 'jg-ins-party-insured' : ''}`}>
                    <Text className="jg-label">
                      {ROLE_NAMES[p.role]}
                      {p.insured ? '（本公司被保险人）' : ''}
                    </Text>
                    <View className="jg-ins-facts">
                      <Text className="jg-ins-fact-label">驾驶人</Text>
                      <Text>{p.driverName ?? '—'}</Text>
                      <Text className="jg-ins-fact-label">联系电话</Text>
                      <Text selectable>{p.phone ?? '—'}</Text>
                      <Text className="jg-ins-fact-label">号牌</Text>
                      <Text>{p.plate ?? '—'}</Text>
                      <Text className="jg-ins-fact-label">驾驶证号</Text>
                      <Text selectable>{p.licenceNumber ?? '—'}</Text>
                      <Text className="jg-ins-fact-label">保险公司</Text>
                      <Text>
                        {p.insurer ?? '—'}
                        {p.policyNumber ? ` · ${p.policyNumber}` : ''}
                      </Text>
                      <Text className="jg-ins-fact-label">碰撞部位</Text>
                      <Text>{p.collisionPart ?? '—'}</Text>
                      <Text className="jg-ins-fact-label">责任</Text>
                      <Text>{p.liability ?? '—'}</Text>
                    </View>
                  </View>
                ))}
              </View>
            </View>

            <View id="insurer-claim-photos" className="jg-card">
              <Text className="jg-subtitle">现场照片（{claim.photos.length}）</Text>
              <View className="jg-ins-photos">
                {claim.photos.map((p) => (
                  <ClaimPhoto key={p.id} photo={p} onOpen={setZoom} />
                ))}
              </View>
            </View>
          </View>

          <View className="jg-ins-detail-side">
            <View id="insurer-claim-status" className="jg-card">
              <Text className="jg-subtitle">理赔进度</Text>
              <View className="jg-ins-steps">
                <Text className="jg-ins-step-done">✓ {CLAIM_STATUS_LABELS.SENT} · {when(claim.createdAt)}</Text>
                {(['RECEIVED', 'ASSESSING', 'SETTLED'] as const).map((s) => {
                  const at = { RECEIVED: claim.receivedAt, ASSESSING: claim.assessingAt, SETTLED: claim.settledAt }[s]
                  return (
                    <Text key={s} id={`insurer-step-${s}`} className={at ? 'jg-ins-step-done' : 'jg-ins-muted'}>
                      {at ? '✓' : '○'} {CLAIM_STATUS_LABELS[s]}
                      {at ? ` · ${when(at)}` : ''}
                    </Text>
                  )
                })}
              </View>
              {claim.note && (
                <Text id="insurer-claim-note" className="jg-hint">
                  最近说明：{claim.note}
                </Text>
              )}
              {claim.next ? (
                <View style={{ marginTop: '12px' }}>
                  <Textarea
                    id="insurer-note"
                    className="jg-ins-note"
                    value={note}
                    maxlength={200}
                    placeholder="给当事人的说明（选填），如：已安排查勘员，请保持电话畅通"
                    onInput={(e) => setNote(e.detail.value)}
                  />
                  <View className="jg-ins-actions">
                    <Text
                      id={`insurer-set-${claim.next}`}
                      className={`jg-ins-btn jg-ins-btn-primary ${move.busy ? 'jg-ins-btn-off' : ''}`}
                      onClick={() => void move.run(claim)}
                    >
                      {move.busy ? '正在提交…' : STEP_BUTTONS[claim.next]}
                    </Text>
                  </View>
                  <Text className="jg-hint">提交后当事人会在小程序消息中心收到通知{claim.next === 'SETTLED' ? '，未开通微信提醒的会收到短信' : ''}。</Text>
                  <ErrorText id="insurer-status-error" message={move.error} />
                </View>
              ) : (
                <Text id="insurer-claim-settled" className="jg-hint">
                  理赔已办结，当事人已收到通知。
                </Text>
              )}
            </View>
          </View>
        </View>
      )}
      {zoom && (
        <View id="insurer-photo-zoom" className="jg-zoom" onClick={() => setZoom(null)}>
          <Image className="jg-zoom-img" src={zoom} mode="aspectFit" />
        </View>
      )}
    </StaffHome>
  )
}

function ClaimPhoto({ photo, onOpen }: { photo: Photo; onOpen: (src: string) => void }) {
  const [src, setSrc] = useState('')
  useEffect(() => {
    photoSrc(photo.url)
      .then(setSrc)
      .catch(() => setSrc(''))
  }, [photo.url])
  // The frame keeps the photo's own aspect ratio so the whole picture shows.
  const ratio = photo.width > 0 && photo.height > 0 ? `${photo.width} / ${photo.height}` : undefined
  return (
    <View className="jg-ins-photo" data-slot={photo.slot}>
      <Text className="jg-label">{SLOT_LABELS[photo.slot]}</Text>
      <View className="jg-ins-photo-frame" style={ratio ? { aspectRatio: ratio } : undefined} onClick={() => src && onOpen(src)}>
        {src ? <Image className="jg-ins-photo-img" src={src} mode="aspectFit" /> : <Text className="jg-hint">正在加载照片…</Text>}
      </View>
      <Text className="jg-ins-muted">
        {photo.width}×{photo.height}
        {photo.capturedAt ? ` · 拍摄于 ${when(photo.capturedAt)}` : ''}
      </Text>
    </View>
  )
}
