// Insurer console (理赔工作台): the company's claims, newest first, filtered by status, days of
// hand-over and a number or plate; every matching claim downloads as a CSV.
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import { errorMessage, getToken } from '@/api/http'
import { claimsCsvPath, fetchFile, insurerClaims, type ClaimQuery, type InsurerClaimsResponse } from '@/api/insurers'
import { useSubmit } from '@/hooks/useSubmit'
import { open, PAGES } from '@/utils/nav'
import { STATUS_FILTERS, statusTagClass, when } from '../labels'
import '../insurer.css'

const PAGE_SIZE = 20

export default function InsurerHomePage() {
  const [query, setQuery] = useState<ClaimQuery>({ page: 1 })
  const [search, setSearch] = useState('')
  const [list, setList] = useState<InsurerClaimsResponse | null>(null)
  const [error, setError] = useState('')
  const [exported, setExported] = useState('')

  const load = async (next: ClaimQuery) => {
    setQuery(next)
    try {
      setList(await insurerClaims(next))
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  useDidShow(() => {
    if (getToken()) void load(query)
  })

  const download = useSubmit(async () => {
    const name = `理赔清单${query.from ? `-${query.from}` : ''}${query.to ? `至${query.to}` : ''}.csv`
    setExported(await fetchFile(claimsCsvPath(query), name, 'csv'))
  })

  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1
  const page = query.page ?? 1

  return (
    <StaffHome role="insurer" title="理赔工作台">
      {list && (
        <View id="insurer-company" className="jg-card">
          <Text className="jg-subtitle">{list.insurer.name}</Text>
          <Text className="jg-hint">
            理赔电话 {list.insurer.hotline} · 民警确认的事故中填写本公司的当事方，其理赔自动转交到这里
          </Text>
        </View>
      )}
      <View id="insurer-claims" className="jg-card">
        <Text className="jg-subtitle">理赔案件</Text>
        <View className="jg-ins-filters">
          {STATUS_FILTERS.map((f) => (
            <Text
              key={f.value || 'all'}
              id={`insurer-status-${f.value || 'all'}`}
              className={`jg-ins-chip ${(query.status ?? '') === f.value ? 'jg-ins-chip-on' : ''}`}
              onClick={() => void load({ ...query, status: f.value || undefined, page: 1 })}
            >
              {f.label}
            </Text>
          ))}
        </View>
        <View className="jg-ins-filters" style={{ marginTop: '12px' }}>
          <Text className="jg-ins-muted">转交日期</Text>
          <Picker mode="date" value={query.from ?? ''} end={query.to} onChange={(e) => void load({ ...query, from: e.detail.value, page: 1 })}>
            <Text id="insurer-from" className="jg-ins-date">
              {query.from ?? '开始日期'}
            </Text>
          </Picker>
          <Text className="jg-ins-muted">至</Text>
          <Picker mode="date" value={query.to ?? ''} start={query.from} onChange={(e) => void load({ ...query, to: e.detail.value, page: 1 })}>
            <Text id="insurer-to" className="jg-ins-date">
              {query.to ?? '结束日期'}
            </Text>
          </Picker>
          {(query.from || query.to) && (
            <Text id="insurer-dates-clear" className="jg-ins-chip" onClick={() => void load({ ...query, from: undefined, to: undefined, page: 1 })}>
              不限日期
            </Text>
          )}
          <Input
            id="insurer-search"
            className="jg-ins-search"
            value={search}
            placeholder="事故编号、号牌或保单号"
            onInput={(e) => setSearch(e.detail.value)}
            onConfirm={() => void load({ ...query, q: search.trim() || undefined, page: 1 })}
          />
          <Text id="insurer-search-go" className="jg-ins-btn" onClick={() => void load({ ...query, q: search.trim() || undefined, page: 1 })}>
            查询
          </Text>
        </View>
        <View className="jg-ins-actions">
          <Text id="insurer-export" className={`jg-ins-btn jg-ins-btn-primary ${download.busy ? 'jg-ins-btn-off' : ''}`} onClick={() => void download.run()}>
            {download.busy ? '正在导出…' : `导出 CSV（${list ? `${list.total} 条` : '全部'}）`}
          </Text>
          {exported && (
            <Text id="insurer-export-done" className="jg-hint">
              {exported}
            </Text>
          )}
        </View>
        <ErrorText id="insurer-export-error" message={download.error} />
        <ErrorText id="insurer-claims-error" message={error} />
        {list === null && !error && <Text className="jg-hint">正在加载…</Text>}
        {list && (
          <Text id="insurer-claims-total" className="jg-hint">
            共 {list.total} 条
          </Text>
        )}
        {list?.items.length === 0 && <Text className="jg-hint">没有符合条件的理赔。</Text>}
        {list && list.items.length > 0 && (
          <View className="jg-ins-table">
            <View className="jg-ins-head">
              <Text>状态</Text>
              <Text>事故编号</Text>
              <Text>被保险人</Text>
              <Text>事故地点</Text>
              <Text>责任</Text>
              <Text>事故时间</Text>
              <Text>转交时间</Text>
            </View>
            {list.items.map((i) => (
              <View key={i.id} id={`insurer-claim-${i.id}`} className="jg-ins-row" onClick={() => open(`${PAGES.insurerClaim}?id=${i.id}`)}>
                <Text className="jg-ins-cell">
                  <Text className={`jg-ins-tag ${statusTagClass(i.status)}`}>{i.statusLabel}</Text>
                </Text>
                <Text className="jg-ins-cell">{i.caseNumber}</Text>
                <Text className="jg-ins-cell">
                  {i.driverName ?? '—'} · {i.plate ?? '未填车牌'}
                  {'\n'}
                  <Text className="jg-ins-muted">
                    {i.phone ?? ''}
                    {i.policyNumber ? ` · 保单 ${i.policyNumber}` : ''}
                  </Text>
                </Text>
                <Text className="jg-ins-cell">
                  {i.address}
                  <Text className="jg-ins-muted">（{i.unit}大队）</Text>
                </Text>
                <Text className="jg-ins-cell">{i.liability ?? '—'}</Text>
                <Text className="jg-ins-cell jg-ins-muted">{when(i.occurredAt)}</Text>
                <Text className="jg-ins-cell jg-ins-muted">{when(i.createdAt)}</Text>
              </View>
            ))}
          </View>
        )}
        {list && list.total > PAGE_SIZE && (
          <View className="jg-ins-pager">
            <Text id="insurer-prev" className={`jg-ins-btn ${page <= 1 ? 'jg-ins-btn-off' : ''}`} onClick={() => page > 1 && void load({ ...query, page: page - 1 })}>
              上一页
            </Text>
            <Text className="jg-hint">
              第 {page} / {pages} 页
            </Text>
            <Text id="insurer-next" className={`jg-ins-btn ${page >= pages ? 'jg-ins-btn-off' : ''}`} onClick={() => page < pages && void load({ ...query, page: page + 1 })}>
              下一页
            </Text>
          </View>
        )}
      </View>
    </StaffHome>
  )
}
