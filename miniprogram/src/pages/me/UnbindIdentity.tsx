// 我的 → 解除身份绑定: behind a dialog that says what goes with it (the vehicles bound through the
// identity) and that binding again needs the proof once more.
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Dialog from '@/components/Dialog'
import ErrorText from '@/components/ErrorText'
import { unbindIdentity } from '@/api/me'
import type { Me } from '@/api/types'
import { useSubmit } from '@/hooks/useSubmit'

export default function UnbindIdentity({ onChange }: { onChange: (me: Me) => void }) {
  const [confirming, setConfirming] = useState(false)
  const unbind = useSubmit(async () => {
    const me = await unbindIdentity()
    setConfirming(false)
    onChange(me)
  })
  return (
    <>
      <Button id="identity-unbind" className="me-unbind" size="small" onClick={() => setConfirming(true)}>
        解除绑定
      </Button>
      {confirming && (
        <Dialog
          id="identity-unbind-dialog"
          title="解除身份绑定？"
          actions={
            <>
              <Button id="identity-unbind-cancel" size="large" disabled={unbind.busy} onClick={() => setConfirming(false)}>
                取消
              </Button>
              <Button id="identity-unbind-confirm" type="danger" size="large" loading={unbind.busy} disabled={unbind.busy} onClick={() => void unbind.run()}>
                确认解除
              </Button>
            </>
          }
        >
          <Text className="jg-hint">解除后，这个微信不能再查询您的驾驶证、车辆和违法记录，也不能预约考试；已绑定的车辆会一并解除。以后需要时，可以重新验证手机号或档案编号后绑定。</Text>
          <ErrorText id="identity-unbind-error" message={unbind.error} />
        </Dialog>
      )}
    </>
  )
}
