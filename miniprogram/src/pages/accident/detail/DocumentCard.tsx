// The agreement once the officer confirmed: its number, verification code, download and the insurers' claims.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDocumentCode } from '@jiaoguan/contracts/document-code'
import { openAgreement, type AccidentCase } from '@/api/accidents'

type CaseDocument = NonNullable<AccidentCase['document']>

interface DocumentCardProps {
  c: AccidentCase
  document: CaseDocument
  onError: (err: unknown) => void
}

export default function DocumentCard({ c, document, onError }: DocumentCardProps) {
  return (
    <View className="jg-card" id="case-document">
      <Text className="jg-subtitle">{document.title}</Text>
      <Text className="jg-hint">文书编号：{document.number}</Text>
      <Text className="jg-hint">校验码：{formatDocumentCode(document.verificationCode ?? '')}（文书上的二维码或此码可在“文书真伪查验”核对，无需登录）</Text>
      <Button id="case-download" className="jg-button" type="primary" size="large" onClick={() => openAgreement(c.id, `${document.number}.pdf`).catch(onError)}>
        下载协议书
      </Button>
      {c.claims.map((cl) => (
        <Text key={cl.id} className="jg-hint">
          已转交 {cl.insurer} 理赔{cl.policyNumber ? `（保单 ${cl.policyNumber}）` : ''}，请留意保险公司来电。
        </Text>
      ))}
    </View>
  )
}
