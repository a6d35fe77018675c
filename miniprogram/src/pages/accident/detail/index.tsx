// One accident case for a party: invite code, guided photos, details, liability, signature, status and document.
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import PhotoSlot from '@/components/PhotoSlot'
import CaseTimeline from '@/components/CaseTimeline'
import PartyList from '@/components/PartyList'
import '@/components/accident.css'
import { errorMessage } from '@/api/http'
import { cancelAccident, type AccidentCase } from '@/api/accidents'
import { SLOT_GUIDES } from '../labels'
import { useAccidentCase } from './useAccidentCase'
import type { CaseAction } from '@jiaoguan/contracts/labels'
import CaseHeader from './CaseHeader'
import InviteCard from './InviteCard'
import DetailsForm from './DetailsForm'
import LiabilityPicker from './LiabilityPicker'
import AnswerPanel from './AnswerPanel'
import DocumentCard from './DocumentCard'

export default function AccidentDetailPage() {
  const id = Number(useRouter().params.id)
  const { data: c, error, setError, setData: setCase, reload, qr } = useAccidentCase(id)

  if (!c) {
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

  const me = c.parties.find((p) => p.role === c.myRole)
  // What the caller may do now comes from the server's case machine (the view's `actions`).
  const may = (action: CaseAction) => c.actions.includes(action)
  const answerable = may('ANSWER') && me
  const countOf = (slot: string) => c.photos.filter((p) => p.slot === slot).length
  const showError = (err: unknown) => setError(errorMessage(err))

  return (
    <PageShell>
      <CaseHeader c={c} error={error} />
      {c.inviteCode && <InviteCard c={c} qr={qr} />}

      {may('UPLOAD_PHOTO') && (
        <View id="case-photos">
          <Text className="jg-subtitle">现场照片</Text>
          {SLOT_GUIDES.map((g) => (
            <PhotoSlot key={g.slot} caseId={c.id} guide={g} done={countOf(g.slot)} onUploaded={() => void reload()} />
          ))}
        </View>
      )}

      {may('EDIT_DETAILS') && me && <DetailsForm caseId={c.id} initial={me} onSaved={setCase} />}
      {may('SET_LIABILITY') && <LiabilityPicker c={c} onSaved={setCase} />}
      {answerable && me.agreed === null && <AnswerPanel c={c} onAnswered={setCase} />}
      {answerable && me.agreed !== null && (
        <View className="jg-card">
          <Text id="case-answered" className="jg-label">
            您已{me.agreed ? '同意' : '提出争议'}并签字，等待对方确认。
          </Text>
        </View>
      )}

      <PartyList id="case-parties" title="双方信息" c={c} view="party" />
      {c.document && <DocumentCard c={c} document={c.document} onError={showError} />}
      <CaseTimeline id="case-timeline" title="处理进度" events={c.events} />

      {may('CANCEL') && <CancelButton c={c} onCancelled={setCase} onError={showError} />}
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
    <Button id="case-cancel" className="jg-button" size="large" onClick={() => void onCancel()}>
      撤销报案
    </Button>
  )
}
