// Exam booking endpoints (约考): sessions, eligibility, bookings, and the admin's exam plan.
import type {
  AdminExamSession,
  Booking,
  ExamEligibility as Eligibility,
  ExamSession,
  NewSessionRequest as NewSession,
  SessionChangeRequest,
  Venue,
} from '@jiaoguan/contracts/schemas/exams'
import type { ImportReport, Page } from '@jiaoguan/contracts/schemas/common'
import { request } from './http'

export type { Allocation, BookingStatus, ExamResult } from '@jiaoguan/contracts/labels'
export type {
  AdminExamSession,
  Booking,
  ExamEligibility as Eligibility,
  ExamSession,
  NewSessionRequest as NewSession,
  SessionChangeRequest,
  SubjectState,
  Venue,
} from '@jiaoguan/contracts/schemas/exams'
export type { ImportReport, Page } from '@jiaoguan/contracts/schemas/common'

const query = (params: Record<string, string | number | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export function getEligibility(): Promise<Eligibility> {
  return request<Eligibility>('/api/exam/eligibility')
}

export function listSessions(params: { subject?: number; licenceClass?: string; pageSize?: number } = {}): Promise<Page<ExamSession>> {
  return request<Page<ExamSession>>(`/api/exam/sessions${query({ pageSize: 50, ...params })}`, { auth: false })
}

export function book(sessionId: number): Promise<Booking> {
  return request<Booking>('/api/exam/bookings', { method: 'POST', data: { sessionId } })
}

export function listBookings(): Promise<Page<Booking>> {
  return request<Page<Booking>>('/api/exam/bookings?pageSize=50')
}

export function cancelBooking(id: number): Promise<Booking> {
  return request<Booking>(`/api/exam/bookings/${id}`, { method: 'DELETE' })
}

// ---- admin ----

export function adminListSessions(params: { from?: string; to?: string; venueId?: number; pageSize?: number } = {}): Promise<Page<AdminExamSession>> {
  return request<Page<AdminExamSession>>(`/api/admin/exam-sessions${query({ pageSize: 50, ...params })}`)
}

export function adminUpdateSession(id: number, body: SessionChangeRequest): Promise<AdminExamSession> {
  return request<AdminExamSession>(`/api/admin/exam-sessions/${id}`, { method: 'PATCH', data: body })
}

export function adminCancelSession(id: number, reason: string): Promise<AdminExamSession> {
  return request<AdminExamSession>(`/api/admin/exam-sessions/${id}/cancel`, { method: 'POST', data: { reason } })
}

export function adminListVenues(): Promise<Page<Venue>> {
  return request<Page<Venue>>('/api/admin/venues')
}

export function adminCreateSession(body: NewSession): Promise<AdminExamSession> {
  return request<AdminExamSession>('/api/admin/exam-sessions', { method: 'POST', data: body })
}

export function adminAllocate(id: number): Promise<AdminExamSession> {
  return request<AdminExamSession>(`/api/admin/exam-sessions/${id}/allocate`, { method: 'POST' })
}

export function adminImportLearners(csv: string): Promise<ImportReport> {
  return request<ImportReport>('/api/admin/import/learners', { method: 'POST', data: { csv } })
}

export function adminImportResults(csv: string): Promise<ImportReport> {
  return request<ImportReport>('/api/admin/import/exam-results', { method: 'POST', data: { csv } })
}
