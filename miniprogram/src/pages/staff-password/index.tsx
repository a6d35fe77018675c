// Change password (修改密码) for staff: forced after a login with a password someone else set (a new
// account, a reset; every other call answers 403 PASSWORD_CHANGE_REQUIRED until then), and reachable
// from every workbench otherwise. The rules come from the contract and are checked as the user types.
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { logout } from '@/api/auth'
import { ApiError, clearSession, getToken } from '@/api/http'
import { getMe } from '@/api/me'
import { changeOwnPassword } from '@/api/staff'
import { isStaff, type StaffMe } from '@/api/types'
import { useSubmit } from '@/hooks/useSubmit'
import { PAGES, relaunch, staffHome } from '@/utils/nav'
import { PASSWORD_RULES, passwordProblem } from '@jiaoguan/contracts/password'

export default function StaffPasswordPage() {
  const [me, setMe] = useState<StaffMe | null>(null)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [loadError, setLoadError] = useState('')

  useDidShow(() => {
    if (!getToken()) {
      relaunch(PAGES.staffLogin)
      return
    }
    getMe()
      .then((m) => (isStaff(m) ? setMe(m) : relaunch(PAGES.staffLogin)))
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) {
          clearSession()
          relaunch(PAGES.staffLogin)
        } else setLoadError(err instanceof Error ? err.message : '出了点问题，请稍后再试')
      })
  })

  const problem = me && next ? passwordProblem(next, { username: me.username, current: current || undefined }) : null
  const save = useSubmit(async () => {
    await changeOwnPassword({ current, new: next })
    void Taro.showToast({ title: '密码已修改', icon: 'success' })
    relaunch(staffHome(me!.role))
  })

  const onSubmit = () => {
    if (!current || !next) save.setError('请填写当前密码和新密码')
    else if (problem) save.setError(problem)
    else if (next !== again) save.setError('两次输入的新密码不一致')
    else void save.run()
  }

  const onLogout = async () => {
    try {
      await logout()
    } catch {
      // Dropped locally either way.
    }
    clearSession()
    relaunch(PAGES.staffLogin)
  }

  if (!me) {
    return <PageShell>{loadError ? <ErrorText id="password-load-error" message={loadError} /> : <Text className="jg-hint">正在加载…</Text>}</PageShell>
  }

  return (
    <PageShell>
      <View className="jg-card">
        <Text id="password-title" className="jg-title">
          修改密码
        </Text>
        <Text className="jg-subtitle">账号：{me.username}</Text>
        {me.mustChangePassword && (
          <Text id="password-forced" className="jg-error">
            您的密码是管理员设置的临时密码，请先设置自己的新密码，之后才能继续使用。
          </Text>
        )}
      </View>
      <View className="jg-card" id="password-rules">
        <Text className="jg-subtitle">新密码要求</Text>
        {PASSWORD_RULES.map((r) => (
          <Text key={r} className="jg-hint">
            · {r}
          </Text>
        ))}
        <Text className="jg-hint">· 建议使用一句好记的话，不要与其他网站的密码相同</Text>
      </View>
      <View className="jg-card">
        <Field label={me.mustChangePassword ? '临时密码' : '当前密码'}>
          <Input id="password-current" className="jg-input" password placeholder="请输入当前密码" value={current} onInput={(e) => setCurrent(e.detail.value)} />
        </Field>
        <Field label="新密码" hint={next && !problem ? '符合要求' : undefined} error={problem ?? ''} errorId="password-problem">
          <Input id="password-new" className="jg-input" password placeholder="至少10个字符" value={next} onInput={(e) => setNext(e.detail.value)} />
        </Field>
        <Field label="再次输入新密码" error={again && again !== next ? '两次输入的新密码不一致' : ''} errorId="password-mismatch">
          <Input id="password-again" className="jg-input" password placeholder="再输入一次" value={again} onInput={(e) => setAgain(e.detail.value)} onConfirm={onSubmit} />
        </Field>
        <ErrorText id="password-error" message={save.error} />
        <Button id="password-save" className="jg-button" type="primary" size="large" loading={save.busy} disabled={save.busy} onClick={onSubmit}>
          保存新密码
        </Button>
      </View>
      {me.mustChangePassword ? (
        <Button id="password-logout" className="jg-button" size="large" onClick={onLogout}>
          退出登录
        </Button>
      ) : (
        <Button id="password-back" className="jg-button" size="large" onClick={() => void Taro.navigateBack().catch(() => relaunch(staffHome(me.role)))}>
          返回
        </Button>
      )}
    </PageShell>
  )
}
