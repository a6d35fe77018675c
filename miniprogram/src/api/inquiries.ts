// Inquiry endpoints (业务查询): own licence, vehicles and violations, vehicle binding, and the admins' record import.
import { request } from './http'

export interface Licence {
  idNumber: string
  name: string
  licenceClass: string
  licenceClassText: string
  firstIssuedAt: string
  validUntil: string
  validDaysLeft: number
  status: string
  statusText: string
  points: number
  fullPoints: number
  pointsCycle: { startsAt: string; endsAt: string }
  nextMedicalCheckAt: string | null
  advice: string[]
}

export interface Vehicle {
  id: number
  plate: string
  plateType: string
  plateTypeText: string
  vin: string
  brand: string
  model: string
  registeredAt: string
  inspectionDueAt: string | null
  inspectionDaysLeft: number | null
  insuranceExpiresAt: string | null
  status: string
  statusText: string
  warnings: string[]
}

export type ViolationStatus = 'UNPROCESSED' | 'PROCESSED' | 'PAID'

export interface Violation {
  id: number
  plate: string
  occurredAt: string
  place: string
  code: string
  description: string
  fineFen: number
  points: number
  status: ViolationStatus
  statusText: string
  paymentDueAt: string | null
  lateFeeFen: number
  amountDueFen: number
}

export interface ViolationList {
  items: Violation[]
  total: number
  totals: { outstandingCount: number; fineFen: number; lateFeeFen: number; amountDueFen: number; points: number }
}

export function getLicence(): Promise<Licence> {
  return request<Licence>('/api/me/licence')
}

export function listVehicles(): Promise<{ items: Vehicle[]; total: number }> {
  return request('/api/me/vehicles')
}

export function bindVehicle(body: { plate: string; vinSuffix: string }): Promise<Vehicle> {
  return request<Vehicle>('/api/me/vehicles', { method: 'POST', data: body })
}

export function unbindVehicle(id: number): Promise<{ id: number; bound: boolean }> {
  return request(`/api/me/vehicles/${id}`, { method: 'DELETE' })
}

export function listViolations(page = 1, pageSize = 50): Promise<ViolationList> {
  return request<ViolationList>(`/api/me/violations?page=${page}&pageSize=${pageSize}`)
}

export type ImportKind = 'licences' | 'vehicles' | 'violations'

export interface ImportOutcome {
  created: number
  updated: number
  rejected: { line: number; reason: string }[]
  rejectedCount: number
}

/** "¥200.00" from fen. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`
}
