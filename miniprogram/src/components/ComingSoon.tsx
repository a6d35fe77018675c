// Placeholder page body for a service that is still being built.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import PageShell from './PageShell'
import { PAGES, relaunch } from '@/utils/nav'

interface ComingSoonProps {
  title: string
  description: string
}

export default function ComingSoon({ title, description }: ComingSoonProps) {
  return (
    <PageShell>
      <View className="jg-card">
        <Text id="page-title" className="jg-title">
          {title}
        </Text>
        <Text id="coming-soon" className="jg-subtitle">
          功能建设中
        </Text>
        <Text className="jg-hint">{description}</Text>
      </View>
      <Button className="jg-button" type="primary" size="large" onClick={() => relaunch(PAGES.home)}>
        返回首页
      </Button>
    </PageShell>
  )
}
