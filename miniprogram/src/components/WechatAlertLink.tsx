// An officer links their WeChat and grants new_case, to be pushed each new case of their unit (and
// each case overdue for review). It shows the link state GET /api/me gave (linked, grants left):
// each grant is one message, so a linked officer adds more, or unlinks.
// In WeChat: wx.login and requestSubscribeMessage; in the browser a typed name stands in for the
// WeChat user (the fake WeChat's fake:<name> code) and the grant is taken as accepted.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from './ErrorText'
import Field from './Field'
import { linkStaffWechat, reportSubscriptions, unlinkStaffWechat } from '@/api/notifications'
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

export interface WechatLinkState {
  linked: boolean
  newCaseGrants: number
}

export default function WechatAlertLink({ initial }: { initial?: WechatLinkState }) {
  const isWeapp = process.env.TARO_ENV === 'weapp'
  const [name, setName] = useState('')
  const [state, setState] = useState<WechatLinkState>(initial ?? { linked: false, newCaseGrants: 0 })
  const [refused, setRefused] = useState(false)
  /** Links (again, in WeChat: the template id comes with the link) and asks for one more grant. */
  const grant = useSubmit(async () => {
    let templateId = ''
    if (isWeapp || !state.linked) {
      const code = isWeapp ? (await Taro.login()).code : fakeCode(name.trim())
      templateId = (await linkStaffWechat(code)).templates.new_case
    }
    const answer = isWeapp ? await askGrant(templateId) : 'accept'
    const { items } = await reportSubscriptions({ new_case: answer })
    setState({ linked: true, newCaseGrants: items.find((i) => i.templateKey === 'new_case')?.remaining ?? 0 })
    setRefused(answer !== 'accept')
  })
  const unlink = useSubmit(async () => {
    await unlinkStaffWechat()
    setState({ linked: false, newCaseGrants: 0 })
    setRefused(false)
  })

  const onGrant = () => {
    if (!isWeapp && !state.linked && !name.trim()) {
      grant.setError('请输入微信昵称')
      return
    }
    void grant.run()
  }
  const busy = grant.busy || unlink.busy

  return (
    <View id="staff-wechat" className="jg-card">
      <Text className="jg-subtitle">绑定微信接收新案件提醒</Text>
      {state.linked ? (
        <>
          <Text id="staff-wechat-state" className="jg-hint">
            已绑定微信，剩余提醒 {state.newCaseGrants} 次
          </Text>
          <Text id="staff-wechat-done" className="jg-hint">
            {refused
              ? '未允许提醒：再次点击可重新授权。'
              : state.newCaseGrants > 0
                ? '本单位有新案件待审核或审核超时，会通过微信提醒您，每条用去一次。'
                : '提醒次数已用完，点击“增加提醒次数”后才会再收到微信提醒。'}
          </Text>
        </>
      ) : (
        <Text className="jg-hint">绑定后，本单位有新案件待审核或审核超时，会通过微信通知您。每次授权可收到一条提醒。</Text>
      )}
      {!isWeapp && !state.linked && (
        <>
          <Text id="staff-wechat-note" className="jg-hint">
            浏览器中无法调用微信。这里输入一个微信昵称，模拟用微信登录。
          </Text>
          <Field label="微信昵称">
            <Input id="staff-wechat-name" className="jg-input" value={name} maxlength={32} onInput={(e) => setName(e.detail.value)} />
          </Field>
        </>
      )}
      <ErrorText id="staff-wechat-error" message={grant.error || unlink.error} />
      <Button id="staff-wechat-link" className="jg-button" type="primary" size="large" disabled={busy} onClick={onGrant}>
        {state.linked ? '增加提醒次数' : '绑定微信'}
      </Button>
      {state.linked && (
        <Button id="staff-wechat-unlink" className="jg-button" size="large" disabled={busy} onClick={() => void unlink.run()}>
          解除绑定
        </Button>
      )}
    </View>
  )
}
