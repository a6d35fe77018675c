// Agent desk (客服工作台): the queue by status, category and age with overdue ones marked, and the
// conversation beside canned replies: claim, reply, internal note, transfer, approve, close.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { PAGES } from '@jiaoguan/contracts/pages'
import { Button } from '@nutui/nutui-react-taro'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import { errorMessage } from '@/api/http'
import {
  CATEGORIES,
  CATEGORY_LABELS,
  agentApprove,
  agentClaim,
  agentClose,
  agentGet,
  agentQueue,
  agentReply,
  agentTransfer,
  cannedReplies,
  shanghaiTime,
  type AgentConsultation,
  type AgentQueueItem,
  type CannedReply,
  type Category,
  type ConsultationStatus,
} from '@/api/consultations'
import { useSubmit } from '@/hooks/useSubmit'
import './index.css'

const STATUSES: { key: ConsultationStatus; label: string }[] = [
  { key: 'OPEN', label: '待受理' },
  { key: 'CLAIMED', label: '处理中' },
  { key: 'ANSWERED', label: '已回复' },
  { key: 'HELD', label: '待审核' },
  { key: 'CLOSED', label: '已结束' },
]

const waited = (minutes: number) => (minutes < 60 ? `${minutes}分钟` : minutes < 1440 ? `${Math.floor(minutes / 60)}小时` : `${Math.floor(minutes / 1440)}天`)

export default function AgentHomePage() {
  const [status, setStatus] = useState<ConsultationStatus>('OPEN')
  const [category, setCategory] = useState<Category | undefined>(undefined)
  const [queue, setQueue] = useState<AgentQueueItem[] | null>(null)
  const [current, setCurrent] = useState<AgentConsultation | null>(null)
  const [canned, setCanned] = useState<CannedReply[]>([])
  const [text, setText] = useState('')
  const [error, setError] = useState('')

  const loadQueue = async () => {
    try {
      setQueue((await agentQueue(status, category)).items)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  useEffect(() => {
    void loadQueue()
  }, [status, category])

  const action = useSubmit(async (act: () => Promise<AgentConsultation>) => {
    setError('')
    setCurrent(await act())
    await loadQueue()
  })
  const busy = action.busy

  const select = async (id: number) => {
    setError('')
    action.setError('')
    try {
      const c = await agentGet(id)
      setCurrent(c)
      setCanned((await cannedReplies(c.category)).items)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  const act = action.run

  const send = (internal: boolean) =>
    act(async () => {
      const next = await agentReply(current!.id, text.trim(), internal)
      setText('')
      return next
    })

  return (
    <StaffHome role="agent" title="客服工作台">
      <Text id="agent-faq-link" className="agent-faq-link" onClick={() => void Taro.navigateTo({ url: PAGES.agentFaq })}>
        常见问题与快捷回复 ›
      </Text>
      <View className="agent-layout">
        <View id="agent-queue" className="jg-card agent-queue">
          <View className="agent-chips">
            {STATUSES.map((s) => (
              <Text key={s.key} id={`status-${s.key}`} className={s.key === status ? 'agent-chip agent-chip-on' : 'agent-chip'} onClick={() => setStatus(s.key)}>
                {s.label}
              </Text>
            ))}
          </View>
          <View className="agent-chips">
            <Text className={!category ? 'agent-chip agent-chip-on' : 'agent-chip'} onClick={() => setCategory(undefined)}>
              全部类别
            </Text>
            {CATEGORIES.map((c) => (
              <Text key={c} className={c === category ? 'agent-chip agent-chip-on' : 'agent-chip'} onClick={() => setCategory(c)}>
                {CATEGORY_LABELS[c]}
              </Text>
            ))}
          </View>
          {queue === null && <Text className="jg-hint">正在加载…</Text>}
          {queue?.length === 0 && <Text id="queue-empty" className="jg-hint">队列里没有咨询。</Text>}
          {queue?.map((q) => (
            <View
              key={q.id}
              id={`queue-item-${q.id}`}
              className={`agent-item${q.overdue ? ' agent-item-overdue' : ''}${current?.id === q.id ? ' agent-item-on' : ''}`}
              onClick={() => void select(q.id)}
            >
              <Text className="agent-item-head">
                {q.categoryText} · {q.driver.name} · 已等{waited(q.waitingMinutes)}
                {q.overdue ? ' · 已超时' : ''}
              </Text>
              <Text className="agent-item-text">{q.content}</Text>
            </View>
          ))}
        </View>

        <View className="jg-card agent-detail">
          {!current && <Text className="jg-hint">在咨询队列里选择一条咨询，对话会显示在这里。</Text>}
          {current && (
            <View id="agent-detail">
              <Text className="jg-subtitle">
                {current.categoryText} · {current.statusText}
                {current.claimedBy ? ` · ${current.claimedBy.displayName}受理` : ''}
              </Text>
              <Text className="jg-hint">
                {current.driver.name} · {shanghaiTime(current.createdAt)}
                {current.firstReplyDueAt ? ` · 首次回复期限 ${shanghaiTime(current.firstReplyDueAt)}` : ''}
              </Text>
              <Text className="agent-question">{current.content}</Text>
              {current.replies.map((r) => (
                <Text key={r.id} id={`agent-reply-${r.id}`} className={r.internal ? 'agent-msg agent-msg-note' : r.author === 'AGENT' ? 'agent-msg agent-msg-agent' : 'agent-msg'}>
                  {r.internal ? '【内部备注】' : ''}
                  {r.authorName}：{r.content}
                </Text>
              ))}
              <ErrorText id="agent-error" message={action.error || error} />
              {current.status === 'HELD' && (
                <Button id="agent-approve" className="jg-button" size="large" disabled={busy} onClick={() => void act(() => agentApprove(current.id))}>
                  审核通过，放入队列
                </Button>
              )}
              {current.status === 'OPEN' && !current.claimedBy && (
                <Button id="agent-claim" className="jg-button" type="primary" size="large" disabled={busy} onClick={() => void act(() => agentClaim(current.id))}>
                  认领
                </Button>
              )}
              {current.status !== 'CLOSED' && (
                <View>
                  <Textarea id="agent-reply-content" className="agent-textarea" placeholder="回复内容" maxlength={2000} value={text} onInput={(e) => setText(e.detail.value)} />
                  <View className="agent-actions">
                    <Button id="agent-send" type="primary" disabled={busy || !text.trim()} onClick={() => void send(false)}>
                      回复提问人
                    </Button>
                    <Button id="agent-note" disabled={busy || !text.trim()} onClick={() => void send(true)}>
                      内部备注
                    </Button>
                    <Button id="agent-close" disabled={busy} onClick={() => void act(() => agentClose(current.id))}>
                      结束咨询
                    </Button>
                  </View>
                  <Text className="jg-hint">转交到其他类别：</Text>
                  <View className="agent-chips">
                    {CATEGORIES.filter((c) => c !== current.category).map((c) => (
                      <Text key={c} id={`transfer-${c}`} className="agent-chip" onClick={() => void act(() => agentTransfer(current.id, c))}>
                        {CATEGORY_LABELS[c]}
                      </Text>
                    ))}
                  </View>
                </View>
              )}
            </View>
          )}
        </View>

        <View className="jg-card agent-canned">
          <Text className="jg-subtitle">常用回复</Text>
          {canned.length === 0 && <Text className="jg-hint">选择咨询后显示对应类别的常用回复。</Text>}
          {canned.map((c) => (
            <View key={c.id} className="agent-item" onClick={() => setText((t) => (t ? `${t}\n${c.content}` : c.content))}>
              <Text className="agent-item-head">{c.title}</Text>
              <Text className="agent-item-text">{c.content}</Text>
            </View>
          ))}
        </View>
      </View>
    </StaffHome>
  )
}
