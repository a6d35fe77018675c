// Personal data: a driver deleting their account, and the admins' audit log.
import { request } from './http'
import type { AuditPage, AuditQuery, DeleteAccountResponse } from '@jiaoguan/contracts/schemas/privacy'

export type { AuditEntry, AuditPage, AuditQuery } from '@jiaoguan/contracts/schemas/privacy'

export function deleteAccount(): Promise<DeleteAccountResponse> {
  return request<DeleteAccountResponse>('/api/me', { method: 'DELETE' })
}

/** One page of the audit log; empty filters are left out. */
export function listAudit(filter: AuditQuery, page = 1, pageSize = 20): Promise<AuditPage> {
  const params: Record<string, string | number> = { ...filter, page, pageSize }
  const query = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return request<AuditPage>(`/api/admin/audit?${query}`)
}
