// Online consultation (在线咨询): pick a category, write, see matching FAQ answers first, then the driver's questions.
import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import { errorMessage } from '@/api/http'
import { CATEGORIES, CATEGORY_LABELS, ask, listMine, shanghaiTime, suggestFaq, type Category, type ConsultationListItem, type FaqItem } from '@/api/consultations'
import { open } from '@/utils/nav'
import { useSubmit } from '@/hooks/useSubmit'
import './index.css'
import { askToSubscribe, preloadSubscribeTemplates } from '@/services/subscribe'

const CONSULT_DETAIL = '/pages/consult/detail/index'

export default function ConsultPage() {
  const [category, setCategory] = useState<Category>('licence')
  const [content, setContent] = useState('')
  const [faq, setFaq] = useState<FaqItem[]>([])
  const [openFaq, setOpenFaq] = useState<number | null>(null)
  const [mine, setMine] = useState<ConsultationListItem[] | null>(null)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')

  const loadMine = async () => {
    try {
      setMine((await listMine()).items)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  useDidShow(() => {
    void preloadSubscribeTemplates()
    void loadMine()
  })

  useEffect(() => {
    const text = content.trim()
    if (text.length < 2) {
      setFaq([])
      return
    }
    const timer = setTimeout(() => {
      suggestFaq(text, category)
        .then((r) => setFaq(r.items))
        .catch(() => setFaq([]))
    }, 300)
    return () => clearTimeout(timer)
  }, [content, category])

  const send = useSubmit(async () => {
    const created = await ask({ category, content: content.trim() })
    setContent('')
    setNotice(created.status === 'HELD' ? '已提交，内容需人工审核后进入客服队列。' : '已提交，客服一般在4个工作小时内回复，回复会通过消息通知您。')
    await loadMine()
  })

  const onSend = () => {
    void askToSubscribe(['consultation_reply'])
    // One message line: a new attempt clears what the last one (or the list) said.
    setError('')
    setNotice('')
    void send.run()
  }

  return (
    <PageShell>
      <View className="jg-card">
        <Text className="jg-subtitle">咨询类别</Text>
        <View className="consult-chips">
          {CATEGORIES.map((c) => (
            <Text key={c} id={`category-${c}`} className={c === category ? 'consult-chip consult-chip-on' : 'consult-chip'} onClick={() => setCategory(c)}>
              {CATEGORY_LABELS[c]}
            </Text>
          ))}
        </View>
        <Textarea
          id="consult-content"
          className="consult-textarea"
          placeholder="请描述您的问题（不要填写身份证号等个人信息）"
          maxlength={1000}
          value={content}
          onInput={(e) => setContent(e.detail.value)}
        />
        {faq.length > 0 && (
          <View id="faq-suggestions" className="consult-faq">
            <Text className="jg-hint">这些答案也许能解决您的问题：</Text>
            {faq.map((f) => (
              <View key={f.id} className="consult-faq-item" onClick={() => setOpenFaq(openFaq === f.id ? null : f.id)}>
                <Text className="consult-faq-q">{f.question}</Text>
                {openFaq === f.id && <Text className="jg-hint">{f.answer}</Text>}
              </View>
            ))}
          </View>
        )}
        <ErrorText id="consult-error" message={send.error || error} />
        {notice && (
          <Text id="consult-notice" className="jg-hint">
            {notice}
          </Text>
        )}
        <Button id="consult-send" className="jg-button" type="primary" size="large" loading={send.busy} disabled={send.busy || content.trim().length < 2} onClick={onSend}>
          提交咨询
        </Button>
      </View>

      <Text className="jg-subtitle">我的咨询</Text>
      {mine === null && <Text className="jg-hint">正在加载…</Text>}
      {mine?.length === 0 && <Text className="jg-hint">还没有咨询记录。</Text>}
      {mine?.map((c) => (
        <View key={c.id} id={`consultation-${c.id}`} className="jg-card" onClick={() => open(`${CONSULT_DETAIL}?id=${c.id}`)}>
          <Text className="consult-status">
            {c.categoryText} · {c.statusText}
            {c.replyCount ? ` · ${c.replyCount}条回复` : ''}
          </Text>
          <Text className="consult-preview">{c.content}</Text>
          <Text className="jg-hint">{shanghaiTime(c.createdAt)}</Text>
        </View>
      ))}
    </PageShell>
  )
}
