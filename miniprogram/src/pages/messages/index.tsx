// Message centre (消息): the driver's notifications, newest first, unread ones marked; tapping one
// marks it read and opens the page it is about.
import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import { errorMessage } from '@/api/http'
import { listMessages, markAllMessagesRead, markMessageRead, type MessageEntry } from '@/api/notifications'
import { showUnread } from '@/services/unread-badge'
import { open } from '@/utils/nav'
import { formatShanghai } from './format'
import './index.css'

const PAGE_SIZE = 20

export default function MessagesPage() {
  const [items, setItems] = useState<MessageEntry[]>([])
  const [total, setTotal] = useState(0)
  const [unread, setUnread] = useState(0)
  // The tab's badge follows the page's count as entries are read.
  useEffect(() => showUnread(unread), [unread])
  const [page, setPage] = useState(1)
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState('')

  const load = useCallback(async (nextPage: number) => {
    setError('')
    try {
      const res = await listMessages(nextPage, PAGE_SIZE)
      setItems((prev) => (nextPage === 1 ? res.items : [...prev, ...res.items]))
      setTotal(res.total)
      setUnread(res.unread)
      setPage(nextPage)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setLoaded(true)
    }
  }, [])

  useDidShow(() => {
    void load(1)
  })

  const openEntry = async (entry: MessageEntry) => {
    if (!entry.read) {
      try {
        const updated = await markMessageRead(entry.id)
        setItems((prev) => prev.map((e) => (e.id === entry.id ? { ...e, ...updated } : e)))
        setUnread((n) => Math.max(0, n - 1))
      } catch (err) {
        setError(errorMessage(err))
        return
      }
    }
    if (entry.link) open(entry.link)
  }

  const readAll = async () => {
    try {
      await markAllMessagesRead()
      setItems((prev) => prev.map((e) => ({ ...e, read: true })))
      setUnread(0)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <PageShell>
      <View className="messages-head">
        <Text id="messages-title" className="jg-title">
          消息中心
        </Text>
        {unread > 0 && (
          <Text id="messages-unread" className="messages-unread">
            {unread}条未读
          </Text>
        )}
      </View>
      <ErrorText id="messages-error" message={error} />
      {loaded && items.length === 0 && !error && (
        <View id="messages-empty" className="jg-card messages-empty">
          <Text className="jg-subtitle">暂无消息</Text>
          <Text className="jg-hint">事故处理进度、考试预约结果和咨询回复会在这里通知您。</Text>
        </View>
      )}
      {unread > 0 && (
        <Button id="messages-read-all" className="messages-read-all" size="mini" onClick={() => void readAll()}>
          全部标为已读
        </Button>
      )}
      <View id="messages-list">
        {items.map((m) => (
          <View
            key={m.id}
            id={`message-${m.id}`}
            className={m.read ? 'jg-card message message-read' : 'jg-card message message-unread'}
            onClick={() => void openEntry(m)}
          >
            <View className="message-top">
              {!m.read && <View className="message-dot" />}
              <Text className="message-title">{m.title}</Text>
              <Text className="message-time">{formatShanghai(m.createdAt)}</Text>
            </View>
            <Text className="message-body">{m.body}</Text>
          </View>
        ))}
      </View>
      {items.length < total && (
        <Button id="messages-more" className="messages-more" onClick={() => void load(page + 1)}>
          加载更多
        </Button>
      )}
    </PageShell>
  )
}
