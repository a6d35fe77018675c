// The insurers' directory and the insurer console's claims (API.md, Operations: Insurers).
import Taro from '@tarojs/taro'
import type { ClaimStatusRequest, InsurerClaimDetail, InsurerClaimsResponse, InsurersResponse } from '@jiaoguan/contracts/schemas/insurers'
import { getToken, request, toApiError } from './http'

export type { InsurerClaimDetail, InsurerClaimItem, InsurerClaimsResponse, InsurerEntry } from '@jiaoguan/contracts/schemas/insurers'
export type { ClaimStatus, InsurerClaimStep } from '@jiaoguan/contracts/labels'

export interface ClaimQuery {
  status?: string
  from?: string
  to?: string
  q?: string
  page?: number
}

const search = (query: ClaimQuery, extra: Record<string, string | number> = {}) =>
  Object.entries({ ...query, ...extra })
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')

export const listInsurers = () => request<InsurersResponse>('/api/insurers', { auth: false })
export const insurerClaims = (query: ClaimQuery) => request<InsurerClaimsResponse>(`/api/insurer/claims?${search(query, { pageSize: 20 })}`)
export const insurerClaim = (id: number) => request<InsurerClaimDetail>(`/api/insurer/claims/${id}`)
export const setClaimStatus = (id: number, body: ClaimStatusRequest) =>
  request<InsurerClaimDetail>(`/api/insurer/claims/${id}/status`, { method: 'POST', data: body })
/** The export's path: every matching claim (not one page), as CSV. */
export const claimsCsvPath = (query: ClaimQuery) => `/api/insurer/claims/export?${search({ ...query, page: undefined })}`

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
