// Inquiry endpoints (业务查询): own licence, vehicles and violations, vehicle binding, and the admins' record import.
import type { BindVehicleRequest, Licence, UnbindVehicleResponse, Vehicle, ViolationList } from '@jiaoguan/contracts/schemas/inquiries'
import type { Page } from '@jiaoguan/contracts/schemas/common'
import { request } from './http'

export type { Licence, Vehicle, Violation, ViolationList, ViolationTotals } from '@jiaoguan/contracts/schemas/inquiries'
export type { ViolationStatus } from '@jiaoguan/contracts/labels'

export function getLicence(): Promise<Licence> {
  return request<Licence>('/api/me/licence')
}

export function listVehicles(): Promise<Page<Vehicle>> {
  return request('/api/me/vehicles')
}

export function bindVehicle(body: BindVehicleRequest): Promise<Vehicle> {
  return request<Vehicle>('/api/me/vehicles', { method: 'POST', data: body })
}

export function unbindVehicle(id: number): Promise<UnbindVehicleResponse> {
  return request(`/api/me/vehicles/${id}`, { method: 'DELETE' })
}

export function listViolations(page = 1, pageSize = 50): Promise<ViolationList> {
  return request<ViolationList>(`/api/me/violations?page=${page}&pageSize=${pageSize}`)
}

export type { ImportKind } from '@jiaoguan/contracts/schemas/inquiries'
export type { RecordImportReport as ImportOutcome } from '@jiaoguan/contracts/schemas/inquiries'

/** "¥200.00" from fen. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`
}
