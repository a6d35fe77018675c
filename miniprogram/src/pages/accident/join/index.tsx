// Joining the other party's accident with the 6-digit code shown on their phone (or its QR code,
// which opens this page with the code filled in).
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import { errorMessage } from '@/api/http'
import { joinAccident } from '@/api/accidents'

export default function JoinPage() {
  const scanned = useRouter().params.code ?? ''
  const [code, setCode] = useState(/^\d{6}$/.test(scanned) ? scanned : '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const submit = async () => {
    if (!/^\d{6}$/.test(code)) {
      setError('请输入对方手机上显示的6位数字')
      return
    }
    setError('')
    setBusy(true)
    try {
      const joined = await joinAccident(code)
      void Taro.redirectTo({ url: `/pages/accident/detail/index?id=${joined.id}` })
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className="jg-card">
        <Text className="jg-title">加入对方报的事故</Text>
        <Text className="jg-hint">请对方打开“事故快处”，把屏幕上的6位邀请码告诉您（30分钟内有效）。</Text>
        <View className="jg-field">
          <Input
            id="join-code"
            className="jg-input"
            type="number"
            placeholder="6位邀请码"
            maxlength={6}
            value={code}
            onInput={(e) => setCode(e.detail.value.replace(/\D/g, ''))}
          />
        </View>
        <ErrorText id="join-error" message={error} />
        <Button id="join-submit" className="jg-button" type="primary" size="large" loading={busy} disabled={busy} onClick={() => void submit()}>
          加入
        </Button>
      </View>
    </PageShell>
  )
}
