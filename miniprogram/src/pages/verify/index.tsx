// The public check of an accident document (协议书 / 认定书): anyone holding the paper types its
// verification code, or scans its QR code, which opens this page with the code filled in. No login:
// the answer says whether the document is genuine and still valid, with names and plates masked.
import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDocumentCode, normaliseDocumentCode } from '@jiaoguan/contracts/document-code'
import { formatDateTime } from '@jiaoguan/contracts/time'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { ApiError } from '@/api/http'
import { checkDocument, type PublicDocumentCheck } from '@/api/documents'
import { useSubmit } from '@/hooks/useSubmit'
import './index.css'

type Outcome = { kind: 'found'; doc: PublicDocumentCheck } | { kind: 'not-found'; code: string } | null

const STATUS_NOTE: Record<PublicDocumentCheck['status'], string> = {
  VALID: '该文书由交管服务出具，内容与下列信息一致即为真实。',
  SUPERSEDED: '该文书确由交管服务出具，但已被新文书取代，请以当事人手中的新文书为准。',
  REVOKED: '该文书确由交管服务出具，但已被撤销，不能再作为理赔或处理依据。',
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="verify-fact">
      <Text className="verify-fact-label">{label}</Text>
      <Text className="verify-fact-value">{value}</Text>
    </View>
  )
}

export default function VerifyPage() {
  const scanned = useRouter().params.code ?? ''
  const [code, setCode] = useState(() => {
    let text = scanned
    try {
      text = decodeURIComponent(scanned)
    } catch {
      // A broken link: whatever it carries is not a code.
    }
    const known = normaliseDocumentCode(text)
    return known ? formatDocumentCode(known) : ''
  })
  const [outcome, setOutcome] = useState<Outcome>(null)
  const check = useSubmit(async (typed: string) => {
    setOutcome(null)
    try {
      setOutcome({ kind: 'found', doc: await checkDocument(typed) })
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setOutcome({ kind: 'not-found', code: formatDocumentCode(typed) })
      else throw err
    }
  })

  const submit = (value = code) => {
    const normalised = normaliseDocumentCode(value)
    if (!normalised) {
      setOutcome(null)
      check.setError('校验码是10位字母和数字（不含 I、O、0、1），请对照文书核对')
    } else void check.run(normalised)
  }

  // Arrived from the QR code: check at once.
  useEffect(() => {
    if (code) submit(code)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const doc = outcome?.kind === 'found' ? outcome.doc : null
  return (
    <PageShell>
      <View className="jg-card">
        <Text className="jg-title">文书真伪查验</Text>
        <Text className="jg-hint">输入事故协议书或认定书上的校验码，或用手机扫描文书上的二维码。无需登录。</Text>
        <Field>
          <Input
            id="verify-code"
            className="jg-input verify-input"
            type="text"
            placeholder="例如 ABCD-EFGH-JK"
            maxlength={14}
            value={code}
            onInput={(e) => setCode(e.detail.value.toUpperCase())}
            onConfirm={() => submit()}
          />
        </Field>
        <ErrorText id="verify-error" message={check.error} />
        <Button id="verify-submit" className="jg-button" type="primary" size="large" loading={check.busy} disabled={check.busy} onClick={() => submit()}>
          查验
        </Button>
      </View>

      {outcome?.kind === 'not-found' && (
        <View id="verify-result" className="jg-card verify-result verify-missing">
          <Text id="verify-verdict" className="verify-verdict">
            未找到
          </Text>
          <Text className="verify-note">
            没有找到校验码 {outcome.code} 对应的文书。请逐位核对校验码；仍然找不到的，该文书可能不是交管服务出具的，请向出具单位核实。
          </Text>
        </View>
      )}

      {doc && (
        <View id="verify-result" className={`jg-card verify-result verify-${doc.status.toLowerCase()}`}>
          <Text id="verify-verdict" className="verify-verdict">
            {doc.status === 'VALID' ? '✓ ' : ''}
            {doc.statusText}
          </Text>
          <Text className="verify-note">{STATUS_NOTE[doc.status]}</Text>
          <Fact label="文书" value={doc.title} />
          <Fact label="校验码" value={doc.code} />
          <Fact label="文书编号" value={doc.documentNumber} />
          <Fact label="事故编号" value={doc.caseNumber} />
          <Fact label="事故时间" value={formatDateTime(doc.occurredAt)} />
          <Fact label="处理单位" value={doc.unit} />
          <Fact label="出具时间" value={formatDateTime(doc.issuedAt)} />
          {doc.endedAt && <Fact label={doc.status === 'REVOKED' ? '撤销时间' : '取代时间'} value={formatDateTime(doc.endedAt)} />}
          {doc.parties.map((p) => (
            <Fact
              key={p.role}
              label={p.role === 'A' ? '甲方' : '乙方'}
              value={`${p.name ?? '—'}  ${p.plate ?? '—'}  ${p.liability ? `${p.liability}责任` : '责任未定'}`}
            />
          ))}
          <Text className="jg-hint">为保护个人信息，姓名和号牌已部分隐去。</Text>
        </View>
      )}
    </PageShell>
  )
}
