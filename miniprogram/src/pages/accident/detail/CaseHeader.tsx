// Top card of a case once signed or closed: status, place, time, unit, number (what happens next is below it).
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import ErrorText from '@/components/ErrorText'
import StatusTag from '@/components/StatusTag'
import type { AccidentCase } from '@/api/accidents'
import { shanghai } from '../labels'

export default function CaseHeader({ c, error }: { c: AccidentCase; error: string }) {
  return (
    <View className="jg-card" id="case-header">
      <StatusTag id="case-status" status={c.status} text={c.statusText} />
      <Text className="jg-subtitle">{c.location.address}</Text>
      <Text className="jg-hint">
        {shanghai(c.occurredAt)} · {c.unit.name}大队 · 编号 {c.caseNumber}
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
