// One consultation as a conversation: the agent's replies, a follow-up box, closing, and a 1–5 rating once closed.
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import WayBack from '@/components/WayBack'
import { closeMine, followUp, getMine, rate, shanghaiTime, type Consultation } from '@/api/consultations'
import { useLoad } from '@/hooks/useLoad'
import { useSubmit } from '@/hooks/useSubmit'
import '../index.css'

export default function ConsultDetailPage() {
  const id = Number(useRouter().params.id)
  const loaded = useLoad(() => getMine(id))
  const c = loaded.data
  const [text, setText] = useState('')
  const [score, setScore] = useState(0)
  const action = useSubmit(async (act: () => Promise<Consultation>) => loaded.setData(await act()))
  const run = action.run
  const busy = action.busy
  const error = action.error || loaded.error

  if (!c) {
    return (
      <PageShell>
        <ErrorText id="detail-error" message={error} />
        {!error && <Text className="jg-hint">正在加载…</Text>}
        {error && <WayBack id="detail-back" next={{ id: 'detail-retry', label: '重试', onClick: () => void loaded.reload() }} />}
      </PageShell>
    )
  }

  return (
    <PageShell>
      <View className="jg-card">
        <Text id="detail-status" className="consult-status">
          {c.categoryText} · {c.statusText}
        </Text>
        <Text className="jg-hint">{shanghaiTime(c.createdAt)}</Text>
        <Text className="consult-bubble consult-bubble-me">{c.content}</Text>
        {c.replies.map((r) => (
          <View key={r.id}>
            <Text className="jg-hint">
              {r.authorName} · {shanghaiTime(r.createdAt)}
            </Text>
            <Text id={`reply-${r.id}`} className={r.author === 'AGENT' ? 'consult-bubble consult-bubble-agent' : 'consult-bubble consult-bubble-me'}>
              {r.content}
            </Text>
          </View>
        ))}
        {c.replies.length === 0 && c.status !== 'CLOSED' && <Text className="jg-hint">客服一般在4个工作小时内回复，回复会通过消息通知您。</Text>}
      </View>
      <ErrorText id="detail-error" message={error} />

      {c.status !== 'CLOSED' && (
        <View className="jg-card">
          <Textarea id="followup-content" className="consult-textarea" placeholder="补充说明或继续提问" maxlength={1000} value={text} onInput={(e) => setText(e.detail.value)} />
          <Button
            id="followup-send"
            className="jg-button"
            type="primary"
            size="large"
            disabled={busy || text.trim().length < 2}
            onClick={() =>
              void run(async () => {
                const next = await followUp(id, text.trim())
                setText('')
                return next
              })
            }
          >
            发送
          </Button>
          <Button id="close-consultation" className="jg-button" size="large" disabled={busy} onClick={() => void run(() => closeMine(id))}>
            问题已解决，结束咨询
          </Button>
        </View>
      )}

      {c.status === 'CLOSED' && (
        <View id="rating-card" className="jg-card">
          {c.rating ? (
            <Text id="rated" className="jg-subtitle">
              您的评价：{c.rating} 星，感谢反馈
            </Text>
          ) : (
            <View>
              <Text className="jg-subtitle">请为本次服务评分</Text>
              <View className="consult-stars">
                {[1, 2, 3, 4, 5].map((s) => (
                  <Text key={s} id={`star-${s}`} className={s <= score ? 'consult-star consult-star-on' : 'consult-star'} onClick={() => setScore(s)}>
                    ★
                  </Text>
                ))}
              </View>
              <Button id="rating-submit" className="jg-button" type="primary" size="large" disabled={busy || score === 0} onClick={() => void run(() => rate(id, score))}>
                提交评价
              </Button>
            </View>
          )}
        </View>
      )}
    </PageShell>
  )
}
