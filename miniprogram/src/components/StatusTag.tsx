// An accident case's status as a coloured tag with the Chinese label the server sends.
import { Text } from '@tarojs/components'
import { statusTagClass } from '@/pages/accident/labels'
import './accident.css'

interface StatusTagProps {
  id?: string
  status: string
  /** The label, e.g. 待民警审核 (the case's statusText). */
  text: string
}

export default function StatusTag({ id, status, text }: StatusTagProps) {
  // No id attribute at all without an id: Taro's H5 Text would write id="undefined".
  return (
    <Text {...(id ? { id } : {})} className={statusTagClass(status)}>
      {text}
    </Text>
  )
}
