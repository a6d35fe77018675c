// The claims handed to insurers, for admins (every unit) and officers (their own): a page, or every
// matching claim as CSV (API: GET /api/admin/insurance-claims).
import type { ClaimStatus, PartyRole } from '@jiaoguan/contracts/labels'
import { request } from './http'

export interface StaffClaimItem {
  id: number
  insurer: string
  policyNumber: string | null
  status: ClaimStatus
  createdAt: string
  caseNumber: string
  documentNumber: string | null
  occurredAt: string
  address: string
  unit: string
  role: PartyRole
  driverName: string | null
  plate: string | null
  phone: string | null
  liability: string | null
}

export interface StaffClaimQuery {
  insurer?: string
  /** Shanghai days, both included. */
  from?: string
  to?: string
}

/** The API's instants for Shanghai days: from the first day's midnight to the day after the last. */
function search(q: StaffClaimQuery, extra: Record<string, string | number>): string {
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString()
  const params: Record<string, string | number> = {
    ...(q.insurer ? { insurer: q.insurer } : {}),
    ...(q.from ? { from: `${q.from}T00:00:00+08:00` } : {}),
    ...(q.to ? { to: next(q.to) } : {}),
    ...extra,
  }
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
}

export const staffClaims = (q: StaffClaimQuery, page: number, pageSize: number) =>
  request<{ items: StaffClaimItem[]; total: number }>(`/api/admin/insurance-claims?${search(q, { page, pageSize })}`)

export const staffClaimsCsvPath = (q: StaffClaimQuery) => `/api/admin/insurance-claims?${search(q, { format: 'csv' })}`
