// One form row: its label, the control, then a hint or an error under it.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import ErrorText from './ErrorText'

interface FieldProps {
  label?: ReactNode
  children?: ReactNode
  hint?: ReactNode
  /** An error about this field alone; shown only with errorId. */
  error?: string
  errorId?: string
}

export default function Field({ label, children, hint, error, errorId }: FieldProps) {
  return (
    <View className="jg-field">
      {label !== undefined && <Text className="jg-label">{label}</Text>}
      {children}
      {hint !== undefined && hint !== false && <Text className="jg-hint">{hint}</Text>}
      {errorId && <ErrorText id={errorId} message={error ?? ''} />}
    </View>
  )
}
