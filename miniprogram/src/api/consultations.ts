// Consultation endpoints (在线咨询): questions, FAQ suggestions and ratings for drivers; the agents' desk.
import type {
  AgentConsultation,
  AgentQueueItem,
  AskRequest,
  CannedReply,
  CannedReplyChange,
  CannedReplyRequest,
  Consultation,
  ConsultationListItem,
  FaqEntry,
  FaqEntryChange,
  FaqEntryRequest,
  FaqItem,
  FollowUpRequest,
  RatingRequest,
  ReplyRequest,
  TransferRequest,
} from '@jiaoguan/contracts/schemas/consultations'
import type { Page as List } from '@jiaoguan/contracts/schemas/common'
import { request } from './http'

import { CONSULTATION_CATEGORIES, CONSULTATION_CATEGORY_LABELS, type ConsultationCategory, type ConsultationStatus } from '@jiaoguan/contracts/labels'

export type { ConsultationStatus }
export type Category = ConsultationCategory
export const CATEGORY_LABELS = CONSULTATION_CATEGORY_LABELS
export const CATEGORIES: readonly Category[] = CONSULTATION_CATEGORIES

export type {
  AgentConsultation,
  AgentQueueItem,
  AgentReply,
  CannedReply,
  Consultation,
  ConsultationListItem,
  FaqEntry,
  FaqItem,
  Reply,
} from '@jiaoguan/contracts/schemas/consultations'

export function suggestFaq(q: string, category?: Category): Promise<List<FaqItem>> {
  const query = `q=${encodeURIComponent(q)}${category ? `&category=${category}` : ''}`
  return request(`/api/consultations/faq?${query}`, { auth: false })
}

export function ask(body: AskRequest): Promise<Consultation> {
  return request('/api/consultations', { method: 'POST', data: body })
}

export function listMine(): Promise<List<ConsultationListItem>> {
  return request('/api/consultations?pageSize=50')
}

export function getMine(id: number): Promise<Consultation> {
  return request(`/api/consultations/${id}`)
}

export function followUp(id: number, content: string): Promise<Consultation> {
  const body: FollowUpRequest = { content }
  return request(`/api/consultations/${id}/messages`, { method: 'POST', data: body })
}

export function closeMine(id: number): Promise<Consultation> {
  return request(`/api/consultations/${id}/close`, { method: 'POST' })
}

export function rate(id: number, score: number): Promise<Consultation> {
  const body: RatingRequest = { score }
  return request(`/api/consultations/${id}/rating`, { method: 'POST', data: body })
}

export function agentQueue(status: ConsultationStatus, category?: Category): Promise<List<AgentQueueItem>> {
  return request(`/api/agent/consultations?status=${status}&pageSize=100${category ? `&category=${category}` : ''}`)
}

export function agentGet(id: number): Promise<AgentConsultation> {
  return request(`/api/agent/consultations/${id}`)
}

export function agentClaim(id: number): Promise<AgentConsultation> {
  return request(`/api/agent/consultations/${id}/claim`, { method: 'POST' })
}

export function agentReply(id: number, content: string, internal: boolean): Promise<AgentConsultation> {
  const body: ReplyRequest = { content, internal }
  return request(`/api/agent/consultations/${id}/replies`, { method: 'POST', data: body })
}

export function agentTransfer(id: number, category: Category): Promise<AgentConsultation> {
  const body: TransferRequest = { category }
  return request(`/api/agent/consultations/${id}/transfer`, { method: 'POST', data: body })
}

export function agentApprove(id: number): Promise<AgentConsultation> {
  return request(`/api/agent/consultations/${id}/approve`, { method: 'POST' })
}

export function agentClose(id: number): Promise<AgentConsultation> {
  return request(`/api/agent/consultations/${id}/close`, { method: 'POST' })
}

export function cannedReplies(category?: Category): Promise<List<CannedReply>> {
  return request(`/api/agent/canned-replies${category ? `?category=${category}` : ''}`)
}

// ---- the FAQ and canned replies, kept by agents and admins ----

export function listFaqEntries(search?: string): Promise<List<FaqEntry>> {
  return request(`/api/agent/faq${search ? `?search=${encodeURIComponent(search)}` : ''}`)
}

export function createFaqEntry(body: FaqEntryRequest): Promise<FaqEntry> {
  return request('/api/agent/faq', { method: 'POST', data: body })
}

export function updateFaqEntry(id: number, body: FaqEntryChange): Promise<FaqEntry> {
  return request(`/api/agent/faq/${id}`, { method: 'PATCH', data: body })
}

export function deleteFaqEntry(id: number): Promise<{ id: number; deleted: true }> {
  return request(`/api/agent/faq/${id}`, { method: 'DELETE' })
}

export function createCannedReply(body: CannedReplyRequest): Promise<CannedReply> {
  return request('/api/agent/canned-replies', { method: 'POST', data: body })
}

export function updateCannedReply(id: number, body: CannedReplyChange): Promise<CannedReply> {
  return request(`/api/agent/canned-replies/${id}`, { method: 'PATCH', data: body })
}

export function deleteCannedReply(id: number): Promise<{ id: number; deleted: true }> {
  return request(`/api/agent/canned-replies/${id}`, { method: 'DELETE' })
}

/** "11月27日 14:05" and "2026年11月27日" in Asia/Shanghai. */
export { formatShortDateTime as shanghaiTime, formatDate as shanghaiDate } from '@jiaoguan/contracts/time'
