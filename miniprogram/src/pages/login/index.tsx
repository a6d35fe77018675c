// Driver login (登录): WeChat login in the mini-program, a simulated WeChat login in the browser;
// afterwards back to the page that sent the user here (?redirect=), else 首页.
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { loginWechat } from '@/api/auth'
import { ApiError, saveSession } from '@/api/http'
import { useSubmit } from '@/hooks/useSubmit'
import { loginTarget, PAGES, open, relaunch } from '@/utils/nav'
import { fakeCode } from '@/utils/fake-wechat'

export default function LoginPage() {
  const isWeapp = process.env.TARO_ENV === 'weapp'
  const [name, setName] = useState('')
  const redirect = useRouter().params.redirect

  const finish = async (code: string) => {
    const { token, user } = await loginWechat(code)
    saveSession(token, user.role)
    relaunch(loginTarget(redirect))
  }

  const wechatLogin = useSubmit(
    async () => {
      const { code } = await Taro.login()
      if (!code) throw new Error('no code')
      await finish(code)
    },
    // wx.login's own failures carry no Chinese message.
    { message: (err) => (err instanceof ApiError ? err.message : '微信登录失败，请稍后再试') },
  )
  const fakeLogin = useSubmit(finish)
  const busy = wechatLogin.busy || fakeLogin.busy
  const error = wechatLogin.error || fakeLogin.error

  const onFakeLogin = () => {
    const trimmed = name.trim()
    if (!trimmed) fakeLogin.setError('请输入一个名字')
    else if (trimmed.includes(':')) fakeLogin.setError('名字里不能有英文冒号')
    else void fakeLogin.run(fakeCode(trimmed))
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
        <Button id="wechat-login" className="jg-button" type="primary" size="large" loading={busy} disabled={busy} onClick={() => void wechatLogin.run()}>
          微信一键登录
        </Button>
      ) : (
        <View className="jg-card">
          <Field label="名字">
            <Input
              id="fake-name"
              className="jg-input"
              placeholder="例如：张三"
              maxlength={32}
              value={name}
              onInput={(e) => setName(e.detail.value)}
            />
          </Field>
          <Button id="fake-login" className="jg-button" type="primary" size="large" loading={busy} disabled={busy} onClick={onFakeLogin}>
            模拟微信登录
          </Button>
        </View>
      )}

      <ErrorText id="login-error" message={error} />

      <View className="jg-card">
        <Text id="login-privacy" className="jg-hint" onClick={() => open(PAGES.privacy)}>
          登录即表示您已阅读并同意《个人信息保护说明》，点此查看我们收集哪些信息、怎样使用和如何注销
        </Text>
      </View>

      <View className="jg-card">
        <Text id="to-staff-login" className="jg-hint" onClick={() => open(PAGES.staffLogin)}>
          民警、客服和管理员请点此使用工作人员账号登录
        </Text>
      </View>
    </PageShell>
  )
}
