// A modal dialog drawn with Views (title, body, buttons) over a dimmed page; the same in weapp and h5.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './Dialog.css'

interface DialogProps {
  id: string
  title: string
  children: ReactNode
  /** The buttons, side by side at the bottom. */
  actions: ReactNode
}

export default function Dialog({ id, title, children, actions }: DialogProps) {
  return (
    <View id={id} className="jg-dialog-mask" catchMove>
      <View className="jg-dialog" role="dialog" aria-label={title}>
        <Text className="jg-subtitle">{title}</Text>
        <View className="jg-dialog-body">{children}</View>
        <View className="jg-dialog-actions">{actions}</View>
      </View>
    </View>
  )
}
