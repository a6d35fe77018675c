// Page wrapper: background, padding and the police-blue theme variables for NutUI.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './PageShell.css'

interface PageShellProps {
  children: ReactNode
  className?: string
}

export default function PageShell({ children, className }: PageShellProps) {
  return <View className={className ? `jg-page ${className}` : 'jg-page'}>{children}</View>
}
