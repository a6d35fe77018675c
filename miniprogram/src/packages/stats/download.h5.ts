// The CSV of a chart in the browser: fetched with the session's token (a plain link could not carry
// it) and saved as a file.
import { getToken, toApiError } from '@/api/http'

export async function downloadCsv(path: string, fileName: string): Promise<string> {
  const res = await fetch(`${API_BASE}${path}`, { headers: { Authorization: `Bearer ${getToken()}` } })
  if (!res.ok) throw toApiError(res.status, await res.text())
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return `已下载 ${fileName}`
}
