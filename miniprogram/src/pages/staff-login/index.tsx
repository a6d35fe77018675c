// Staff login (工作人员登录): username and password, then the workbench of the staff member's role.
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { loginStaff } from '@/api/auth'
import { saveSession } from '@/api/http'
import { useSubmit } from '@/hooks/useSubmit'
import { PAGES, relaunch, staffHome } from '@/utils/nav'

export default function StaffLoginPage() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const login = useSubmit(async () => {
    const { token, user } = await loginStaff({ username: username.trim(), password })
    saveSession(token, user.role)
    // A password someone else set (a new account, a reset) is replaced before anything else.
    relaunch(user.mustChangePassword ? PAGES.staffPassword : staffHome(user.role))
  })

  const onSubmit = () => {
    if (!username.trim() || !password) login.setError('请输入账号和密码')
    else void login.run()
  }

  return (
    <PageShell>
      <View className="jg-card">
        <Text id="staff-login-title" className="jg-title">
          工作人员登录
        </Text>
        <Text className="jg-hint">供民警、客服和管理员使用。驾驶人请返回首页用微信登录。</Text>
      </View>
      <View className="jg-card">
        <Field label="账号">
          <Input
            id="staff-username"
            className="jg-input"
            placeholder="请输入账号"
            value={username}
            onInput={(e) => setUsername(e.detail.value)}
          />
        </Field>
        <Field label="密码">
          <Input
            id="staff-password"
            className="jg-input"
            password
            placeholder="请输入密码"
            value={password}
            onInput={(e) => setPassword(e.detail.value)}
            onConfirm={onSubmit}
          />
        </Field>
        <ErrorText id="staff-error" message={login.error} />
        <Button id="staff-login" className="jg-button" type="primary" size="large" loading={login.busy} disabled={login.busy} onClick={onSubmit}>
          登录
        </Button>
      </View>
    </PageShell>
  )
}
