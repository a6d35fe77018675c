// The party's own vehicle and driver: plate, name, licence, phone, insurer, policy and collision part.
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import PlateInput from '@/components/PlateInput'
import { saveMyDetails, type AccidentCase, type Party, type PartyDetails } from '@/api/accidents'
import { useSubmit } from '@/hooks/useSubmit'
import { plateError } from '@/utils/plate'

interface DetailsFormProps {
  caseId: number
  initial: Party
  onSaved: (c: AccidentCase) => void
}

export default function DetailsForm({ caseId, initial, onSaved }: DetailsFormProps) {
  const [form, setForm] = useState<PartyDetails>({
    plate: initial.plate ?? '',
    driverName: initial.driverName ?? '',
    licenceNumber: initial.licenceNumber ?? '',
    phone: initial.phone ?? '',
    insurer: initial.insurer ?? '',
    policyNumber: initial.policyNumber ?? '',
    collisionPart: initial.collisionPart ?? '',
  })
  const [saved, setSaved] = useState(initial.complete)
  const save = useSubmit(async () => {
    const body: PartyDetails = { ...form, licenceNumber: form.licenceNumber.trim().toUpperCase() }
    if (!body.policyNumber) delete body.policyNumber
    if (!body.collisionPart) delete body.collisionPart
    onSaved(await saveMyDetails(caseId, body))
    setSaved(true)
  })
  const onSave = () => {
    const plateProblem = plateError(form.plate)
    if (plateProblem) save.setError(plateProblem)
    else void save.run()
  }

  const field = (key: keyof PartyDetails, label: string, placeholder: string, type: 'text' | 'number' | 'idcard' = 'text') => (
    <Field label={label}>
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
    </Field>
  )

  return (
    <View className="jg-card" id="case-details">
      <Text className="jg-subtitle">我方车辆和驾驶人{saved ? '（已保存）' : ''}</Text>
      <Field label="车牌号（点省份可更换）">
        <PlateInput
          id="details-plate"
          value={form.plate}
          onChange={(plate) => {
            setSaved(false)
            setForm((f) => ({ ...f, plate }))
          }}
        />
      </Field>
      {field('driverName', '驾驶人姓名', '与驾驶证一致')}
      {field('licenceNumber', '驾驶证号（身份证号）', '18位', 'idcard')}
      {field('phone', '手机号码', '11位手机号', 'number')}
      {field('insurer', '保险公司', '如 中国人保')}
      {field('policyNumber', '保单号（选填）', '交强险保单号')}
      {field('collisionPart', '碰撞部位（选填）', '如 车头、右后门')}
      <ErrorText id="details-error" message={save.error} />
      <Button id="details-save" className="jg-button" type="primary" size="large" loading={save.busy} disabled={save.busy} onClick={onSave}>
        保存信息
      </Button>
    </View>
  )
}
