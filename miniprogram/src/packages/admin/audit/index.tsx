// Audit log (操作记录) for admins: who did what to which record and when, above all who viewed or
// exported personal data; a filter bar (who, what, which record, Shanghai days) over a paged table.
import { useDidShow } from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@jiaoguan/contracts/labels'
import { addDays, formatDateTime, shanghaiDay } from '@jiaoguan/contracts/time'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import Pager from '@/components/Pager'
import { usePagedSearch } from '@/hooks/usePagedSearch'
import { listAudit, type AuditEntry, type AuditQuery } from '@/api/privacy'
import { actionText, actorText, detailLines, entityText, ipText } from './format'
import '@/components/staff-table.css'
import './index.css'

const PAGE_SIZE = 20

type Filter = { actor: string; action: string; entityType: string; entityId: string; from: string; to: string }
const EMPTY: Filter = { actor: '', action: '', entityType: '', entityId: '', from: '', to: '' }

/** The choices of the action picker: all, the personal-data family, then every known action. */
const ACTIONS: { value: string; label: string }[] = [
  { value: '', label: '全部操作' },
  { value: 'personal_data', label: '查看或导出个人信息' },
  ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
]
const ENTITIES: { value: string; label: string }[] = [
  { value: '', label: '全部记录' },
  ...Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label })),
]

const RANGES = [
  { id: 'today', label: '今天', days: 0 },
  { id: 'week', label: '近7天', days: 6 },
  { id: 'month', label: '近30天', days: 29 },
]

function toQuery(f: Filter): AuditQuery {
  const query: AuditQuery = {}
  for (const key of Object.keys(f) as (keyof Filter)[]) {
    const value = f[key].trim()
    if (value) query[key] = value
  }
  return query
}

export default function AdminAuditPage() {
  const { draft, setDraft, applied, page, result, error, busy, load } = usePagedSearch<Filter, AuditEntry>(
    (filter, at) => listAudit(toQuery(filter), at, PAGE_SIZE),
    EMPTY,
  )

  useDidShow(() => {
    void load(applied, page)
  })

  const set = (key: keyof Filter) => (e: { detail: { value: string } }) => setDraft({ ...draft, [key]: e.detail.value })
  const pick = (key: 'action' | 'entityType', options: { value: string }[]) => (e: { detail: { value: string | number } }) =>
    setDraft({ ...draft, [key]: options[Number(e.detail.value)]?.value ?? '' })
  const range = (days: number) => {
    const today = shanghaiDay(Date.now())
    setDraft({ ...draft, from: addDays(today, -days), to: today })
  }

  const pages = Math.max(1, Math.ceil((result?.total ?? 0) / PAGE_SIZE))
  const actionIndex = Math.max(0, ACTIONS.findIndex((a) => a.value === draft.action))
  const entityIndex = Math.max(0, ENTITIES.findIndex((a) => a.value === draft.entityType))

  return (
    <StaffHome role="admin" title="操作记录">
      <View id="audit-filters" className="jg-card">
        <Text className="jg-hint">工作人员每次查看或导出个人信息都记录在这里。操作人填工作人员账号，或“STAFF:编号”“DRIVER:编号”；日期按北京时间，包含开始和结束当天。</Text>
        <View className="jg-table-filters">
          <View className="jg-table-filter">
            <Text className="jg-label">操作人</Text>
            <Input id="audit-actor" className="jg-input" placeholder="账号或 STAFF:3" value={draft.actor} onInput={set('actor')} />
          </View>
          <View className="jg-table-filter">
            <Text className="jg-label">操作</Text>
            <Picker id="audit-action" mode="selector" range={ACTIONS.map((a) => a.label)} value={actionIndex} onChange={pick('action', ACTIONS)}>
              <View className="jg-input audit-picker">{ACTIONS[actionIndex].label}</View>
            </Picker>
          </View>
          <View className="jg-table-filter">
            <Text className="jg-label">记录类型</Text>
            <Picker id="audit-entity-type" mode="selector" range={ENTITIES.map((a) => a.label)} value={entityIndex} onChange={pick('entityType', ENTITIES)}>
              <View className="jg-input audit-picker">{ENTITIES[entityIndex].label}</View>
            </Picker>
          </View>
          <View className="jg-table-filter jg-table-filter-narrow">
            <Text className="jg-label">记录编号</Text>
            <Input id="audit-entity-id" className="jg-input" placeholder="如 42" value={draft.entityId} onInput={set('entityId')} />
          </View>
          <View className="jg-table-filter jg-table-filter-narrow">
            <Text className="jg-label">开始日期</Text>
            <Input id="audit-from" className="jg-input" placeholder="2026-12-01" value={draft.from} onInput={set('from')} />
          </View>
          <View className="jg-table-filter jg-table-filter-narrow">
            <Text className="jg-label">结束日期</Text>
            <Input id="audit-to" className="jg-input" placeholder="2026-12-31" value={draft.to} onInput={set('to')} />
          </View>
        </View>
        <View className="jg-table-actions">
          {RANGES.map((r) => (
            <Text key={r.id} id={`audit-range-${r.id}`} className="audit-chip" onClick={() => range(r.days)}>
              {r.label}
            </Text>
          ))}
          <View className="jg-table-buttons">
            <Button id="audit-reset" size="normal" disabled={busy} onClick={() => setDraft(EMPTY)}>
              清空条件
            </Button>
            <Button id="audit-search" type="primary" size="normal" loading={busy} disabled={busy} onClick={() => void load(draft, 1)}>
              查询
            </Button>
          </View>
        </View>
        <ErrorText id="audit-error" message={error} />
      </View>

      <View id="audit-table" className="jg-card">
        <Text id="audit-total" className="jg-subtitle">
          {result ? `共 ${result.total} 条记录` : '正在加载…'}
        </Text>
        <View className="jg-table-scroll">
          <View className="jg-table-row audit-row jg-table-head">
            <Text>时间</Text>
            <Text>操作人</Text>
            <Text>操作</Text>
            <Text>记录</Text>
            <Text>详情</Text>
            <Text>IP 地址</Text>
          </View>
          {result?.items.length === 0 && (
            <Text id="audit-empty" className="jg-hint jg-table-empty">
              没有符合条件的记录，可以放宽条件后再查。
            </Text>
          )}
          {result?.items.map((e) => (
            <View key={e.id} id={`audit-row-${e.id}`} className={e.action.startsWith('personal_data.') ? 'jg-table-row audit-row audit-personal' : 'jg-table-row audit-row'}>
              <Text>{formatDateTime(e.at)}</Text>
              <Text>{actorText(e.actor)}</Text>
              <Text className="audit-action">{actionText(e.action)}</Text>
              <Text>{entityText(e)}</Text>
              <View className="audit-details">
                {detailLines(e.details, e.entityType).map((line, i) => (
                  <Text key={i} className="audit-detail-line">
                    {line}
                  </Text>
                ))}
              </View>
              <Text className="audit-ip">{ipText(e.ip)}</Text>
            </View>
          ))}
        </View>
        <Pager id="audit" page={page} pages={pages} busy={busy} onPage={(at) => void load(applied, at)} />
      </View>
    </StaffHome>
  )
}
