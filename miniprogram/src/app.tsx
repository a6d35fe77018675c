// App root: global styles; pages render as its children. In WeChat it fetches the subscribe
// template ids at launch, so the "allow messages" dialog opens at once at a submitting tap.
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { preloadSubscribeTemplates } from './services/subscribe'
import './app.css'

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    void preloadSubscribeTemplates()
  })
  return children
}
