// App root: global styles; pages render as its children.
import type { PropsWithChildren } from 'react'
// NutUI's component JS brings no CSS: the styles of the components the app uses, once for every page.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css'
import './theme.css'
import './app.css'
import { installPrivacyHandler } from './services/privacy'

// WeChat asks for the user's consent before the first privacy API call (weapp only).
if (process.env.TARO_ENV === 'weapp') installPrivacyHandler()

export default function App({ children }: PropsWithChildren) {
  return children
}
