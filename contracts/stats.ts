// The statistics' charts as tables: the numbers behind each chart, with their Chinese headers, in
// one place for the console's tables and the server's CSV download. No zod here (the mini-program
// imports it); the response's shape is in schemas/stats.ts.
import { subjectLabel } from './labels';
import type { StatsResponse } from './schemas/stats';

/** The longest range one request may ask for, in days (both ends counted). */
export const STATS_MAX_DAYS = 366;
/** The range shown when none is asked for: the last 30 days up to today. */
export const STATS_DEFAULT_DAYS = 30;

export const STATS_CHANNELS = ['SUBSCRIBE', 'OFFICIAL_TEMPLATE', 'SMS', 'AUTO', 'MESSAGE_CENTRE'] as const;
export type StatsChannel = (typeof STATS_CHANNELS)[number];
export const STATS_CHANNEL_LABELS: Record<StatsChannel, string> = {
  SUBSCRIBE: '订阅消息',
  OFFICIAL_TEMPLATE: '公众号模板消息',
  SMS: '短信',
  AUTO: '未选定渠道',
  MESSAGE_CENTRE: '消息中心',
};

export const STATS_CHARTS = ['accidents', 'decisions', 'consultations', 'exams', 'notifications'] as const;
export type StatsChart = (typeof STATS_CHARTS)[number];
export const STATS_CHART_TITLES: Record<StatsChart, string> = {
  accidents: '事故快处：每日案件',
  decisions: '事故快处：审核用时',
  consultations: '咨询：首次答复',
  exams: '约考：名额使用',
  notifications: '消息送达：按渠道',
};

export type Cell = string | number;
export interface StatsTable {
  chart: StatsChart;
  title: string;
  columns: string[];
  rows: Cell[][];
}

const orDash = (v: number | null) => (v === null ? '—' : v);
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The numbers behind each chart, one table per chart. */
export function statsTables(s: StatsResponse): StatsTable[] {
  const a = s.accidents;
  const c = s.consultations;
  const d = a.decisionMinutes;
  return [
    {
      chart: 'accidents',
      title: STATS_CHART_TITLES.accidents,
      columns: ['日期', '提交审核', '其中重新提交', '确认', '退回补充', '转现场处理', '移交其他大队'],
      rows: [
        ...a.byDay.map((r) => [r.date, r.submitted, r.resubmitted, r.confirmed, r.returned, r.transferred, r.handedOver]),
        ['合计', a.totals.submitted, a.totals.resubmitted, a.totals.confirmed, a.totals.returned, a.totals.transferred, a.totals.handedOver],
      ],
    },
    {
      chart: 'decisions',
      title: STATS_CHART_TITLES.decisions,
      columns: ['日期', '审核件数', '用时中位数（分钟）', '用时90%分位（分钟）'],
      rows: [
        ...a.decisionByDay.map((r) => [r.date, r.count, orDash(r.median), orDash(r.p90)]),
        ['全部', d.count, orDash(d.median), orDash(d.p90)],
      ],
    },
    {
      chart: 'consultations',
      title: STATS_CHART_TITLES.consultations,
      columns: ['日期', '咨询数', `按时答复（${c.limitHours}个工作小时内）`, '超时', '待答复'],
      rows: [
        ...c.byDay.map((r) => [r.date, r.created, r.withinLimit, r.overdue, r.waiting]),
        ['合计', c.created, c.withinLimit, c.overdue, c.waiting],
      ],
    },
    {
      chart: 'exams',
      title: STATS_CHART_TITLES.exams,
      columns: ['科目', '考试场次', '名额', '已约', '约满率', '缺考', '取消场次'],
      rows: [
        ...s.exams.bySubject.map((r) => [subjectLabel(r.subject), r.sessions, r.capacity, r.confirmed, percent(r.fillRate), r.noShows, r.cancelled]),
        ['合计', s.exams.sessions, s.exams.capacity, s.exams.confirmed, percent(s.exams.fillRate), s.exams.noShows, s.exams.cancelled],
      ],
    },
    {
      chart: 'notifications',
      title: STATS_CHART_TITLES.notifications,
      columns: ['渠道', '已发送', '发送失败', '待发送', '未发送（跳过）'],
      rows: STATS_CHANNELS.map((ch) => {
        const n = s.notifications.byChannel[ch];
        return [STATS_CHANNEL_LABELS[ch], n.sent, n.failed, n.pending, n.skipped];
      }),
    },
  ];
}
