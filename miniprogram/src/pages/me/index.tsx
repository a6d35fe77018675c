// "Me" page (我的): who is logged in, driver identity binding, vehicles, message subscriptions, the
// privacy notice, account deletion, 关怀模式 (large text), about, logout.
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import IdentityForm from '@/components/IdentityForm'
import { logout } from '@/api/auth'
import { ApiError, clearSession, errorMessage, getToken } from '@/api/http'
import { getMe } from '@/api/me'
import { isStaff, type DriverMe, type Me, type StaffMe } from '@/api/types'
import { ROLE_LABELS, unitLabel } from '@/utils/labels'
import { PAGES, open, staffHome, openLogin } from '@/utils/nav'
import AccountPrivacy from './AccountPrivacy'
import UnbindIdentity from './UnbindIdentity'
import { About, CareMode, Subscriptions, Vehicles } from './DriverExtras'

type State = { kind: 'loading' } | { kind: 'guest' } | { kind: 'error'; message: string } | { kind: 'ready'; me: Me }

export default function MePage() {
  const [state, setState] = useState<State>({ kind: 'loading' })

  const load = async () => {
    if (!getToken()) {
      setState({ kind: 'guest' })
      return
    }
    try {
      setState({ kind: 'ready', me: await getMe() })
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        clearSession()
        setState({ kind: 'guest' })
      } else {
        setState({ kind: 'error', message: errorMessage(err) })
      }
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
    setState({ kind: 'guest' })
  }

  return (
    <PageShell>
      {state.kind === 'loading' && <Text className="jg-hint">正在加载…</Text>}
      {state.kind === 'error' && (
        <View className="jg-card">
          <ErrorText id="me-error" message={state.message} />
          <Button className="jg-button" size="large" onClick={() => void load()}>
            重试
          </Button>
        </View>
      )}
      {state.kind === 'guest' && <Guest />}
      {state.kind === 'ready' &&
        (isStaff(state.me) ? (
          <StaffProfile me={state.me} />
        ) : (
          <DriverProfile me={state.me} onChange={(me) => setState({ kind: 'ready', me })} />
        ))}
      {state.kind !== 'loading' && (
        <AccountPrivacy driver={state.kind === 'ready' && !isStaff(state.me)} onDeleted={() => setState({ kind: 'guest' })} />
      )}
      {state.kind !== 'loading' && <CareMode />}
      {state.kind !== 'loading' && <About />}
      {state.kind === 'ready' && (
        <Button id="logout" className="jg-button" size="large" onClick={onLogout}>
          退出登录
        </Button>
      )}
    </PageShell>
  )
}

function Guest() {
  return (
    <View className="jg-card">
      <Text id="me-guest" className="jg-subtitle">
        您还没有登录
      </Text>
      <Text className="jg-hint">登录后可以绑定身份、查询本人的驾驶证和车辆信息。</Text>
      <Button id="me-login" className="jg-button" type="primary" size="large" onClick={openLogin}>
        登录
      </Button>
      <Button id="me-staff-login" className="jg-button" size="large" onClick={() => open(PAGES.staffLogin)}>
        工作人员登录
      </Button>
    </View>
  )
}

function StaffProfile({ me }: { me: StaffMe }) {
  return (
    <View className="jg-card">
      <Text id="me-name" className="jg-title">
        {me.displayName || me.username}
      </Text>
      <Text id="me-username" className="jg-hint">
        账号：{me.username}
      </Text>
      <Text id="me-role" className="jg-hint">
        岗位：{ROLE_LABELS[me.role]}
      </Text>
      <Text id="me-unit" className="jg-hint">
        单位：{unitLabel(me)}
      </Text>
      <Button id="me-workbench" className="jg-button" type="primary" size="large" onClick={() => open(staffHome(me.role))}>
        进入工作台
      </Button>
    </View>
  )
}

interface DriverProfileProps {
  me: DriverMe
  onChange: (me: Me) => void
}

function DriverProfile({ me, onChange }: DriverProfileProps) {
  const { identity } = me
  return (
    <View>
      <View className="jg-card">
        <Text id="me-name" className="jg-title">
          {me.nickname || '微信用户'}
        </Text>
        <Text id="me-role" className="jg-hint">
          {ROLE_LABELS.driver}
        </Text>
      </View>
      <View className="jg-card">
        <Text className="jg-subtitle">身份信息</Text>
        <Text id="identity-status" className="jg-hint">
          {identity.bound ? `已绑定：${identity.name ?? ''}，身份证号 ${identity.idNumber ?? ''}` : '未绑定身份。绑定后可查询本人的驾驶证、车辆和违法记录。'}
        </Text>
        {identity.bound && <UnbindIdentity onChange={onChange} />}
      </View>
      {!identity.bound && <IdentityForm onBound={onChange} />}
      <Vehicles bound={identity.bound} />
      <Subscriptions />
    </View>
  )
}
