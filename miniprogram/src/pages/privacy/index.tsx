// Privacy notice (个人信息保护说明): what is collected, why, how long it is kept, who sees it and how
// to delete it, in plain words. Linked from 我的, the login page and the WeChat privacy dialog.
import { Text, View } from '@tarojs/components'
import PageShell from '@/components/PageShell'
import { NOTICE_SECTIONS, NOTICE_UPDATED } from './notice'
import './index.css'

export default function PrivacyPage() {
  return (
    <PageShell>
      <View className="jg-card">
        <Text id="privacy-title" className="jg-title">
          个人信息保护说明
        </Text>
        <Text className="jg-hint">更新日期：{NOTICE_UPDATED}</Text>
      </View>
      {NOTICE_SECTIONS.map((section, i) => (
        <View key={section.id} id={`privacy-${section.id}`} className="jg-card">
          <Text className="privacy-section-title">
            {i + 1}. {section.title}
          </Text>
          {section.items.map((item) => (
            <View key={item} className="privacy-item">
              <Text className="privacy-bullet">•</Text>
              <Text className="privacy-text">{item}</Text>
            </View>
          ))}
        </View>
      ))}
    </PageShell>
  )
}
