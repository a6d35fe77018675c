// Notification endpoints: the message centre, subscription answers and the admins' delivery view.
import { request } from './http'

export type SubscribeKey = 'accident_progress' | 'exam_booking' | 'consultation_reply'
export type SubscribeAnswer = 'accept' | 'reject'

export interface MessageEntry {
  id: number
  event: string
  title: string
  body: string
  link: string | null
  read: boolean
  readAt: string | null
  createdAt: string
}

export interface MessagePage {
  items: MessageEntry[]
  total: number
  unread: number
}

export function listMessages(page = 1, pageSize = 20): Promise<MessagePage> {
  return request<MessagePage>(`/api/me/notifications?page=${page}&pageSize=${pageSize}`)
}

export function markMessageRead(id: number): Promise<MessageEntry> {
  return request<MessageEntry>(`/api/me/notifications/${id}/read`, { method: 'POST' })
}

export function markAllMessagesRead(): Promise<{ updated: number; unread: number }> {
  return request(`/api/me/notifications/read-all`, { method: 'POST' })
}

export function templateIds(): Promise<{ templates: Record<SubscribeKey, string> }> {
  return request('/api/notifications/templates')
}

export function reportSubscriptions(templates: Partial<Record<SubscribeKey, SubscribeAnswer>>): Promise<unknown> {
  return request('/api/me/subscriptions', { method: 'POST', data: { templates } })
}

export interface DeliveryRow {
  channel: 'SUBSCRIBE' | 'OFFICIAL_TEMPLATE'
  templateKey: SubscribeKey
  pending: number
  sent: number
  failed: number
  skipped: number
}

export interface DeliveryStats {
  items: DeliveryRow[]
  totals: { pending: number; sent: number; failed: number; skipped: number }
}

export interface DeliveryFailure {
  id: number
  channel: DeliveryRow['channel']
  event: string
  templateKey: SubscribeKey
  status: string
  attempts: number
  lastError: string | null
  updatedAt: string
}

export function deliveryStats(): Promise<DeliveryStats> {
  return request<DeliveryStats>('/api/admin/notifications/delivery')
}

export function deliveryFailures(status: 'FAILED' | 'RETRYING' = 'FAILED'): Promise<{ items: DeliveryFailure[]; total: number }> {
  return request(`/api/admin/notifications/failures?status=${status}&pageSize=20`)
}
