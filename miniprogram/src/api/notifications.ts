// Notification endpoints: the message centre, subscription answers and the admins' delivery view.
import { request } from './http'

import type { DeliveryFailure, DeliveryStats, MessageEntry, MessagePage, SubscribeAnswer } from '@jiaoguan/contracts/schemas/notifications'
import type { TemplateKey as SubscribeKey } from '@jiaoguan/contracts/labels'
import type { Page } from '@jiaoguan/contracts/schemas/common'

export type { DeliveryFailure, DeliveryRow, DeliveryStats, MessageEntry, MessagePage, SubscribeAnswer } from '@jiaoguan/contracts/schemas/notifications'
export type { TemplateKey as SubscribeKey } from '@jiaoguan/contracts/labels'

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

export function deliveryStats(): Promise<DeliveryStats> {
  return request<DeliveryStats>('/api/admin/notifications/delivery')
}

export function deliveryFailures(status: 'FAILED' | 'RETRYING' = 'FAILED'): Promise<Page<DeliveryFailure>> {
  return request(`/api/admin/notifications/failures?status=${status}&pageSize=20`)
}
