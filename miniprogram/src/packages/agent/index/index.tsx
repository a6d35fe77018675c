// Agent workbench (客服工作台): placeholder for the consultation desk.
import { Text, View } from '@tarojs/components'
import StaffHome from '@/components/StaffHome'

export default function AgentHomePage() {
  return (
    <StaffHome role="agent" title="客服工作台">
      <View id="agent-queue" className="jg-card">
        <Text className="jg-subtitle">待回复咨询</Text>
        <Text className="jg-hint">功能建设中。这里将按类别和等待时间列出驾驶人的咨询，超时的会标出；可以认领、回复、转交和结束咨询，并使用常用回复。</Text>
      </View>
    </StaffHome>
  )
}
