// Step 签字: agree with the scenario and liability (or dispute them, for an officer to decide), then
// sign on a pad that fills the screen; the signature is uploaded and the answer sent with it.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from '@/components/ErrorText'
import SignaturePad from '@/components/SignaturePad'
import { answer, uploadPhoto, type AccidentCase, type UploadSource } from '@/api/accidents'
import { useSubmit } from '@/hooks/useSubmit'
import { liabilityText } from './LiabilityPicker'

interface SignStepProps {
  c: AccidentCase
  onAnswered: (c: AccidentCase) => void
}

export default function SignStep({ c, onAnswered }: SignStepProps) {
  const [agree, setAgree] = useState<boolean | null>(null)
  const sign = useSubmit(async (png: UploadSource) => {
    const sig = await uploadPhoto(c.id, 'SIGNATURE', png)
    onAnswered(await answer(c.id, agree === true, sig.id))
  })
  return (
    <View id="case-answer">
      <Text className="jg-step-screen-title">确认并签字</Text>
      <View className="jg-card">
        <Text className="jg-label">
          {c.scenarioName}：{liabilityText(c)}
        </Text>
        <Text className="jg-hint">同意就签字；不同意可以提出争议，由民警在线认定责任。</Text>
      </View>
      <Button id="answer-agree" className="jg-button" type="primary" size="large" onClick={() => setAgree(true)}>
        同意，签字
      </Button>
      <Button id="answer-dispute" className="jg-button" size="large" onClick={() => setAgree(false)}>
        有争议，请民警定责
      </Button>
      <ErrorText id="answer-error" message={agree === null ? sign.error : ''} />
      {agree !== null && (
        <View className="jg-sign-sheet" id="sign-sheet">
          <Text className="jg-label">{agree ? '您同意以上事故情形和责任，请在下方签名。' : '您对责任有争议，将由民警在线认定。请在下方签名。'}</Text>
          <SignaturePad id="signature-pad" lineWidth={6} busy={sign.busy} onDone={(p) => void sign.run(p)} />
          <ErrorText id="sign-error" message={sign.error} />
          <Button id="sign-cancel" className="jg-button" size="large" onClick={() => setAgree(null)}>
            返回
          </Button>
        </View>
      )}
    </View>
  )
}
