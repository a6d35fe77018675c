// Claims handed to insurers (理赔转交) for admins (every unit's) and officers (their unit's, as the
// server decides): filtered by insurer and Shanghai days, a page at a time, and every matching
// claim as one CSV.
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CLAIM_STATUS_LABELS, PARTY_LABELS } from '@jiaoguan/contracts/labels'
import { formatDateTime } from '@jiaoguan/contracts/time'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import Pager from '@/components/Pager'
import { usePagedSearch } from '@/hooks/usePagedSearch'
import { fetchFile } from '@/api/files'
import { staffClaims, staffClaimsCsvPath, type StaffClaimItem, type StaffClaimQuery } from '@/api/claims'
import { useSubmit } from '@/hooks/useSubmit'
import '@/components/staff-table.css'
import './index.css'

const PAGE_SIZE = 20
const CLAIMS_ROLES = ['admin', 'officer'] as const

type Filter = Required<StaffClaimQuery>
const EMPTY: Filter = { insurer: '', from: '', to: '' }
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Why the page refuses the filter itself, in words: a date not written as 2026-12-01, an end before the start. */
function refusal(f: Filter): string | undefined {
  const [from, to] = [f.from.trim(), f.to.trim()]
  if ((from && !DAY.test(from)) || (to && !DAY.test(to))) return '日期应写成 2026-12-01 这样'
  if (from && to && from > to) return '结束日期不能早于开始日期'
  return undefined
}

/** The filter as the API takes it (after refusal() let it through). */
const toQuery = (f: Filter): StaffClaimQuery => ({ insurer: f.insurer.trim() || undefined, from: f.from.trim() || undefined, to: f.to.trim() || undefined })

export default function AdminClaimsPage() {
  const { draft, setDraft, applied, page, result, error, busy, load } = usePagedSearch<Filter, StaffClaimItem>(
    (filter, at) => staffClaims(toQuery(filter), at, PAGE_SIZE),
    EMPTY,
    refusal,
  )
  const [exported, setExported] = useState('')

  useDidShow(() => {
    void load(applied, page)
  })

  const download = useSubmit(async () => {
    // The filter of the rows shown, checked when they were loaded.
    const q = toQuery(applied)
    const name = `理赔转交${q.from ? `-${q.from}` : ''}${q.to ? `至${q.to}` : ''}.csv`
    setExported(await fetchFile(staffClaimsCsvPath(q), name, 'csv'))
  })

  const set = (key: keyof Filter) => (e: { detail: { value: string } }) => setDraft({ ...draft, [key]: e.detail.value })
  const pages = Math.max(1, Math.ceil((result?.total ?? 0) / PAGE_SIZE))

  return (
    <StaffHome role={CLAIMS_ROLES} title="理赔转交">
      <View id="claims-filters" className="jg-card">
        <Text className="jg-hint">民警确认事故后，当事方填写的保险公司收到理赔。日期按北京时间的转交日期，包含开始和结束当天；导出包含全部符合条件的理赔，不只是本页。民警只看到本大队的案件。</Text>
        <View className="jg-table-filters">
          <View className="jg-table-filter">
            <Text className="jg-label">保险公司</Text>
            <Input id="claims-insurer" className="jg-input" placeholder="如 中国人保" value={draft.insurer} onInput={set('insurer')} />
          </View>
          <View className="jg-table-filter jg-table-filter-narrow">
            <Text className="jg-label">开始日期</Text>
            <Input id="claims-from" className="jg-input" placeholder="2026-12-01" value={draft.from} onInput={set('from')} />
          </View>
          <View className="jg-table-filter jg-table-filter-narrow">
            <Text className="jg-label">结束日期</Text>
            <Input id="claims-to" className="jg-input" placeholder="2026-12-31" value={draft.to} onInput={set('to')} />
          </View>
        </View>
        <View className="jg-table-actions">
          <View className="jg-table-buttons">
            <Button id="claims-reset" size="normal" disabled={busy} onClick={() => setDraft(EMPTY)}>
              清空条件
            </Button>
            <Button id="claims-search" type="primary" size="normal" loading={busy} disabled={busy} onClick={() => void load(draft, 1)}>
              查询
            </Button>
            <Button id="claims-export" size="normal" loading={download.busy} disabled={download.busy || !result?.total} onClick={() => void download.run()}>
              {`导出表格（${result?.total ?? 0} 条）`}
            </Button>
          </View>
        </View>
        {exported && (
          <Text id="claims-export-done" className="jg-hint">
            {exported}
          </Text>
        )}
        <ErrorText id="claims-export-error" message={download.error} />
        <ErrorText id="claims-error" message={error} />
      </View>

      <View id="claims-table" className="jg-card">
        <Text id="claims-total" className="jg-subtitle">
          {result ? `共 ${result.total} 条理赔` : '正在加载…'}
        </Text>
        <View className="jg-table-scroll">
          <View className="jg-table-row claims-row jg-table-head">
            <Text>状态</Text>
            <Text>保险公司</Text>
            <Text>被保险人</Text>
            <Text>事故</Text>
            <Text>责任</Text>
            <Text>事故时间</Text>
            <Text>转交时间</Text>
          </View>
          {result?.items.length === 0 && (
            <Text id="claims-empty" className="jg-hint jg-table-empty">
              没有符合条件的理赔，可以放宽条件后再查。
            </Text>
          )}
          {result?.items.map((c) => (
            <View key={c.id} id={`claims-row-${c.id}`} className="jg-table-row claims-row">
              <Text>{CLAIM_STATUS_LABELS[c.status] ?? c.status}</Text>
              <Text>
                {c.insurer}
                <Text className="claims-muted">{c.policyNumber ? `保单 ${c.policyNumber}` : '未填保单号'}</Text>
              </Text>
              <Text>
                {PARTY_LABELS[c.role]} {c.driverName ?? '—'} · {c.plate ?? '未填车牌'}
                <Text className="claims-muted">{c.phone ?? ''}</Text>
              </Text>
              <Text>
                {c.caseNumber}
                <Text className="claims-muted">
                  {c.address}（{c.unit}大队）
                </Text>
              </Text>
              <Text>{c.liability ?? '—'}</Text>
              <Text>{formatDateTime(c.occurredAt)}</Text>
              <Text>{formatDateTime(c.createdAt)}</Text>
            </View>
          ))}
        </View>
        <Pager id="claims" page={page} pages={pages} busy={busy} onPage={(at) => void load(applied, at)} />
      </View>
    </StaffHome>
  )
}
