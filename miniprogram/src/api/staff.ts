// Staff accounts, unit settings and one's own password (API.md, Operations; the 账号管理, 大队设置
// and 修改密码 pages).
import { request } from './http'
import type { Page, Unit } from './types'
import type {
  ChangePasswordRequest,
  CreatedStaffAccount,
  CreateStaffRequest,
  PasswordChanged,
  StaffAccount,
  TemporaryPasswordResponse,
  UnitSettings,
  UpdateStaffRequest,
  UpdateUnitRequest,
} from '@jiaoguan/contracts/schemas/staff'

export type { CreatedStaffAccount, StaffAccount, UnitSettings, UpdateUnitRequest }

export function listStaffAccounts(page = 1, pageSize = 100): Promise<Page<StaffAccount>> {
  return request<Page<StaffAccount>>(`/api/admin/staff?page=${page}&pageSize=${pageSize}`)
}

export function createStaffAccount(body: CreateStaffRequest): Promise<CreatedStaffAccount> {
  return request<CreatedStaffAccount>('/api/admin/staff', { method: 'POST', data: body })
}

export function updateStaffAccount(id: number, body: UpdateStaffRequest): Promise<StaffAccount> {
  return request<StaffAccount>(`/api/admin/staff/${id}`, { method: 'PATCH', data: body })
}

export function resetStaffPassword(id: number): Promise<TemporaryPasswordResponse> {
  return request<TemporaryPasswordResponse>(`/api/admin/staff/${id}/reset-password`, { method: 'POST', data: {} })
}

export function changeOwnPassword(body: ChangePasswordRequest): Promise<PasswordChanged> {
  return request<PasswordChanged>('/api/me/password', { method: 'POST', data: body })
}

export function listUnitSettings(): Promise<Page<UnitSettings>> {
  return request<Page<UnitSettings>>('/api/admin/units')
}

export function updateUnitSettings(code: string, body: UpdateUnitRequest): Promise<UnitSettings> {
  return request<UnitSettings>(`/api/admin/units/${encodeURIComponent(code)}`, { method: 'PATCH', data: body })
}

/** The units (大队) by code and name, for pickers. */
export function listUnitNames(): Promise<Page<Unit>> {
  return request<Page<Unit>>('/api/units', { auth: false })
}
