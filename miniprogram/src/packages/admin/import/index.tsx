// Admin record import (数据导入): pick a CSV or JSON file of licences, vehicles or violations, upload it
// with a progress bar, and see the counts and the rejected rows with their line numbers and reasons.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import { getToken, toApiError, errorMessage } from '@/api/http'
import type { ImportKind, ImportOutcome } from '@/api/inquiries'
import { importFieldLabel } from '@jiaoguan/contracts/labels'
import { previewOf, type Preview } from './preview'
import './index.css'

// The columns each kind takes (the server's IMPORT_FIELDS), shown with their Chinese names.
const KINDS: { key: ImportKind; label: string; required: readonly string[]; optional: readonly string[] }[] = [
  {
    key: 'licences',
    label: '驾驶证',
    required: ['idNumber', 'name', 'licenceClass', 'firstIssuedAt', 'validUntil', 'status', 'points'],
    optional: ['nextMedicalCheckAt', 'phone', 'fileNumber'],
  },
  {
    key: 'vehicles',
    label: '机动车',
    required: ['plate', 'plateType', 'vin', 'ownerIdNumber', 'brand', 'model', 'registeredAt', 'inspectionDueAt', 'status'],
    optional: ['insuranceExpiresAt'],
  },
  {
    key: 'violations',
    label: '违法记录',
    required: ['plate', 'occurredAt', 'place', 'code', 'description', 'fineFen', 'points', 'status'],
    optional: ['plateType', 'decidedAt', 'licenceNumber'],
  },
]

/** The first part of a file is enough for the preview of its first rows. */
const PREVIEW_BYTES = 256 * 1024

const contentTypeOf = (name: string) => (name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv')

/** Browser upload: the File goes as the request body, so the browser streams it and reports progress. */
function uploadInBrowser(kind: ImportKind, file: File, onProgress: (p: number) => void): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${API_BASE}/api/admin/import/${kind}`)
    xhr.setRequestHeader('Authorization', `Bearer ${getToken()}`)
    xhr.setRequestHeader('Content-Type', contentTypeOf(file.name))
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total)
    }
    xhr.onload = () => {
      let body: unknown
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = undefined
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportOutcome)
      else reject(toApiError(xhr.status, body))
    }
    xhr.onerror = () => reject(toApiError(0, undefined))
    xhr.send(file)
  })
}

function pickBrowserFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,.json,text/csv,application/json'
    input.onchange = () => resolve(input.files?.[0] ?? null)
    input.click()
  })
}

/** In WeChat: a file from a chat, read as text and sent in one request (no upload progress there). */
async function uploadInWechat(kind: ImportKind): Promise<ImportOutcome> {
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'json'] })
  const file = picked.tempFiles[0]
  const text = Taro.getFileSystemManager().readFileSync(file.path, 'utf8') as string
  const res = await Taro.request({
    url: `${API_BASE}/api/admin/import/${kind}`,
    method: 'POST',
    header: { Authorization: `Bearer ${getToken()}`, 'Content-Type': contentTypeOf(file.name) },
    data: text,
    dataType: '其他',
  })
  const body = typeof res.data === 'string' ? (JSON.parse(res.data) as unknown) : res.data
  if (res.statusCode >= 200 && res.statusCode < 300) return body as ImportOutcome
  throw toApiError(res.statusCode, body)
}

export default function AdminImportPage() {
  const [kind, setKind] = useState<ImportKind>('violations')
  const [progress, setProgress] = useState<number | null>(null)
  const [fileName, setFileName] = useState('')
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)
  const [error, setError] = useState('')
  // Browser: the file picked and its first rows, waiting for 确认导入.
  const [picked, setPicked] = useState<{ file: File; preview: Preview } | null>(null)

  const current = KINDS.find((k) => k.key === kind)!

  const onPick = async () => {
    setError('')
    setOutcome(null)
    setPicked(null)
    try {
      if (process.env.TARO_ENV === 'h5') {
        const file = await pickBrowserFile()
        if (!file) return
        setFileName(file.name)
        const head = await file.slice(0, file.name.toLowerCase().endsWith('.json') ? file.size : PREVIEW_BYTES).text()
        setPicked({ file, preview: previewOf(head, current) })
      } else {
        setProgress(0)
        setOutcome(await uploadInWechat(kind))
      }
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setProgress(null)
    }
  }

  const onConfirm = async () => {
    if (!picked) return
    setError('')
    try {
      setProgress(0)
      setOutcome(await uploadInBrowser(kind, picked.file, setProgress))
      setPicked(null)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setProgress(null)
    }
  }

  return (
    <StaffHome role="admin" title="数据导入">
      <View className="jg-card">
        <View className="imp-chips">
          {KINDS.map((k) => (
            <Text key={k.key} id={`import-kind-${k.key}`} className={k.key === kind ? 'imp-chip imp-chip-on' : 'imp-chip'} onClick={() => {
                setKind(k.key)
                setPicked(null)
              }}>
              {k.label}
            </Text>
          ))}
        </View>
        <Text className="jg-hint">CSV 文件第一行为列名，或 JSON 数组。</Text>
        <Text id="import-fields" className="jg-hint">
          必填列：{current.required.map(importFieldLabel).join('、')}
        </Text>
        <Text className="jg-hint">选填列：{current.optional.map(importFieldLabel).join('、')}</Text>
        <Text className="jg-hint">日期写作 2026-01-05 或 2026-01-05 08:30:00（北京时间）。同一记录重复导入会更新，不会重复。</Text>
        <Button id="import-pick" className="jg-button" type="primary" size="large" disabled={progress !== null} onClick={() => void onPick()}>
          {process.env.TARO_ENV === 'h5' ? '选择文件' : '选择文件并导入'}
        </Button>
        {picked && (
          <View id="import-preview">
            <Text className="jg-subtitle">
              {fileName} 的前 {picked.preview.rows.length} 行
            </Text>
            {picked.preview.missing.length > 0 && (
              <Text id="import-preview-missing" className="jg-error">
                缺少必填列：{picked.preview.missing.join('、')}。请补上这些列再导入。
              </Text>
            )}
            <View className="imp-table-wrap">
              <View className="imp-table">
                <View className="imp-tr imp-th">
                  {picked.preview.columns.map((c) => (
                    <Text key={c.name} className={c.known ? 'imp-td' : 'imp-td imp-unknown'}>
                      {c.label}
                      {c.known ? '' : '（不认识的列）'}
                    </Text>
                  ))}
                </View>
                {picked.preview.rows.map((r, i) => (
                  <View key={i} className="imp-tr">
                    {picked.preview.columns.map((c, j) => (
                      <Text key={c.name} className="imp-td">
                        {r[j] ?? ''}
                      </Text>
                    ))}
                  </View>
                ))}
              </View>
            </View>
            <Button
              id="import-confirm"
              className="jg-button"
              type="primary"
              size="large"
              disabled={progress !== null || picked.preview.missing.length > 0}
              onClick={() => void onConfirm()}
            >
              确认导入
            </Button>
          </View>
        )}
        {progress !== null && (
          <View id="import-progress">
            <Text className="jg-hint">
              {fileName} {progress < 1 ? `上传中 ${Math.round(progress * 100)}%` : '上传完成，正在逐行校验和写入…'}
            </Text>
            <View className="imp-bar">
              <View className="imp-bar-fill" style={{ width: `${Math.round(progress * 100)}%` }} />
            </View>
          </View>
        )}
        <ErrorText id="import-error" message={error} />
      </View>
      {outcome && (
        <View id="import-result" className="jg-card">
          <Text className="jg-subtitle">
            新增 {outcome.created} 条 · 更新 {outcome.updated} 条 · 未导入 {outcome.rejectedCount} 条
          </Text>
          {outcome.rejectedCount > outcome.rejected.length && <Text className="jg-hint">下表只列出前 {outcome.rejected.length} 条未导入的行。</Text>}
          {outcome.rejected.map((r) => (
            <View key={r.line} className="imp-row">
              <Text className="imp-line">第 {r.line} 行</Text>
              <Text className="imp-reason">{r.reason}</Text>
            </View>
          ))}
        </View>
      )}
    </StaffHome>
  )
}
