// The party's answer to the case as it stands: agree or dispute, then sign by hand.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from '@/components/ErrorText'
import SignaturePad from '@/components/SignaturePad'
import { answer, uploadPhoto, type AccidentCase, type UploadSource } from '@/api/accidents'
import { useSubmit } from '@/hooks/useSubmit'

interface AnswerPanelProps {
  c: AccidentCase
  onAnswered: (c: AccidentCase) => void
}

export default function AnswerPanel({ c, onAnswered }: AnswerPanelProps) {
  const [agree, setAgree] = useState<boolean | null>(null)
  const sign = useSubmit(async (png: UploadSource) => {
    const sig = await uploadPhoto(c.id, 'SIGNATURE', png)
    onAnswered(await answer(c.id, agree === true, sig.id))
  })
  return (
    <View className="jg-card" id="case-answer">
      <Text className="jg-subtitle">确认并签字</Text>
      {c.missingSlots.length > 0 && <Text className="jg-hint">还需拍照：{c.missingSlots.length} 张必拍照片未上传。</Text>}
      {agree === null ? (
        <View className="jg-row">
          <Button id="answer-agree" className="jg-button" type="primary" size="large" onClick={() => setAgree(true)}>
            同意，签字
          </Button>
          <Button id="answer-dispute" className="jg-button" size="large" onClick={() => setAgree(false)}>
            有争议，请民警定责
          </Button>
        </View>
      ) : (
        <View>
          <Text className="jg-hint">{agree ? '您同意以上事故情形和责任。' : '您对责任有争议，将由民警在线认定。'}</Text>
          <SignaturePad id="signature-pad" busy={sign.busy} onDone={(p) => void sign.run(p)} />
          <Button className="jg-button" size="large" onClick={() => setAgree(null)}>
            返回
          </Button>
        </View>
      )}
      <ErrorText id="answer-error" message={sign.error} />
    </View>
  )
}
