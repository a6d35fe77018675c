// Officer workbench (民警工作台): placeholder for the review queue of the officer's unit.
import { Text, View } from '@tarojs/components'
import StaffHome from '@/components/StaffHome'

export default function OfficerHomePage() {
  return (
    <StaffHome role="officer" title="民警工作台">
      <View id="officer-queue" className="jg-card">
        <Text className="jg-subtitle">待审核事故</Text>
        <Text className="jg-hint">功能建设中。这里将按提交时间列出本大队待审核的事故快处案件，显示等待时长；可查看照片、双方信息和签名，并确认、退回补充或转现场处理。</Text>
      </View>
      <View className="jg-card">
        <Text className="jg-subtitle">已处理</Text>
        <Text className="jg-hint">功能建设中。这里将显示已处理的案件和今天的工作量。</Text>
      </View>
    </StaffHome>
  )
}
