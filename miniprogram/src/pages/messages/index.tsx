// Message centre (消息): the empty state until notifications are wired in.
import { Text, View } from '@tarojs/components'
import PageShell from '@/components/PageShell'
import './index.css'

export default function MessagesPage() {
  return (
    <PageShell>
      <Text id="messages-title" className="jg-title">
        消息中心
      </Text>
      <View id="messages-empty" className="jg-card messages-empty">
        <Text className="jg-subtitle">暂无消息</Text>
        <Text className="jg-hint">事故处理进度、考试预约结果和咨询回复会在这里通知您。</Text>
      </View>
    </PageShell>
  )
}
