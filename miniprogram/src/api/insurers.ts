// The insurers' directory and the insurer console's claims (API.md, Operations: Insurers).
import type { ClaimStatusRequest, InsurerClaimDetail, InsurerClaimsResponse, InsurersResponse } from '@jiaoguan/contracts/schemas/insurers'
import { request } from './http'

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

export { fetchFile } from './files'
