// Identity binding form: name and ID number, showing the server's reason when it refuses.
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from './ErrorText'
import Field from './Field'
import { bindIdentity } from '@/api/me'
import type { Me } from '@/api/types'
import { useSubmit } from '@/hooks/useSubmit'

/** Form that binds the driver to their records by name and ID number. */
export default function IdentityForm({ onBound }: { onBound: (me: Me) => void }) {
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const bind = useSubmit(async (body: { idNumber: string; name: string }) => onBound(await bindIdentity(body)))

  const onSubmit = () => {
    const cleanName = name.trim()
    const cleanId = idNumber.trim().toUpperCase()
    if (!cleanName || !cleanId) bind.setError('请填写姓名和身份证号')
    else void bind.run({ idNumber: cleanId, name: cleanName })
  }

  return (
    <View id="identity-form" className="jg-card">
      <Text className="jg-subtitle">绑定身份</Text>
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
      <ErrorText id="identity-error" message={bind.error} />
      <Button id="identity-submit" className="jg-button" type="primary" size="large" loading={bind.busy} disabled={bind.busy} onClick={onSubmit}>
        绑定
      </Button>
    </View>
  )
}
