// Home page (首页): the driver's open work (cards that bring them back), service entries, login state.
import { refreshUnread, showUnread } from '@/services/unread-badge'
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import { ApiError, clearSession, getToken } from '@/api/http'
import { getMe } from '@/api/me'
import { isStaff, type Me } from '@/api/types'
import { ROLE_LABELS } from '@/utils/labels'
import { PAGES, open, staffHome, openLogin } from '@/utils/nav'
import { markMessageRead } from '@/api/notifications'
import { loadOpenWork, type WorkCard } from './open-work'
import './index.css'

interface Entry {
  id: string
  title: string
  hint: string
  url: string
}

const MAIN_ENTRIES: Entry[] = [
  { id: 'entry-accident', title: '事故快处', hint: '轻微事故，拍照定责，快速撤离', url: PAGES.accident },
  { id: 'entry-exam', title: '考试预约', hint: '查进度，约考试，看结果', url: PAGES.exam },
  { id: 'entry-inquiry', title: '业务查询', hint: '驾驶证、机动车、违法记录', url: PAGES.inquiry },
]

type LoginState = { kind: 'checking' } | { kind: 'guest' } | { kind: 'user'; me: Me } | { kind: 'unknown' }

export default function IndexPage() {
  const [login, setLogin] = useState<LoginState>({ kind: 'checking' })
  const [work, setWork] = useState<WorkCard[]>([])

  useDidShow(() => {
    if (!getToken()) {
      void refreshUnread()
      setWork([])
      setLogin({ kind: 'guest' })
      return
    }
    // Only a driver has open work; the messages page it reads also gives the 消息 badge.
    if (Taro.getStorageSync('jg.role') === 'driver') {
      void loadOpenWork().then(({ cards, unread }) => {
        setWork(cards)
        if (unread !== null) showUnread(unread)
      })
    } else {
      setWork([])
      void refreshUnread()
    }
    getMe()
      .then((me) => setLogin({ kind: 'user', me }))
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) {
          clearSession()
          setLogin({ kind: 'guest' })
        } else {
          setLogin({ kind: 'unknown' })
        }
      })
  })

  return (
    <PageShell className="home">
      <View className="home-header">
        <Text id="home-title" className="home-title">
          交管服务
        </Text>
        <Text className="home-slogan">交警业务，掌上办理</Text>
      </View>

      <View id="login-state" className="jg-card home-login">{renderLogin(login)}</View>

      {work.length > 0 && (
        <View id="open-work" className="home-work">
          <Text className="home-work-heading">待办</Text>
          {work.map((card) => (
            <View key={card.id} id={card.id} className="jg-card home-work-card" hoverClass="home-entry-pressed" onClick={() => openCard(card)}>
              <Text className="home-work-title">{card.title}</Text>
              {card.lines.map((line) => (
                <Text key={line} className="jg-hint home-work-line">
                  {line}
                </Text>
              ))}
              <Text className="home-work-go">查看 ›</Text>
            </View>
          ))}
        </View>
      )}

      <View className="home-entries">
        {MAIN_ENTRIES.map((entry) => (
          <View key={entry.id} id={entry.id} className="home-entry" hoverClass="home-entry-pressed" onClick={() => open(entry.url)}>
            <Text className="home-entry-title">{entry.title}</Text>
            <Text className="home-entry-hint">{entry.hint}</Text>
          </View>
        ))}
      </View>

      <View id="entry-consult" className="jg-card home-consult" hoverClass="home-entry-pressed" onClick={() => open(PAGES.consult)}>
        <Text className="home-consult-title">在线咨询</Text>
        <Text className="jg-hint">有问题？留言给客服，回复会通知您</Text>
      </View>

      <View id="home-staff-login" className="home-staff-link" onClick={() => open(PAGES.staffLogin)}>
        <Text>工作人员登录</Text>
      </View>
    </PageShell>
  )
}

function openCard(card: WorkCard) {
  if (card.messageId) void markMessageRead(card.messageId).catch(() => undefined)
  open(card.url)
}

function renderLogin(login: LoginState) {
  switch (login.kind) {
    case 'checking':
      return <Text className="jg-hint">正在确认登录状态…</Text>
    case 'unknown':
      return <Text className="jg-hint">暂时无法确认登录状态，请检查网络</Text>
    case 'guest':
      return (
        <View className="home-login-row">
          <Text className="home-login-text">您还没有登录，登录后可办理业务</Text>
          <Button id="home-login" type="primary" size="small" onClick={openLogin}>
            登录
          </Button>
        </View>
      )
    case 'user': {
      const { me } = login
      if (isStaff(me)) {
        return (
          <View className="home-login-row">
            <Text className="home-login-text">
              已登录：{me.displayName || me.username}（{ROLE_LABELS[me.role]}）
            </Text>
            <Button id="home-workbench" type="primary" size="small" onClick={() => open(staffHome(me.role))}>
              进入工作台
            </Button>
          </View>
        )
      }
      return (
        <Text className="home-login-text">
          已登录：{me.nickname || '微信用户'}
          {me.identity.bound ? '（已绑定身份）' : '（未绑定身份，可在“我的”中绑定）'}
        </Text>
      )
    }
  }
}
