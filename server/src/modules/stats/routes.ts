// HTTP edge of the statistics: the figures as JSON and the numbers behind each chart as CSV.
import { statsCsvQuery, statsQuery, statsResponse } from '@jiaoguan/contracts/schemas/stats';
import type { Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { statsCsv, statsCsvName } from './csv';
import { serviceStats } from './use-cases/service-stats';

export function registerStatsRoutes(api: Api, deps: AppDeps) {
  const admin = api.module('/api/admin', { tag: 'admin' });
  const errors = { 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] };

  admin.route({
    method: 'get',
    path: '/stats',
    summary:
      'Statistics over Asia/Shanghai days from..to (default the last 30, at most 366): accident cases by day and outcome, decision minutes (median, p90), consultations, exams, notifications; admins every unit or ?unit=, officers their own unit',
    access: ['admin', 'officer'],
    query: statsQuery,
    errors,
    response: statsResponse,
    handler: ({ query, caller }) => serviceStats(deps, { caller, ...query }),
  });

  admin.route({
    method: 'get',
    path: '/stats.csv',
    summary: 'The numbers behind each chart of /api/admin/stats as CSV (UTF-8 with BOM, Chinese headers); ?chart= for one table',
    access: ['admin', 'officer'],
    query: statsCsvQuery,
    errors,
    handler: async ({ query, caller, ctx }) => {
      const { chart, ...rest } = query;
      const stats = await serviceStats(deps, { caller, ...rest });
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="${statsCsvName(stats, chart)}"`);
      return statsCsv(stats, chart);
    },
  });
}
