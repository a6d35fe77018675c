// Page wrapper: background, padding and the police-blue theme variables for NutUI; the browser
// build's navigation bar (title and back arrow, NavBar); in WeChat the privacy dialog WeChat may
// ask any page for. In 关怀模式 the root carries jg-care, which scales the page (services/care-mode.ts).
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import PrivacyAuthorization from './PrivacyAuthorization'
import NavBar from './NavBar'
import { useCareMode } from '@/services/care-mode'
import './PageShell.css'

interface PageShellProps {
  children: ReactNode
  className?: string
  /** The bar's title when it is not the page's navigationBarTitleText. */
  title?: string
}

export default function PageShell({ children, className, title }: PageShellProps) {
  const care = useCareMode()
  const classes = ['jg-page', care ? 'jg-care' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes}>
      {process.env.TARO_ENV === 'h5' && <NavBar title={title} />}
      {children}
      {process.env.TARO_ENV === 'weapp' && <PrivacyAuthorization />}
    </View>
  )
}
