// Files behind the session's token (a plain link could not carry it): a CSV export or a PDF.
import Taro from '@tarojs/taro'
import { getToken, toApiError } from './http'

/** A file behind the session's token: saved in the browser, opened in WeChat (PDF) or copied (CSV). */
export async function fetchFile(path: string, fileName: string, kind: 'pdf' | 'csv'): Promise<string> {
  if (Taro.getEnv() === Taro.ENV_TYPE.WEB) {
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
  if (kind === 'csv') {
    // WeChat opens no .csv file: the text is copied for pasting into a spreadsheet.
    const res = await Taro.request({ url: `${API_BASE}${path}`, header: { Authorization: `Bearer ${getToken()}` }, dataType: 'text', responseType: 'text' })
    if (res.statusCode !== 200) throw toApiError(res.statusCode, res.data)
    await Taro.setClipboardData({ data: String(res.data).replace(/^\uFEFF/, '') })
    return '表格数据已复制，可粘贴到电子表格中'
  }
  const res = await Taro.downloadFile({ url: `${API_BASE}${path}`, header: { Authorization: `Bearer ${getToken()}` } })
  if (res.statusCode !== 200) throw toApiError(res.statusCode, undefined)
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true })
  return '已打开'
}
