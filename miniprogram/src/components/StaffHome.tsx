// Shared frame of the staff workbenches: checks the staff login and role, shows name and unit.
import { useState, type ReactNode } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from './PageShell'
import ErrorText from './ErrorText'
import WechatAlertLink from './WechatAlertLink'
import { logout } from '@/api/auth'
import { ApiError, clearSession, errorMessage, getToken } from '@/api/http'
import { getMe } from '@/api/me'
import { isStaff, type StaffMe, type StaffRole } from '@/api/types'
import { ROLE_LABELS, unitLabel } from '@/utils/labels'
import { PAGES, relaunch } from '@/utils/nav'
import { STAFF_NAV } from './staff-nav'
import './StaffHome.css'

interface StaffHomeProps {
  /** The role the page is for, or the roles (a page several roles share, such as the statistics). */
  role: StaffRole | readonly StaffRole[]
  title: string
  children: ReactNode
}

type State = { kind: 'loading' } | { kind: 'ready'; me: StaffMe } | { kind: 'denied' } | { kind: 'error'; message: string }

export default function StaffHome({ role, title, children }: StaffHomeProps) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const roles: readonly StaffRole[] = typeof role === 'string' ? [role] : role
  const path = (useRouter().path ?? '').split('?')[0]
  const roleNames = roles.map((r) => ROLE_LABELS[r]).join('或')

  const load = async () => {
    if (!getToken()) {
      void Taro.redirectTo({ url: PAGES.staffLogin })
      return
    }
    try {
      const me = await getMe()
      // A password someone else set is replaced before anything else.
      if (isStaff(me) && me.mustChangePassword) {
        relaunch(PAGES.staffPassword)
        return
      }
      if (isStaff(me) && roles.includes(me.role)) setState({ kind: 'ready', me })
      else setState({ kind: 'denied' })
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        clearSession()
        void Taro.redirectTo({ url: PAGES.staffLogin })
        return
      }
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }

  useDidShow(() => {
    void load()
  })

  const onLogout = async () => {
    try {
      await logout()
    } catch {
      // The session is dropped locally either way.
    }
    clearSession()
    relaunch(PAGES.staffLogin)
  }

  if (state.kind === 'loading') {
    return (
      <PageShell>
        <Text className="jg-hint">正在加载…</Text>
      </PageShell>
    )
  }

  if (state.kind === 'denied' || state.kind === 'error') {
    return (
      <PageShell>
        <View className="jg-card">
          <Text id="staff-title" className="jg-title">
            {title}
          </Text>
          <ErrorText
            id="staff-denied"
            message={state.kind === 'denied' ? `此页面仅供${roleNames}使用，请用${roleNames}账号登录。` : state.message}
          />
        </View>
        <Button className="jg-button" type="primary" size="large" onClick={onLogout}>
          换个账号登录
        </Button>
      </PageShell>
    )
  }

  const { me } = state
  // PC (≥ 1024 px): the side column with the role's pages beside the content; on a phone the
  // side column is the header card and the page's own links lead on.
  return (
    <PageShell className="jg-staff" title={title}>
      <View className="jg-staff-layout">
        <View className="jg-staff-side">
          <View className="jg-card jg-staff-who">
            <Text id="staff-title" className="jg-title">
              {title}
            </Text>
            <Text id="staff-name" className="jg-subtitle">
              {me.displayName || me.username}（{ROLE_LABELS[me.role]}）
            </Text>
            <Text id="staff-unit" className="jg-hint">
              {me.role === 'insurer' ? '保险公司理赔账号' : `所属单位：${unitLabel(me)}`}
            </Text>
          </View>
          <View id="staff-nav" className="jg-staff-nav">
            {STAFF_NAV[me.role].map((item) => (
              <Text
                key={item.page}
                className={`jg-staff-nav-item ${item.page === path ? 'jg-staff-nav-on' : ''}`}
                onClick={() => {
                  if (item.page !== path) void Taro.redirectTo({ url: item.page })
                }}
              >
                {item.label}
              </Text>
            ))}
          </View>
          {me.role === 'officer' && <WechatAlertLink initial={me.wechat} />}
          <Button id="staff-change-password" className="jg-button jg-staff-logout" size="large" onClick={() => void Taro.navigateTo({ url: PAGES.staffPassword })}>
            修改密码
          </Button>
          <Button id="staff-logout" className="jg-button jg-staff-logout" size="large" onClick={onLogout}>
            退出登录
          </Button>
        </View>
        <View className="jg-staff-main">{children}</View>
      </View>
    </PageShell>
  )
}
