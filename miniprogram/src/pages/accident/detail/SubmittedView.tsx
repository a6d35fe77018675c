// The case once the party has signed (or nothing is left for them to do): as the parties see it, the
// photos and both signatures (on white), the agreed or decided liability, what happens next and by
// when (the review deadline while an officer reviews it), the document once confirmed, the timeline.
import { Text, View } from '@tarojs/components'
import CaseTimeline from '@/components/CaseTimeline'
import PartyList from '@/components/PartyList'
import type { AccidentCase } from '@/api/accidents'
import { shanghai, slotTitleFor } from '../labels'
import { Gallery } from './Thumb'
import { liabilityText } from './LiabilityPicker'

/** What happens next, and by when, for the party looking at the case. */
export function nextText(c: AccidentCase): { what: string; by: string | null } {
  const me = c.parties.find((p) => p.role === c.myRole)
  switch (c.status) {
    case 'WAITING_FOR_PARTY':
    case 'NEGOTIATING':
      return {
        what: me?.agreed !== null && me ? `您已${me.agreed ? '同意' : '提出争议'}并签字，等待对方确认签字。对方签字后自动提交民警审核。` : '双方签字后提交民警审核。',
        by: c.expiresAt ? `请在 ${shanghai(c.expiresAt)} 前完成，否则报案自动关闭` : null,
      }
    case 'RETURNED':
      return {
        what: me && me.agreed !== null ? `您已${me.agreed ? '同意' : '提出争议'}并重新签字，等待对方签字后重新提交民警审核。` : '补充后双方重新签字，再次提交民警审核。',
        by: c.expiresAt ? `请在 ${shanghai(c.expiresAt)} 前完成` : null,
      }
    case 'PENDING_REVIEW':
      return {
        what: '已提交民警在线审核，结果会通过消息通知您。审核期间可以离开现场。',
        by: c.reviewDueAt ? `预计 ${shanghai(c.reviewDueAt)} 前审核完毕` : '民警一般在30分钟内审核',
      }
    case 'CONFIRMED':
      return { what: '民警已确认。可以下载协议书，并联系保险公司理赔。', by: null }
    case 'TRANSFERRED':
      return { what: '需要民警现场处理，请在原地等候或拨打122。', by: null }
    case 'CANCELLED':
      return { what: '该事故已撤销。', by: null }
    case 'EXPIRED':
      return { what: '该事故长时间未完成，已自动关闭。如需处理请重新报案。', by: null }
    default:
      return { what: '', by: null }
  }
}

export default function SubmittedView({ c }: { c: AccidentCase }) {
  const me = c.parties.find((p) => p.role === c.myRole)
  const next = nextText(c)
  const whose = (role: string | null) => (role === c.myRole ? '我方' : '对方')
  const photos = c.photos.filter((p) => p.slot !== 'SIGNATURE').map((photo) => ({ photo, caption: slotTitleFor(photo.slot, c.myRole) }))
  // Only the signatures the parties' answers point at (a signature redrawn after a return replaces the old one).
  const signatureIds = new Set(c.parties.map((p) => p.signatureFileId).filter((x): x is number => x !== null))
  const signatures = c.photos
    .filter((p) => p.slot === 'SIGNATURE' && signatureIds.has(p.id))
    .map((photo) => ({ photo, caption: `${whose(c.parties.find((p) => p.signatureFileId === photo.id)?.role ?? null)}签名` }))
  const decided = c.decision?.liability ? '（民警认定）' : ''
  return (
    <View id="case-submitted">
      <View className="jg-card">
        <Text className="jg-subtitle">接下来</Text>
        <View className="jg-next-box" id="case-next">
          <Text id={me && me.agreed !== null && ['NEGOTIATING', 'RETURNED'].includes(c.status) ? 'case-answered' : undefined} className="jg-label">
            {next.what}
          </Text>
          {next.by && (
            <Text id="case-deadline" className="jg-deadline">
              {next.by}
            </Text>
          )}
        </View>
      </View>
      <View className="jg-card" id="case-liability-result">
        <Text className="jg-subtitle">事故情形和责任{decided}</Text>
        <Text className="jg-label">{c.scenarioName ? `${c.scenarioName}：${liabilityText(c)}` : '未选择事故情形'}</Text>
        {c.disputed && <Text className="jg-hint">有一方提出争议，由民警在线认定责任。</Text>}
      </View>
      <View className="jg-card">
        <Text className="jg-subtitle">现场照片（{photos.length} 张）</Text>
        <Gallery id="case-photo-gallery" items={photos} />
      </View>
      <View className="jg-card">
        <Text className="jg-subtitle">双方签名</Text>
        {signatures.length === 0 ? <Text className="jg-hint">还没有签名。</Text> : <Gallery id="case-signatures" items={signatures} />}
      </View>
      <PartyList id="case-parties" title="双方信息" c={c} view="party" />
      <CaseTimeline id="case-timeline" title="处理进度" events={c.events} />
    </View>
  )
}
