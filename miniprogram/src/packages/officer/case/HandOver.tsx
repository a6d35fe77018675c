// 移交其他大队: an officer hands a case under review to the unit it belongs to (another district, or
// the expressway), with a reason; the case then leaves this unit's queue, so the page goes back to it.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { handOver, type AccidentCase } from '@/api/accidents'
import { listUnitNames } from '@/api/staff'
import type { Unit } from '@/api/types'
import { useSubmit } from '@/hooks/useSubmit'
import { unitLabel } from '@/utils/labels'
import { PAGES, relaunch } from '@/utils/nav'

export default function HandOver({ c }: { c: AccidentCase }) {
  const [open, setOpen] = useState(false)
  const [units, setUnits] = useState<Unit[]>([])
  const [unit, setUnit] = useState('')
  const [reason, setReason] = useState('')
  const send = useSubmit(async () => {
    await handOver(c.id, { unit, reason: reason.trim() })
    void Taro.showToast({ title: '已移交', icon: 'success' })
    relaunch(PAGES.officerHome)
  })

  const start = async () => {
    setOpen(true)
    try {
      setUnits((await listUnitNames()).items.filter((u) => u.code !== c.unit.code))
    } catch {
      send.setError('大队列表加载失败，请稍后再试')
    }
  }
  const submit = () => {
    if (!unit) send.setError('请选择接收的大队')
    else if (reason.trim().length < 2) send.setError('请写明移交的原因，对方大队会看到')
    else void send.run()
  }

  if (!open) {
    return (
      <View className="jg-card">
        <Button id="handover-open" className="jg-button" size="large" onClick={() => void start()}>
          移交其他大队
        </Button>
      </View>
    )
  }
  return (
    <View className="jg-card" id="officer-handover">
      <Text className="jg-subtitle">移交其他大队</Text>
      <Text className="jg-hint">事故不在本大队辖区时，移交给负责的大队审核；当事人会在处理经过中看到移交。</Text>
      <Field label="接收的大队">
        <View className="jg-row">
          {units.map((u) => (
            <Text key={u.code} id={`handover-unit-${u.code}`} className={`jg-choice ${unit === u.code ? 'jg-choice-on' : ''}`} onClick={() => setUnit(u.code)}>
              {unitLabel({ unit: u })}
            </Text>
          ))}
        </View>
      </Field>
      <Field label="移交原因（必填）">
        <Input id="handover-reason" className="jg-input" maxlength={200} value={reason} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <ErrorText id="handover-error" message={send.error} />
      <View className="jg-row">
        <Button id="handover-submit" className="jg-button" type="primary" size="large" loading={send.busy} disabled={send.busy} onClick={submit}>
          确认移交
        </Button>
        <Button className="jg-button" size="large" onClick={() => setOpen(false)}>
          取消
        </Button>
      </View>
    </View>
  )
}
