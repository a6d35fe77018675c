// Driver login (登录): WeChat login in the mini-program, a simulated WeChat login in the browser.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import { loginWechat } from '@/api/auth'
import { ApiError, errorMessage, saveSession } from '@/api/http'
import { PAGES, open, relaunch } from '@/utils/nav'
import { fakeCode } from '@/utils/fake-wechat'

export default function LoginPage() {
  const isWeapp = process.env.TARO_ENV === 'weapp'
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const finish = async (code: string) => {
    const { token, user } = await loginWechat(code)
    saveSession(token, user.role)
    relaunch(PAGES.home)
  }

  const onWechatLogin = async () => {
    setError('')
    setBusy(true)
    try {
      const { code } = await Taro.login()
      if (!code) throw new Error('no code')
      await finish(code)
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '微信登录失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }

  const onFakeLogin = async () => {
    const trimmed = name.trim()
    if (!trimmed) {
      setError('请输入一个名字')
      return
    }
    if (trimmed.includes(':')) {
      setError('名字里不能有英文冒号')
      return
    }
    setError('')
    setBusy(true)
    try {
      await finish(fakeCode(trimmed))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className="jg-card">
        <Text id="login-title" className="jg-title">
          驾驶人登录
        </Text>
        {isWeapp ? (
          <Text className="jg-hint">使用微信账号登录，登录后可办理事故快处、考试预约和业务查询。</Text>
        ) : (
          <Text id="fake-login-note" className="jg-hint">
            当前在浏览器中使用，无法调用微信。这里用“模拟微信登录”代替：输入一个名字即可，同一个名字每次登录都是同一个账号。
          </Text>
        )}
      </View>

      {isWeapp ? (
        <Button id="wechat-login" className="jg-button" type="primary" size="large" loading={busy} disabled={busy} onClick={onWechatLogin}>
          微信一键登录
        </Button>
      ) : (
        <View className="jg-card">
          <View className="jg-field">
            <Text className="jg-label">名字</Text>
            <Input
              id="fake-name"
              className="jg-input"
              placeholder="例如：张三"
              maxlength={32}
              value={name}
              onInput={(e) => setName(e.detail.value)}
            />
          </View>
          <Button id="fake-login" className="jg-button" type="primary" size="large" loading={busy} disabled={busy} onClick={onFakeLogin}>
            模拟微信登录
          </Button>
        </View>
      )}

      <ErrorText id="login-error" message={error} />

      <View className="jg-card">
        <Text id="to-staff-login" className="jg-hint" onClick={() => open(PAGES.staffLogin)}>
          民警、客服和管理员请点此使用工作人员账号登录
        </Text>
      </View>
    </PageShell>
  )
}
