// Typed calls for quick accident processing (事故快处): reports, joining, details, photos, answers, officer review.
import Taro from '@tarojs/taro'
import type {
  AccidentCase,
  CheckEligibilityRequest,
  DecisionRequest,
  InviteQr,
  OfficerQueueItem,
  OfficerStats,
  PartyDetails,
  ReportAccidentRequest,
  Scenario,
  UploadedEvidence,
} from '@jiaoguan/contracts/schemas/accidents'
import type { EvidenceSlot as Slot, FaultSide } from '@jiaoguan/contracts/labels'
import type { Page as List, Unit } from '@jiaoguan/contracts/schemas/common'
import { ApiError, getToken, request, toApiError } from './http'

export type {
  AccidentCase,
  CaseEvent,
  EligibilityAnswers as Eligibility,
  AccidentLocation as Location,
  InviteQr,
  OfficerQueueItem as QueueItem,
  OfficerStats,
  Party,
  PartyDetails,
  Photo,
  Scenario,
} from '@jiaoguan/contracts/schemas/accidents'
export type { AccidentStatus, EvidenceSlot as Slot, FaultSide, LiabilityLevel, PartyRole } from '@jiaoguan/contracts/labels'
export type { Page as List } from '@jiaoguan/contracts/schemas/common'

export const checkEligibility = (body: CheckEligibilityRequest) =>
  request<{ eligible: true; unit: Unit }>('/api/accidents/eligibility', { method: 'POST', data: body })

export const reportAccident = (body: ReportAccidentRequest) => request<AccidentCase>('/api/accidents', { method: 'POST', data: body })

export const myAccidents = () => request<List<AccidentCase>>('/api/accidents?pageSize=50')
export const getAccident = (id: number) => request<AccidentCase>(`/api/accidents/${id}`)
export const joinAccident = (inviteCode: string) => request<AccidentCase>('/api/accidents/join', { method: 'POST', data: { inviteCode } })
export const getInviteQr = (id: number) => request<InviteQr>(`/api/accidents/${id}/invite-qr`)
export const saveMyDetails = (id: number, body: PartyDetails) =>
  request<AccidentCase>(`/api/accidents/${id}/parties/me`, { method: 'PUT', data: body })
export const getScenarios = () => request<List<Scenario>>('/api/accidents/scenarios', { auth: false })
export const setLiability = (id: number, scenario: string, atFault: FaultSide) =>
  request<AccidentCase>(`/api/accidents/${id}/liability`, { method: 'PUT', data: { scenario, atFault } })
export const answer = (id: number, agree: boolean, signature: number) =>
  request<AccidentCase>(`/api/accidents/${id}/confirmation`, { method: 'POST', data: { agree, signature } })
/** Removes a photo the caller took (while the case may still change and nobody has signed). */
export const deletePhoto = (id: number, photoId: number) => request<AccidentCase>(`/api/accidents/${id}/photos/${photoId}`, { method: 'DELETE' })
export const cancelAccident = (id: number) => request<AccidentCase>(`/api/accidents/${id}/cancel`, { method: 'POST' })

export const officerQueue = (query = 'status=PENDING_REVIEW') => request<List<OfficerQueueItem>>(`/api/officer/accidents?${query}`)
export const officerStats = () => request<OfficerStats>('/api/officer/stats')
export const officerCase = (id: number) => request<AccidentCase>(`/api/officer/accidents/${id}`)
export const decide = (id: number, body: DecisionRequest) => request<AccidentCase>(`/api/officer/accidents/${id}/decision`, { method: 'POST', data: body })

/** Hands a case under review to another unit (大队) with a reason; the answer is the case as it now stands, no longer the caller's. */
export const handOver = (id: number, body: { unit: string; reason: string }) =>
  request<AccidentCase>(`/api/officer/accidents/${id}/handover`, { method: 'POST', data: body })

/** A photo to upload: a local file path (WeChat) or the picked file / drawn image itself (browser). */
export type UploadSource = string | Blob

type Uploaded = UploadedEvidence

function parseBody(text: unknown): unknown {
  if (typeof text !== 'string') return text
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Browser: posts the file itself, so no blob: or data: URL has to be fetched (the page's CSP forbids it). */
function uploadBlob(id: number, slot: Slot, file: Blob, onProgress?: (percent: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const form = new FormData()
    form.append('slot', slot)
    form.append('file', file, file instanceof File ? file.name : `${slot.toLowerCase()}.png`)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${API_BASE}/api/accidents/${id}/photos`)
    xhr.setRequestHeader('Authorization', `Bearer ${getToken()}`)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      const body = parseBody(xhr.responseText)
      if (xhr.status === 201) resolve(body as Uploaded)
      else reject(toApiError(xhr.status, body))
    }
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，照片已保留，请重试'))
    xhr.send(form)
  })
}

/** Turns a data: URL (the browser's canvas export) into a Blob without fetching it. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const [head, data] = dataUrl.split(',')
  const type = /data:([^;]+)/.exec(head)?.[1] ?? 'image/png'
  const bytes = atob(data)
  const out = new Uint8Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i)
  return new Blob([out], { type })
}

/** Uploads one photo or signature, reporting progress (0–100). */
export function uploadPhoto(id: number, slot: Slot, source: UploadSource, onProgress?: (percent: number) => void): Promise<Uploaded> {
  if (typeof source !== 'string') return uploadBlob(id, slot, source, onProgress)
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: `${API_BASE}/api/accidents/${id}/photos`,
      filePath: source,
      name: 'file',
      formData: { slot },
      header: { Authorization: `Bearer ${getToken()}` },
      success(res) {
        const body = parseBody(res.data)
        if (res.statusCode === 201) resolve(body as Uploaded)
        else reject(toApiError(res.statusCode, body))
      },
      fail() {
        reject(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，照片已保留，请重试'))
      },
    })
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })
}

/** The address of a case's PDF (with the token, for download or opening in a browser tab). */
export const agreementUrl = (id: number) => `${API_BASE}/api/accidents/${id}/agreement`

/** Downloads the PDF and opens it (WeChat) or saves it (browser). */
export async function openAgreement(id: number, fileName: string): Promise<void> {
  if (Taro.getEnv() === Taro.ENV_TYPE.WEB) {
    const res = await fetch(agreementUrl(id), { headers: { Authorization: `Bearer ${getToken()}` } })
    if (!res.ok) throw toApiError(res.status, await res.text())
    const blob = await res.blob()
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = fileName
    link.click()
    return
  }
  const res = await Taro.downloadFile({ url: agreementUrl(id), header: { Authorization: `Bearer ${getToken()}` } })
  if (res.statusCode !== 200) throw toApiError(res.statusCode, undefined)
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true })
}

/** Photo bytes need the token: in the browser they are fetched into object URLs. */
export async function photoSrc(url: string): Promise<string> {
  if (Taro.getEnv() === Taro.ENV_TYPE.WEB) {
    const res = await fetch(`${API_BASE}${url}`, { headers: { Authorization: `Bearer ${getToken()}` } })
    if (!res.ok) throw toApiError(res.status, undefined)
    return URL.createObjectURL(await res.blob())
  }
  const res = await Taro.downloadFile({ url: `${API_BASE}${url}`, header: { Authorization: `Bearer ${getToken()}` } })
  return res.tempFilePath
}
