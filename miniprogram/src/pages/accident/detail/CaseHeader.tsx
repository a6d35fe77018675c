// Top card of a case: status, place, time, unit, number and what the party should do next.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import ErrorText from '@/components/ErrorText'
import StatusTag from '@/components/StatusTag'
import type { AccidentCase } from '@/api/accidents'
import { shanghai } from '../labels'

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

export default function CaseHeader({ c, error }: { c: AccidentCase; error: string }) {
  return (
    <View className="jg-card" id="case-header">
      <StatusTag id="case-status" status={c.status} text={c.statusText} />
      <Text className="jg-subtitle">{c.location.address}</Text>
      <Text className="jg-hint">
        {shanghai(c.occurredAt)} · {c.unit.name}大队 · 编号 {c.caseNumber}
      </Text>
      <Text id="case-next" className="jg-label">
        {NEXT_STEP[c.status]}
      </Text>
      {c.status === 'RETURNED' && c.decision?.note && <Text className="jg-error">退回原因：{c.decision.note}</Text>}
      {c.status === 'TRANSFERRED' && c.unit.dutyPhone && (
        <Text id="case-duty-phone" className="jg-label" onClick={() => void Taro.makePhoneCall({ phoneNumber: c.unit.dutyPhone! }).catch(() => undefined)}>
          {c.unit.name}大队值班电话：{c.unit.dutyPhone}
        </Text>
      )}
      <ErrorText id="case-error" message={error} />
    </View>
  )
}
