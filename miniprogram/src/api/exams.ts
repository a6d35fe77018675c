// Exam booking endpoints (约考): sessions, eligibility, bookings, and the admin's exam plan.
import { request } from './http'

export type Allocation = 'RANKED' | 'FIRST_COME'
export type BookingStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED'
export type ExamResult = 'PASS' | 'FAIL' | 'NO_SHOW'

export interface Venue {
  id: number
  name: string
  address: string
}

export interface ExamSession {
  id: number
  subject: number
  licenceClass: string
  venue: Venue
  startsAt: string
  capacity: number
  allocation: Allocation
  bookingOpensAt: string
  bookingClosesAt: string
  bookingOpen: boolean
  allocated: boolean
  /** Seats left: FIRST_COME sessions, and RANKED ones once allocated. */
  remaining?: number
  /** Applications so far: RANKED sessions. */
  applicants?: number
}

export interface AdminExamSession extends ExamSession {
  confirmedCount: number
  applicantCount: number
  allocatedAt: string | null
  fillRate: number
}

export interface Booking {
  id: number
  sessionId: number
  subject: number
  subjectName: string
  status: BookingStatus
  rank?: number
  priority: boolean
  result: ExamResult | null
  cancellableUntil: string | null
  createdAt: string
  session: ExamSession
}

export type SubjectState =
  | { subject: number; name: string; status: 'PASSED'; passedAt: string }
  | { subject: number; name: string; status: 'BOOKED'; bookingId: number; sessionId: number }
  | { subject: number; name: string; status: 'BOOKABLE' }
  | { subject: number; name: string; status: 'NOT_BOOKABLE'; reason: string; message: string; availableFrom: string | null }

export interface Eligibility {
  learner: { name: string; licenceClass: string; permitIssuedAt: string | null; permitExpiresAt: string | null }
  subjects: SubjectState[]
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface ImportReport {
  created: number
  updated: number
  rejected: { line: number; reason: string }[]
}

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

export interface NewSession {
  subject: number
  licenceClass: string
  venue: string
  startsAt: string
  capacity: number
  bookingOpensAt: string
  bookingClosesAt: string
  allocation: Allocation
}

export function adminListSessions(): Promise<Page<AdminExamSession>> {
  return request<Page<AdminExamSession>>('/api/admin/exam-sessions?pageSize=50')
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
