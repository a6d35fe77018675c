// The range and scope a statistics request asks for: Asia/Shanghai days [from, to] (both counted),
// at most STATS_MAX_DAYS long, and the unit its accident and exam figures are limited to.
import { addDays, shanghaiDay, shanghaiMidnight } from '@jiaoguan/contracts/time';
import { STATS_DEFAULT_DAYS, STATS_MAX_DAYS } from '@jiaoguan/contracts/stats';
import type { StaffCaller } from '../accidents/callers';
import type { AppDeps } from '../../deps';
import { badRequest, notFound } from '../../http/errors';

export interface StatsScope {
  from: string;
  to: string;
  /** The instants the range begins and ends (exclusive): Shanghai midnights. */
  start: Date;
  end: Date;
  /** Every day of the range, in order (the charts show empty days too). */
  days: string[];
  unit: { id: number; code: string; name: string } | null;
}

const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export async function statsScope(
  deps: Pick<AppDeps, 'db'>,
  input: { caller: StaffCaller; from?: string; to?: string; unit?: string; now?: Date },
): Promise<StatsScope> {
  const today = shanghaiDay(input.now ?? new Date());
  const to = input.to ?? (input.from && input.from > today ? input.from : today);
  const from = input.from ?? addDays(to, -(STATS_DEFAULT_DAYS - 1));
  if (from > to) throw badRequest([{ path: 'from', in: 'query', message: '开始日期不能晚于结束日期' }], '开始日期不能晚于结束日期');
  if (dayCount(from, to) > STATS_MAX_DAYS) {
    throw badRequest([{ path: 'to', in: 'query', message: `一次最多统计 ${STATS_MAX_DAYS} 天` }], `一次最多统计 ${STATS_MAX_DAYS} 天`);
  }
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return { from, to, start: shanghaiMidnight(from), end: shanghaiMidnight(addDays(to, 1)), days, unit: await unitFor(deps, input.caller, input.unit) };
}

/** Officers see their own unit whatever they ask for; admins the unit they name, or every unit. */
async function unitFor(deps: Pick<AppDeps, 'db'>, caller: StaffCaller, code: string | undefined) {
  if (caller.role === 'officer') {
    if (!caller.unit) throw notFound('您的账号没有所属大队');
    return caller.unit;
  }
  if (!code) return null;
  const unit = await deps.db.unit.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
  if (!unit) throw notFound('没有找到这个大队');
  return unit;
}
