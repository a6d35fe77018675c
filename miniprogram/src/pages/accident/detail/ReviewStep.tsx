// Step 核对: everything both parties will sign in one place: place and time, the photos, both parties,
// the scenario and liability; what is still missing before the signatures, in words.
import { Text, View } from '@tarojs/components'
import PartyList from '@/components/PartyList'
import type { AccidentCase } from '@/api/accidents'
import { shanghai, slotTitleFor } from '../labels'
import { missingForSignature } from '../steps'
import { Gallery } from './Thumb'
import { liabilityText } from './LiabilityPicker'

export default function ReviewStep({ c }: { c: AccidentCase }) {
  const missing = missingForSignature(c)
  const photos = c.photos.filter((p) => p.slot !== 'SIGNATURE').map((photo) => ({ photo, caption: slotTitleFor(photo.slot, c.myRole) }))
  return (
    <View id="case-review">
      <Text className="jg-step-screen-title">核对事故信息</Text>
      <View className="jg-card">
        <Text className="jg-label">
          {shanghai(c.occurredAt)} · {c.location.address}
        </Text>
        <Text id="review-liability" className="jg-label">
          {c.scenarioName ? `${c.scenarioName}：${liabilityText(c)}` : '还没有选择事故情形'}
        </Text>
      </View>
      <PartyList id="case-parties" title="双方信息" c={c} view="party" />
      <View className="jg-card">
        <Text className="jg-subtitle">现场照片（{photos.length} 张）</Text>
        <Gallery id="review-photos" items={photos} />
      </View>
      {missing.length > 0 ? (
        <View id="review-missing">
          {missing.map((m) => (
            <Text key={m} className="jg-step-missing">
              · {m}
            </Text>
          ))}
          <Text className="jg-hint">对方的进度会自动更新。</Text>
        </View>
      ) : (
        <Text className="jg-hint">核对无误后，双方分别签字。签字后将提交民警在线审核。</Text>
      )}
    </View>
  )
}
