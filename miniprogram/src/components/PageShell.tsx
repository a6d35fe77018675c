// Page wrapper: background, padding and the police-blue theme variables for NutUI; in WeChat also
// the privacy dialog WeChat may ask any page for.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import PrivacyAuthorization from './PrivacyAuthorization'
import './PageShell.css'

interface PageShellProps {
  children: ReactNode
  className?: string
}

export default function PageShell({ children, className }: PageShellProps) {
  return (
    <View className={className ? `jg-page ${className}` : 'jg-page'}>
      {children}
      {process.env.TARO_ENV === 'weapp' && <PrivacyAuthorization />}
    </View>
  )
}
