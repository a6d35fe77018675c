// 大队设置 for admins: per unit the quick-processing hours (when the parties may process a case
// themselves; empty = all day), whether expressway cases may, the district centre that routes a
// located case to the nearest unit, and the duty phone the parties of a transferred case are shown.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Switch, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { listUnitSettings, updateUnitSettings, type UnitSettings } from '@/api/staff'
import { useLoad } from '@/hooks/useLoad'
import { useSubmit } from '@/hooks/useSubmit'

export default function UnitSettingsPage() {
  const units = useLoad(() => listUnitSettings())
  return (
    <StaffHome role="admin" title="大队设置">
      <View className="jg-card">
        <Text className="jg-hint">
          快处服务时间外，当事人不能在线快处，会被提示拨打122；辖区中心决定有定位的事故交给哪个大队（离哪个中心最近）；值班电话在事故转现场处理时显示给当事人。修改立即生效。
        </Text>
      </View>
      <ErrorText id="units-error" message={units.error} />
      {units.data?.items.map((u) => <UnitForm key={u.code} unit={u} onSaved={() => void units.reload()} />)}
    </StaffHome>
  )
}

function UnitForm({ unit, onSaved }: { unit: UnitSettings; onSaved: () => void }) {
  const [start, setStart] = useState(unit.serviceHours?.start ?? '')
  const [end, setEnd] = useState(unit.serviceHours?.end ?? '')
  const [expressway, setExpressway] = useState(unit.expresswayQuick)
  const [latitude, setLatitude] = useState(unit.area ? String(unit.area.latitude) : '')
  const [longitude, setLongitude] = useState(unit.area ? String(unit.area.longitude) : '')
  const [description, setDescription] = useState(unit.areaDescription ?? '')
  const [phone, setPhone] = useState(unit.dutyPhone ?? '')
  const [limit, setLimit] = useState(String(unit.reviewLimitMinutes))

  const save = useSubmit(async () => {
    await updateUnitSettings(unit.code, {
      serviceHours: start || end ? { start, end } : null,
      expresswayQuick: expressway,
      area: latitude || longitude ? { latitude: Number(latitude), longitude: Number(longitude) } : null,
      areaDescription: description.trim() || null,
      dutyPhone: phone.trim() || null,
      reviewLimitMinutes: Number(limit),
    })
    void Taro.showToast({ title: '已保存', icon: 'success' })
    onSaved()
  })
  const onSave = () => {
    if ((start || end) && !(start && end)) save.setError('请同时填写开始和结束时间，或都不填（全天）')
    else if ((latitude || longitude) && !(Number.isFinite(Number(latitude)) && Number.isFinite(Number(longitude)) && latitude && longitude)) save.setError('请填写辖区中心的纬度和经度（数字），或都不填')
    else if (!/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > 1440) save.setError('审核时限请填写 1 至 1440 之间的整数分钟')
    else void save.run()
  }

  return (
    <View id={`unit-${unit.code}`} className="jg-card">
      <Text className="jg-subtitle">{unit.name}大队</Text>
      <Field label="快处服务时间" hint="24小时制，例如 08:00 至 20:00；可跨过午夜（如 20:00 至 08:00）；都不填为全天">
        <View className="jg-row">
          <Input id={`unit-${unit.code}-start`} className="jg-input" placeholder="开始 08:00" value={start} onInput={(e) => setStart(e.detail.value.trim())} />
          <Input id={`unit-${unit.code}-end`} className="jg-input" placeholder="结束 20:00" value={end} onInput={(e) => setEnd(e.detail.value.trim())} />
        </View>
      </Field>
      <Field label="高速公路上的事故可以在线快处">
        <Switch id={`unit-${unit.code}-expressway`} checked={expressway} onChange={(e) => setExpressway(e.detail.value)} />
      </Field>
      <Field label="辖区中心（纬度、经度）" hint="不填则不按位置分配事故给本大队（如高速公路大队）">
        <View className="jg-row">
          <Input id={`unit-${unit.code}-lat`} className="jg-input" type="digit" placeholder="纬度 35.114" value={latitude} onInput={(e) => setLatitude(e.detail.value.trim())} />
          <Input id={`unit-${unit.code}-lng`} className="jg-input" type="digit" placeholder="经度 117.165" value={longitude} onInput={(e) => setLongitude(e.detail.value.trim())} />
        </View>
      </Field>
      <Field label="辖区说明">
        <Input id={`unit-${unit.code}-area`} className="jg-input" maxlength={200} placeholder="例如 滕州市全境" value={description} onInput={(e) => setDescription(e.detail.value)} />
      </Field>
      <Field label="值班电话" hint="事故转现场处理时显示给当事人">
        <Input id={`unit-${unit.code}-phone`} className="jg-input" placeholder="例如 0632-5512122" value={phone} onInput={(e) => setPhone(e.detail.value)} />
      </Field>
      <Field label="审核时限（分钟）" hint="案件提交后超过这么久（只算快处服务时间）未审核即为超时，再提醒本大队民警一次；默认 30">
        <Input id={`unit-${unit.code}-limit`} className="jg-input" type="number" maxlength={4} placeholder="30" value={limit} onInput={(e) => setLimit(e.detail.value.trim())} />
      </Field>
      <ErrorText id={`unit-${unit.code}-error`} message={save.error} />
      <Button id={`unit-${unit.code}-save`} className="jg-button" type="primary" size="large" loading={save.busy} disabled={save.busy} onClick={onSave}>
        保存
      </Button>
    </View>
  )
}
