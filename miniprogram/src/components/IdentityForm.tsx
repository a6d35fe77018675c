// Identity binding form: name and ID number, proven by the phone number WeChat vouches for (the
// getPhoneNumber button) or by the licence's file number (档案编号); shows the server's reason
// when it refuses. In the browser there is no WeChat: a typed phone number stands in for the button.
import { useState } from 'react'
import { Button as TaroButton, Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from './ErrorText'
import Field from './Field'
import { bindIdentity } from '@/api/me'
import type { BindIdentityRequest, Me } from '@/api/types'
import { useSubmit } from '@/hooks/useSubmit'
import { fakePhoneCode } from '@/utils/fake-wechat'

type Proof = 'phone' | 'fileNumber'
const PROOFS: { key: Proof; label: string }[] = [
  { key: 'phone', label: '微信手机号验证' },
  { key: 'fileNumber', label: '驾驶证档案编号' },
]

/** Form that binds the driver to their records by name and ID number, with a proof. */
export default function IdentityForm({ onBound }: { onBound: (me: Me) => void }) {
  const isWeapp = process.env.TARO_ENV === 'weapp'
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [proof, setProof] = useState<Proof>('phone')
  const [phone, setPhone] = useState('')
  const [fileNumber, setFileNumber] = useState('')
  const bind = useSubmit(async (body: BindIdentityRequest) => onBound(await bindIdentity(body)))

  /** Name and ID number as sent, or null (with the reason shown) when one is missing. */
  const who = () => {
    const cleanName = name.trim()
    const cleanId = idNumber.trim().toUpperCase()
    if (!cleanName || !cleanId) {
      bind.setError('请填写姓名和身份证号')
      return null
    }
    return { idNumber: cleanId, name: cleanName }
  }

  const submitWithFileNumber = () => {
    const person = who()
    if (!person) return
    const clean = fileNumber.trim()
    if (!/^\d{12}$/.test(clean)) bind.setError('档案编号是12位数字，印在驾驶证副页上')
    else void bind.run({ ...person, fileNumber: clean })
  }

  /** The browser's stand-in for WeChat's phone-number button. */
  const submitWithTypedPhone = () => {
    const person = who()
    if (!person) return
    const clean = phone.trim()
    if (!/^1[3-9]\d{9}$/.test(clean)) bind.setError('请填写11位手机号码')
    else void bind.run({ ...person, phoneCode: fakePhoneCode(clean) })
  }

  const onWechatPhone = (code: string | undefined) => {
    const person = who()
    if (!person) return
    // No code: the driver declined, or the mini-program may not ask (an uncertified account).
    if (!code) bind.setError('没有获取到手机号，可以改用驾驶证档案编号验证')
    else void bind.run({ ...person, phoneCode: code })
  }

  return (
    <View id="identity-form" className="jg-card">
      <Text className="jg-subtitle">绑定身份</Text>
      <Text className="jg-hint">为保护您的信息，绑定时需要核对登记的手机号或驾驶证档案编号。</Text>
      <Field label="姓名">
        <Input
          id="identity-name"
          className="jg-input"
          placeholder="与身份证上的姓名一致"
          maxlength={30}
          value={name}
          onInput={(e) => setName(e.detail.value)}
        />
      </Field>
      <Field label="身份证号">
        <Input
          id="identity-number"
          className="jg-input"
          type="idcard"
          placeholder="18位身份证号"
          maxlength={18}
          value={idNumber}
          onInput={(e) => setIdNumber(e.detail.value)}
        />
      </Field>
      <View className="jg-choices" id="identity-proofs">
        {PROOFS.map((p) => (
          <Button
            key={p.key}
            id={`identity-proof-${p.key}`}
            size="small"
            type={proof === p.key ? 'primary' : 'default'}
            onClick={() => {
              setProof(p.key)
              bind.setError('')
            }}
          >
            {p.label}
          </Button>
        ))}
      </View>
      {proof === 'fileNumber' && (
        <Field label="档案编号">
          <Input
            id="identity-file-number"
            className="jg-input"
            type="number"
            placeholder="12位数字，见驾驶证副页"
            maxlength={12}
            value={fileNumber}
            onInput={(e) => setFileNumber(e.detail.value)}
          />
        </Field>
      )}
      {proof === 'phone' && !isWeapp && (
        <>
          <Text id="identity-phone-note" className="jg-hint">
            浏览器中无法调用微信。这里输入手机号，模拟“微信手机号快速验证”：须与驾驶证或报名时登记的手机号一致。
          </Text>
          <Field label="手机号">
            <Input
              id="identity-phone"
              className="jg-input"
              type="number"
              placeholder="登记的11位手机号"
              maxlength={11}
              value={phone}
              onInput={(e) => setPhone(e.detail.value)}
            />
          </Field>
        </>
      )}
      {proof === 'phone' && isWeapp && (
        <Text className="jg-hint">点击下方按钮，由微信提供您的手机号，须与驾驶证或报名时登记的一致。</Text>
      )}
      <ErrorText id="identity-error" message={bind.error} />
      {proof === 'phone' && isWeapp ? (
        <TaroButton
          id="identity-submit"
          className="jg-button jg-button--primary"
          openType="getPhoneNumber"
          disabled={bind.busy}
          onGetPhoneNumber={(e) => onWechatPhone((e.detail as { code?: string }).code)}
        >
          用微信手机号验证并绑定
        </TaroButton>
      ) : (
        <Button
          id="identity-submit"
          className="jg-button"
          type="primary"
          size="large"
          loading={bind.busy}
          disabled={bind.busy}
          onClick={proof === 'fileNumber' ? submitWithFileNumber : submitWithTypedPhone}
        >
          验证并绑定
        </Button>
      )}
    </View>
  )
}
