// A plate field: tap the province (鲁 first) to pick it from a compact grid, type the rest; letters
// are upper-cased as typed and the hint below says what is still wrong.
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { PROVINCES, plateProblem, readTyped, splitPlate } from '@/utils/plate'
import './PlateInput.css'

interface PlateInputProps {
  /** The serial box's id; the province button is `<id>-province`, each key `<id>-province-<鲁>`. */
  id: string
  /** The whole plate, e.g. 鲁D12345. */
  value: string
  onChange: (plate: string) => void
}

export default function PlateInput({ id, value, onChange }: PlateInputProps) {
  const { province, serial } = splitPlate(value)
  const [picking, setPicking] = useState(false)
  const problem = serial ? plateProblem({ province, serial }) : null

  const pick = (p: string) => {
    setPicking(false)
    onChange(p + serial)
  }

  return (
    <View className="jg-plate">
      <View className="jg-plate-row">
        <Text id={`${id}-province`} className="jg-plate-province" onClick={() => setPicking(!picking)}>
          {province} ▾
        </Text>
        <Input
          id={id}
          className="jg-input jg-plate-serial"
          type="text"
          maxlength={12}
          placeholder="D12345"
          value={serial}
          onInput={(e) => {
            const next = readTyped(e.detail.value, province)
            onChange(next.province + next.serial)
            return next.serial
          }}
        />
      </View>
      {picking && (
        <View id={`${id}-provinces`} className="jg-plate-keys">
          {PROVINCES.map((p) => (
            <Text key={p} id={`${id}-province-${p}`} className={`jg-plate-key ${p === province ? 'jg-plate-key-on' : ''}`} onClick={() => pick(p)}>
              {p}
            </Text>
          ))}
        </View>
      )}
      {serial && (
        <Text id={`${id}-hint`} className={problem ? 'jg-hint jg-plate-problem' : 'jg-hint jg-plate-ok'}>
          {problem ?? `${province}${serial}${serial.length === 7 ? '（新能源）' : ''}`}
        </Text>
      )}
    </View>
  )
}
