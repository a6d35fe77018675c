// Home page (首页): the driver's service entries and the login state.
import { refreshUnread } from '@/services/unread-badge'
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import { ApiError, clearSession, getToken } from '@/api/http'
import { getMe } from '@/api/me'
import { isStaff, type Me } from '@/api/types'
import { ROLE_LABELS } from '@/utils/labels'
import { PAGES, open, staffHome } from '@/utils/nav'
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

  useDidShow(() => {
    void refreshUnread()
    if (!getToken()) {
      setLogin({ kind: 'guest' })
      return
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
          <Button id="home-login" type="primary" size="small" onClick={() => open(PAGES.login)}>
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
