// The parties of an accident case: a party sees plates, names and who has signed; the officer sees
// every detail they check (licence, phone, policy, collision part).
import { Text, View } from '@tarojs/components'
import type { AccidentCase, Party } from '@/api/accidents'

interface PartyListProps {
  id: string
  title: string
  c: AccidentCase
  /** 'party': as shown to the drivers; 'officer': the full details. */
  view: 'party' | 'officer'
}

function PartyLine({ p, c }: { p: Party; c: AccidentCase }) {
  return (
    <View className="jg-field">
      <Text className="jg-label">
        {p.role === 'A' ? '甲方（报案方）' : '乙方'}
        {p.role === c.myRole ? '（我）' : ''}：{p.plate ?? '未填写车牌'} {p.driverName ?? ''}
      </Text>
      <Text className="jg-hint">
        {p.insurer ?? '未填写保险公司'} · {p.agreed === null ? '未签字' : p.agreed ? '已同意并签字' : '有争议'}
      </Text>
    </View>
  )
}

function OfficerLine({ p }: { p: Party }) {
  return (
    <View className="jg-field">
      <Text className="jg-label">
        {p.role === 'A' ? '甲方' : '乙方'}：{p.plate} {p.driverName} {p.agreed === null ? '未签字' : p.agreed ? '同意' : '有争议'}
      </Text>
      <Text className="jg-hint">
        驾驶证 {p.licenceNumber} · 电话 {p.phone} · {p.insurer} {p.policyNumber ?? ''} · 碰撞部位 {p.collisionPart ?? '未填'}
      </Text>
    </View>
  )
}

export default function PartyList({ id, title, c, view }: PartyListProps) {
  return (
    <View className="jg-card" id={id}>
      <Text className="jg-subtitle">{title}</Text>
      {c.parties.map((p) => (view === 'officer' ? <OfficerLine key={p.role} p={p} /> : <PartyLine key={p.role} p={p} c={c} />))}
      {view === 'party' && c.vehicleCount === 2 && c.parties.length < 2 && <Text className="jg-hint">等待对方加入…</Text>}
    </View>
  )
}
