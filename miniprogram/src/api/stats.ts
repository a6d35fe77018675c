// Statistics endpoints: the figures (GET /api/admin/stats) and each chart's numbers as CSV.
import { request } from './http'
import type { Page, Unit } from '@jiaoguan/contracts/schemas/common'
import type { StatsQuery, StatsResponse } from '@jiaoguan/contracts/schemas/stats'
import type { StatsChart } from '@jiaoguan/contracts/stats'

export type { StatsResponse } from '@jiaoguan/contracts/schemas/stats'

const search = (q: Record<string, string | undefined>) =>
  Object.entries(q)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join('&')

export function getStats(query: StatsQuery): Promise<StatsResponse> {
  return request<StatsResponse>(`/api/admin/stats?${search({ ...query })}`)
}

/** The path of the CSV download (the caller adds the token: a download cannot go through `request`). */
export function statsCsvPath(query: StatsQuery, chart?: StatsChart): string {
  return `/api/admin/stats.csv?${search({ ...query, chart })}`
}

export function listUnits(): Promise<Page<Unit>> {
  return request<Page<Unit>>('/api/units', { auth: false })
}

