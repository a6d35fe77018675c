// An officer links their WeChat and grants new_case, to be pushed each new case of their unit.
// In WeChat: wx.login and requestSubscribeMessage; in the browser a typed name stands in for the
// WeChat user (the fake WeChat's fake:<name> code) and the grant is taken as accepted.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from './ErrorText'
import Field from './Field'
import { linkStaffWechat, reportSubscriptions } from '@/api/notifications'
import { useSubmit } from '@/hooks/useSubmit'
import { fakeCode } from '@/utils/fake-wechat'

/** What requestSubscribeMessage answered for the template: accept, else reject. */
async function askGrant(templateId: string): Promise<'accept' | 'reject'> {
  if (process.env.TARO_ENV !== 'weapp') return 'accept'
  try {
    const option = { tmplIds: [templateId] } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0]
    const result = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, string>
    return result[templateId] === 'accept' ? 'accept' : 'reject'
  } catch {
    return 'reject'
  }
}

export default function WechatAlertLink() {
  const isWeapp = process.env.TARO_ENV === 'weapp'
  const [name, setName] = useState('')
  const [done, setDone] = useState<'' | 'granted' | 'linked'>('')
  const link = useSubmit(async () => {
    const code = isWeapp ? (await Taro.login()).code : fakeCode(name.trim())
    const { templates } = await linkStaffWechat(code)
    const answer = await askGrant(templates.new_case)
    await reportSubscriptions({ new_case: answer })
    setDone(answer === 'accept' ? 'granted' : 'linked')
  })

  const onLink = () => {
    if (!isWeapp && !name.trim()) {
      link.setError('请输入微信昵称')
      return
    }
    void link.run()
  }

  return (
    <View id="staff-wechat" className="jg-card">
      <Text className="jg-subtitle">绑定微信接收新案件提醒</Text>
      {done ? (
        <Text id="staff-wechat-done" className="jg-hint">
          {done === 'granted' ? '已绑定微信：本单位有新案件待审核时，会通过微信提醒您。' : '已绑定微信，但未允许提醒：再次点击可重新授权。'}
        </Text>
      ) : (
        <Text className="jg-hint">绑定后，本单位有新案件待审核或审核超时，会通过微信通知您。每次授权可收到一条提醒。</Text>
      )}
      {!isWeapp && !done && (
        <>
          <Text id="staff-wechat-note" className="jg-hint">
            浏览器中无法调用微信。这里输入一个微信昵称，模拟用微信登录。
          </Text>
          <Field label="微信昵称">
            <Input id="staff-wechat-name" className="jg-input" value={name} maxlength={32} onInput={(e) => setName(e.detail.value)} />
          </Field>
        </>
      )}
      <ErrorText id="staff-wechat-error" message={link.error} />
      {(isWeapp || !done) && (
        <Button id="staff-wechat-link" className="jg-button" type="primary" size="large" disabled={link.busy} onClick={onLink}>
          {done ? '再次授权提醒' : '绑定微信'}
        </Button>
      )}
    </View>
  )
}
