// Staff login (工作人员登录): username and password, then the workbench of the staff member's role.
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import { loginStaff } from '@/api/auth'
import { errorMessage, saveSession } from '@/api/http'
import { relaunch, staffHome } from '@/utils/nav'

export default function StaffLoginPage() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const onSubmit = async () => {
    if (!username.trim() || !password) {
      setError('请输入账号和密码')
      return
    }
    setError('')
    setBusy(true)
    try {
      const { token, user } = await loginStaff({ username: username.trim(), password })
      saveSession(token, user.role)
      relaunch(staffHome(user.role))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
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
        <View className="jg-field">
          <Text className="jg-label">账号</Text>
          <Input
            id="staff-username"
            className="jg-input"
            placeholder="请输入账号"
            value={username}
            onInput={(e) => setUsername(e.detail.value)}
          />
        </View>
        <View className="jg-field">
          <Text className="jg-label">密码</Text>
          <Input
            id="staff-password"
            className="jg-input"
            password
            placeholder="请输入密码"
            value={password}
            onInput={(e) => setPassword(e.detail.value)}
            onConfirm={onSubmit}
          />
        </View>
        <ErrorText id="staff-error" message={error} />
        <Button id="staff-login" className="jg-button" type="primary" size="large" loading={busy} disabled={busy} onClick={onSubmit}>
          登录
        </Button>
      </View>
    </PageShell>
  )
}
