// How an audit row reads in the admins' table: who, what, which record and its details in words.
import {
  ACCIDENT_STATUS_LABELS,
  ACTOR_TYPE_LABELS,
  CLAIM_STATUS_LABELS,
  CONSULTATION_CATEGORY_LABELS,
  OFFICER_DECISION_LABELS,
  PARTY_LABELS,
  auditActionLabel,
  auditEntityLabel,
  personalFieldLabel,
  type ConsultationCategory,
  type PartyRole,
} from '@jiaoguan/contracts/labels'
import type { AuditEntry } from '@/api/privacy'

export function actorText(actor: AuditEntry['actor']): string {
  const type = ACTOR_TYPE_LABELS[actor.type]
  if (actor.type === 'SYSTEM') return type
  return [type, actor.name, actor.id !== null ? `#${actor.id}` : ''].filter(Boolean).join(' ')
}

export const actionText = (action: string) => auditActionLabel(action)

export function entityText(entry: Pick<AuditEntry, 'entityType' | 'entityId'>): string {
  const label = auditEntityLabel(entry.entityType)
  return entry.entityId ? `${label} #${entry.entityId}` : label
}

/** An IPv4 address as people write it (the server may see it IPv4-mapped, ::ffff:10.0.0.8). */
export const ipText = (ip: string | null) => (ip ? ip.replace(/^::ffff:(?=\d+\.)/, '') : '—')

/** WeChat's verdict on a text a driver wrote. */
const TEXT_CHECK: Record<string, string> = { pass: '通过', review: '待人工审核', risky: '有风险', unchecked: '未检查' }

/** How an identity binding was proven, and who released one (identity audit rows). */
const IDENTITY_PROOF: Record<string, string> = { phone: '微信手机号', fileNumber: '驾驶证档案编号' }
const UNBOUND_BY: Record<string, string> = { self: '本人', admin: '管理员' }

/** The statuses a row's from / to / status name, by the kind of record it is about. */
const STATUS_WORDS: Record<string, Readonly<Record<string, string>>> = {
  AccidentCase: ACCIDENT_STATUS_LABELS,
  InsuranceClaim: CLAIM_STATUS_LABELS,
}

/** The details' keys in words; a key not listed shows as it is. */
const KEY_LABELS: Record<string, string> = {
  caseNumber: '事故编号',
  documentNumber: '文书编号',
  format: '格式',
  rows: '本次行数',
  total: '符合条件',
  upToClaimId: '截至理赔',
  liability: '责任',
  insurer: '保险公司',
  from: '从',
  to: '到',
  status: '状态',
  q: '查找',
  driverId: '驾驶人',
  asker: '提问人',
  category: '类别',
  search: '搜索',
  idNumber: '身份证号',
  username: '账号',
  plate: '号牌',
  note: '备注',
  reason: '原因',
  decision: '决定',
  result: '结果',
  learner: '学员',
  subject: '科目',
  textCheck: '内容检查',
  proof: '验证方式',
  by: '解除人',
}

const MAX_IDS = 5

function listText(values: unknown[]): string {
  const shown = values.slice(0, MAX_IDS).map((v) => String(v)).join('、')
  return values.length > MAX_IDS ? `${shown} 等${values.length}个` : shown
}

function valueText(key: string, value: unknown, entityType?: string): string {
  if (value === null || value === undefined || value === '') return '无'
  if ((key === 'from' || key === 'to' || key === 'status') && typeof value === 'string') return STATUS_WORDS[entityType ?? '']?.[value] ?? value
  if (key === 'decision' && typeof value === 'string') return OFFICER_DECISION_LABELS[value as keyof typeof OFFICER_DECISION_LABELS] ?? value
  if (key === 'category' && typeof value === 'string') return CONSULTATION_CATEGORY_LABELS[value as ConsultationCategory] ?? value
  if (key === 'format' && typeof value === 'string') return value.toUpperCase()
  if (key === 'textCheck' && typeof value === 'string') return TEXT_CHECK[value] ?? value
  if (key === 'proof' && typeof value === 'string') return IDENTITY_PROOF[value] ?? value
  if (key === 'by' && typeof value === 'string') return UNBOUND_BY[value] ?? value
  if (key === 'driverId' || key === 'upToClaimId') return `#${String(value)}`
  if (Array.isArray(value)) return listText(value)
  if (typeof value === 'object') return JSON.stringify(value).slice(0, 120)
  return String(value)
}

/** Each part of a row's details as one short line, in Chinese where the system knows the words. */
export function detailLines(details: unknown, entityType?: string): string[] {
  if (details === null || details === undefined) return []
  if (typeof details !== 'object' || Array.isArray(details)) return [valueText('', details)]
  const lines: string[] = []
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    if (key === 'shown' && Array.isArray(value)) {
      lines.push(`显示：${value.map((f) => personalFieldLabel(String(f))).join('、')}`)
    } else if (key === 'parties' && Array.isArray(value)) {
      const parties = value.map((p: { role?: string; name?: string | null; licenceNumber?: string | null }) =>
        [PARTY_LABELS[p.role as PartyRole] ?? p.role, p.name, p.licenceNumber].filter(Boolean).join(' '),
      )
      lines.push(`当事人：${parties.join('；')}`)
    } else if ((key === 'claimIds' || key === 'learnerIds') && Array.isArray(value)) {
      lines.push(`${key === 'claimIds' ? '理赔' : '学员'}编号：${listText(value)}`)
    } else if (key === 'filter' && value && typeof value === 'object') {
      const set = Object.entries(value as Record<string, unknown>).filter(([k, v]) => v !== null && k !== 'page' && k !== 'pageSize')
      lines.push(`筛选：${set.length ? set.map(([k, v]) => `${KEY_LABELS[k] ?? k} ${String(v)}`).join('，') : '全部'}`)
    } else if (key === 'removed' && value && typeof value === 'object') {
      lines.push(`删除：${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${REMOVED_LABELS[k] ?? k} ${String(v)}`).join('，')}`)
    } else {
      lines.push(`${KEY_LABELS[key] ?? key}：${valueText(key, value, entityType)}`)
    }
  }
  return lines
}

const REMOVED_LABELS: Record<string, string> = {
  sessions: '登录',
  vehicles: '车辆绑定',
  subscriptions: '订阅',
  messages: '消息',
  outbox: '待发消息',
  consultations: '咨询',
}
