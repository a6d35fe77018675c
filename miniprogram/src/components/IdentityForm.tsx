// Identity binding form: name and ID number, showing the server's reason when it refuses.
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import ErrorText from './ErrorText'
import { errorMessage } from '@/api/http'
import { bindIdentity } from '@/api/me'
import type { Me } from '@/api/types'

/** Form that binds the driver to their records by name and ID number. */
export default function IdentityForm({ onBound }: { onBound: (me: Me) => void }) {
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const onSubmit = async () => {
    const cleanName = name.trim()
    const cleanId = idNumber.trim().toUpperCase()
    if (!cleanName || !cleanId) {
      setError('请填写姓名和身份证号')
      return
    }
    setError('')
    setBusy(true)
    try {
      onBound(await bindIdentity({ idNumber: cleanId, name: cleanName }))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id="identity-form" className="jg-card">
      <Text className="jg-subtitle">绑定身份</Text>
      <View className="jg-field">
        <Text className="jg-label">姓名</Text>
        <Input
          id="identity-name"
          className="jg-input"
          placeholder="与身份证上的姓名一致"
          maxlength={30}
          value={name}
          onInput={(e) => setName(e.detail.value)}
        />
      </View>
      <View className="jg-field">
        <Text className="jg-label">身份证号</Text>
        <Input
          id="identity-number"
          className="jg-input"
          type="idcard"
          placeholder="18位身份证号"
          maxlength={18}
          value={idNumber}
          onInput={(e) => setIdNumber(e.detail.value)}
        />
      </View>
      <ErrorText id="identity-error" message={error} />
      <Button id="identity-submit" className="jg-button" type="primary" size="large" loading={busy} disabled={busy} onClick={onSubmit}>
        绑定
      </Button>
    </View>
  )
}
