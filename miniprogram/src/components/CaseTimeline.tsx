// The events of an accident case, oldest first: time, who, what.
import { Text, View } from '@tarojs/components'
import type { CaseEvent } from '@/api/accidents'
import { ACTOR_TEXT, EVENT_TEXT, shanghai } from '@/pages/accident/labels'
import './accident.css'

interface CaseTimelineProps {
  id: string
  title: string
  events: CaseEvent[]
  /** Mark the steps whose text the content check flagged (for the officer). */
  showTextCheck?: boolean
}

export default function CaseTimeline({ id, title, events, showTextCheck = false }: CaseTimelineProps) {
  return (
    <View className="jg-card" id={id}>
      <Text className="jg-subtitle">{title}</Text>
      {events.map((e, i) => (
        <Text key={i} className="jg-timeline-item">
          {shanghai(e.at)} {ACTOR_TEXT[e.actor] ?? ''} {e.note ?? EVENT_TEXT[e.type] ?? e.type}
          {showTextCheck && e.textCheck && <Text className="jg-tag jg-tag-warn">{e.textCheck === 'review' ? '文字待核查' : '文字未能自动审核'}</Text>}
        </Text>
      ))}
    </View>
  )
}
