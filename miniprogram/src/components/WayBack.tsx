// The way out of a stop screen (an error, a refusal, nothing found): 返回 to the page before — or,
// for a page opened by its address or a link, to the right home page — and, when there is one, the
// next step (在线咨询, 重新加载…) as the primary button above it. In WeChat and the browser alike.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { relaunch } from '@/utils/nav'
import { homeFor } from '@/utils/nav-bar'

export interface NextStep {
  id: string
  label: string
  onClick: () => void
}

function currentPath(): string {
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : []
  const route = pages.length ? String(pages[pages.length - 1].route ?? '') : ''
  return `/${route.replace(/^\//, '').split('?')[0]}`
}

/** Back to the page before, else to this page's home (首页, or the staff workbench). */
export function goBack(): void {
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : []
  if (pages.length > 1) void Taro.navigateBack()
  else relaunch(homeFor(currentPath()))
}

export default function WayBack({ id = 'way-back', next, label = '返回' }: { id?: string; next?: NextStep; label?: string }) {
  return (
    <View className="jg-way-back">
      {next && (
        <Button id={next.id} className="jg-button" type="primary" size="large" onClick={next.onClick}>
          {next.label}
        </Button>
      )}
      <Button id={id} className="jg-button" size="large" onClick={goBack}>
        {label}
      </Button>
    </View>
  )
}
