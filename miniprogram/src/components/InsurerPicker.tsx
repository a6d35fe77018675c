// The party's insurer, picked from the directory (GET /api/insurers): one tap on a company fills in
// its name and shows its claims hotline; a company not listed can still be typed.
import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { listInsurers, type InsurerEntry } from '@/api/insurers'
import './InsurerPicker.css'

interface InsurerPickerProps {
  /** The input's id (journeys type into it); each company's chip is `${id}-${code}`. */
  id: string
  value: string
  onChange: (insurer: string) => void
}

export default function InsurerPicker({ id, value, onChange }: InsurerPickerProps) {
  const [directory, setDirectory] = useState<InsurerEntry[]>([])
  useEffect(() => {
    // Without the directory the field is a plain text field, as before.
    listInsurers()
      .then((r) => setDirectory(Array.isArray(r?.items) ? r.items : []))
      .catch(() => setDirectory([]))
  }, [])
  const chosen = directory.find((i) => i.name === value || i.code === value.toUpperCase())
  return (
    <View className="jg-insurer-picker">
      {directory.length > 0 && (
        <View className="jg-insurer-chips">
          {directory.map((i) => (
            <Text
              key={i.code}
              id={`${id}-${i.code}`}
              className={`jg-insurer-chip ${chosen?.code === i.code ? 'jg-insurer-chip-on' : ''}`}
              onClick={() => onChange(i.name)}
            >
              {i.name}
            </Text>
          ))}
        </View>
      )}
      <Input
        id={id}
        className="jg-input"
        value={value}
        placeholder={directory.length > 0 ? '不在列表中请直接填写公司名称' : '如 中国人保财险'}
        maxlength={64}
        onInput={(e) => onChange(e.detail.value)}
      />
      {chosen && (
        <Text id={`${id}-hotline`} className="jg-hint">
          {chosen.name}理赔电话 {chosen.hotline}
        </Text>
      )}
    </View>
  )
}
