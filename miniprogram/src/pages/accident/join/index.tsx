// Joining the other party's accident with the 6-digit code shown on their phone (or its QR code,
// which opens this page with the code filled in).
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { joinAccident } from '@/api/accidents'
import { useSubmit } from '@/hooks/useSubmit'

export default function JoinPage() {
  const scanned = useRouter().params.code ?? ''
  const [code, setCode] = useState(/^\d{6}$/.test(scanned) ? scanned : '')
  const join = useSubmit(async () => {
    const joined = await joinAccident(code)
    void Taro.redirectTo({ url: `/pages/accident/detail/index?id=${joined.id}` })
  })

  const submit = () => {
    if (!/^\d{6}$/.test(code)) join.setError('请输入对方手机上显示的6位数字')
    else void join.run()
  }

  return (
    <PageShell>
      <View className="jg-card">
        <Text className="jg-title">加入对方报的事故</Text>
        <Text className="jg-hint">请对方打开“事故快处”，把屏幕上的6位邀请码告诉您（30分钟内有效）。</Text>
        <Field>
          <Input
            id="join-code"
            className="jg-input"
            type="number"
            placeholder="6位邀请码"
            maxlength={6}
            value={code}
            onInput={(e) => setCode(e.detail.value.replace(/\D/g, ''))}
          />
        </Field>
        <ErrorText id="join-error" message={join.error} />
        <Button id="join-submit" className="jg-button" type="primary" size="large" loading={join.busy} disabled={join.busy} onClick={submit}>
          加入
        </Button>
      </View>
    </PageShell>
  )
}
