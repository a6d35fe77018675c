// The public check of an issued document by its verification code: no login, no token sent.
import { request } from './http'
import type { PublicDocumentCheck } from '@jiaoguan/contracts/schemas/documents'

export type { PublicDocumentCheck } from '@jiaoguan/contracts/schemas/documents'

export function checkDocument(code: string): Promise<PublicDocumentCheck> {
  return request<PublicDocumentCheck>(`/api/public/documents/${encodeURIComponent(code)}`, { auth: false })
}
