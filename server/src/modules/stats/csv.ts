// The statistics as CSV for a spreadsheet: a BOM (so Excel reads the Chinese headers as UTF-8), then
// each chart's table (statsTables in contracts, the same the console shows) under its title.
import { stringify } from 'csv-stringify/sync';
import { statsTables, type StatsChart } from '@jiaoguan/contracts/stats';
import type { StatsResponse } from '@jiaoguan/contracts/schemas/stats';

export function statsCsv(stats: StatsResponse, chart?: StatsChart): string {
  const scope = `${stats.unit ? stats.unit.name + '大队' : '全部大队'}，${stats.from} 至 ${stats.to}`;
  const tables = statsTables(stats).filter((t) => !chart || t.chart === chart);
  const records: (string | number)[][] = [];
  for (const t of tables) {
    if (records.length) records.push([]);
    records.push([`${t.title}（${scope}）`], t.columns, ...t.rows);
  }
  return stringify(records, { bom: true, record_delimiter: '\r\n' });
}

/** The download's file name (ASCII: dates and the chart). */
export const statsCsvName = (stats: StatsResponse, chart?: StatsChart) =>
  `stats-${chart ?? 'all'}-${stats.from}-${stats.to}.csv`;
