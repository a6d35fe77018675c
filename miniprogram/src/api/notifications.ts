// Notification endpoints: the message centre, subscription answers and the admins' delivery view.
import { request } from './http'

import type {
  DeliveryFailure,
  DeliveryStats,
  FailuresFilter,
  MessageEntry,
  MessagePage,
  MySubscriptionsResponse,
  ReadAllResponse,
  SubscriptionsRequest,
  SubscriptionsResponse,
  TemplateIdsResponse,
} from '@jiaoguan/contracts/schemas/notifications'
import type { Page } from '@jiaoguan/contracts/schemas/common'

export type { DeliveryFailure, DeliveryRow, DeliveryStats, MessageEntry, MessagePage, MySubscriptionsResponse, SubscribeAnswer } from '@jiaoguan/contracts/schemas/notifications'
import type { StaffWechatLinkRequest, StaffWechatLinkResponse } from '@jiaoguan/contracts/schemas/notifications'
export type { TemplateKey as SubscribeKey } from '@jiaoguan/contracts/labels'

export function listMessages(page = 1, pageSize = 20): Promise<MessagePage> {
  return request<MessagePage>(`/api/me/notifications?page=${page}&pageSize=${pageSize}`)
}

export function markMessageRead(id: number): Promise<MessageEntry> {
  return request<MessageEntry>(`/api/me/notifications/${id}/read`, { method: 'POST' })
}

export function markAllMessagesRead(): Promise<ReadAllResponse> {
  return request(`/api/me/notifications/read-all`, { method: 'POST' })
}

export function templateIds(): Promise<TemplateIdsResponse> {
  return request('/api/notifications/templates')
}

export function reportSubscriptions(templates: SubscriptionsRequest['templates']): Promise<SubscriptionsResponse> {
  const body: SubscriptionsRequest = { templates }
  return request('/api/me/subscriptions', { method: 'POST', data: body })
}

/** The driver's grants left per template, the official-account follower flag and the SMS phone (masked). */
export function mySubscriptions(): Promise<MySubscriptionsResponse> {
  return request('/api/me/subscriptions')
}

export function deliveryStats(): Promise<DeliveryStats> {
  return request<DeliveryStats>('/api/admin/notifications/delivery')
}

export function deliveryFailures(status: NonNullable<FailuresFilter['status']> = 'FAILED'): Promise<Page<DeliveryFailure>> {
  return request(`/api/admin/notifications/failures?status=${status}&pageSize=20`)
}

/** Staff: link this account to the WeChat user of a wx.login code, to be pushed new cases. */
export function linkStaffWechat(code: string): Promise<StaffWechatLinkResponse> {
  const body: StaffWechatLinkRequest = { code }
  return request('/api/me/wechat', { method: 'POST', data: body })
}

export function unlinkStaffWechat(): Promise<StaffWechatLinkResponse> {
  return request('/api/me/wechat', { method: 'DELETE' })
}
