// GET /api/admin/stats: how the service did over a range of Shanghai days, for an admin (every unit
// or one) or an officer (their own unit): accident cases by day and outcome, decision times,
// consultations' first replies against their limit and ratings, exam fill rates and no-shows, and
// message delivery by channel. Every figure is an aggregate the database computes (stats-sql.ts).
import { STATS_CHANNELS, type StatsChannel } from '@jiaoguan/contracts/stats';
import type { ChannelCounts, StatsResponse } from '@jiaoguan/contracts/schemas/stats';
import type { AppDeps } from '../../../deps';
import type { StaffCaller } from '../../accidents/callers';
import { deliveryStats } from '../../notifications/use-cases/delivery-stats';
import { statsScope } from '../range';
import {
  caseEventsByDay,
  consultationsByDay,
  decisionMinutes,
  DECISION_EVENTS,
  RESUBMIT_EVENT,
  examsBySubject,
  firstReplyMinutes,
  handOversByDay,
  messageCentre,
  num,
  numOrNull,
  type PercentileRow,
} from './stats-sql';

export interface ServiceStatsInput {
  caller: StaffCaller;
  from?: string;
  to?: string;
  unit?: string;
  now?: Date;
}

const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const percentilesOf = (row: PercentileRow | undefined) => ({
  count: num(row?.n ?? null),
  median: round(numOrNull(row?.median ?? null), 1),
  p90: round(numOrNull(row?.p90 ?? null), 1),
});
const rate = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);

export async function serviceStats(deps: Pick<AppDeps, 'db' | 'config'>, input: ServiceStatsInput): Promise<StatsResponse> {
  const now = input.now ?? new Date();
  const scope = await statsScope(deps, { ...input, now });
  const [events, handOvers, decisions, consultations, replies, exams, outbox, centre] = await Promise.all([
    caseEventsByDay(deps.db, scope),
    handOversByDay(deps.db, scope),
    decisionMinutes(deps.db, scope),
    consultationsByDay(deps.db, scope, now),
    firstReplyMinutes(deps.db, scope),
    examsBySubject(deps.db, scope),
    deliveryStats(deps, { since: scope.start, until: scope.end }),
    messageCentre(deps.db, scope),
  ]);

  // Accident cases: every day of the range, empty days included.
  const byDay = new Map(scope.days.map((date) => [date, { date, submitted: 0, resubmitted: 0, confirmed: 0, returned: 0, transferred: 0, handedOver: 0 }]));
  for (const row of events) {
    const day = byDay.get(row.day);
    if (!day) continue;
    const n = num(row.n);
    if (row.type === DECISION_EVENTS.confirmed) day.confirmed += n;
    else if (row.type === DECISION_EVENTS.returned) day.returned += n;
    else if (row.type === DECISION_EVENTS.transferred) day.transferred += n;
    else {
      day.submitted += n;
      if (row.type === RESUBMIT_EVENT) day.resubmitted += n;
    }
  }
  for (const row of handOvers) {
    const day = byDay.get(row.day);
    if (day) day.handedOver += num(row.n);
  }
  const accidentDays = [...byDay.values()];
  const totals = { submitted: 0, resubmitted: 0, confirmed: 0, returned: 0, transferred: 0, handedOver: 0 };
  for (const d of accidentDays) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += d[k];
  const decisionsByDay = new Map(decisions.filter((r) => r.day !== null).map((r) => [r.day!, r]));

  // Consultations.
  const consultationDays = new Map(consultations.map((r) => [r.day, r]));
  const c = { created: 0, replied: 0, withinLimit: 0, overdue: 0, rated: 0, ratingSum: 0 };
  for (const r of consultations) for (const k of Object.keys(c) as (keyof typeof c)[]) c[k] += num(r[k]);

  // Exams.
  const bySubject = exams.map((r) => ({
    subject: Number(r.subject),
    sessions: num(r.sessions),
    cancelled: num(r.cancelled),
    capacity: num(r.capacity),
    confirmed: num(r.confirmed),
    fillRate: rate(num(r.confirmed), num(r.capacity)),
    noShows: num(r.noShows),
  }));
  const e = { sessions: 0, cancelled: 0, capacity: 0, confirmed: 0, noShows: 0 };
  for (const s of bySubject) for (const k of Object.keys(e) as (keyof typeof e)[]) e[k] += s[k];

  // Notifications: every channel named, even when nothing went out on it.
  const byChannel = Object.fromEntries(STATS_CHANNELS.map((ch) => [ch, { sent: 0, failed: 0, pending: 0, skipped: 0 }])) as Record<StatsChannel, ChannelCounts>;
  for (const row of outbox.items) {
    const counts = byChannel[row.channel as StatsChannel];
    if (counts) for (const k of Object.keys(counts) as (keyof ChannelCounts)[]) counts[k] += row[k];
  }
  byChannel.MESSAGE_CENTRE.sent = num(centre[0]?.written ?? null);

  return {
    from: scope.from,
    to: scope.to,
    unit: scope.unit ? { code: scope.unit.code, name: scope.unit.name } : null,
    accidents: {
      byDay: accidentDays,
      totals,
      decisionMinutes: percentilesOf(decisions.find((r) => r.day === null)),
      decisionByDay: scope.days.map((date) => ({ date, ...percentilesOf(decisionsByDay.get(date)) })),
    },
    consultations: {
      created: c.created,
      replied: c.replied,
      firstReplyMinutes: percentilesOf(replies[0]),
      limitHours: deps.config.consultations.firstReplyHours,
      withinLimit: c.withinLimit,
      overdue: c.overdue,
      waiting: c.created - c.withinLimit - c.overdue,
      rating: { average: c.rated > 0 ? round(c.ratingSum / c.rated, 2) : null, count: c.rated },
      byDay: scope.days.map((date) => {
        const r = consultationDays.get(date);
        const [created, withinLimit, overdue] = [num(r?.created ?? null), num(r?.withinLimit ?? null), num(r?.overdue ?? null)];
        return { date, created, withinLimit, overdue, waiting: created - withinLimit - overdue };
      }),
    },
    exams: { ...e, fillRate: rate(e.confirmed, e.capacity), bySubject },
    notifications: { byChannel, messageCentreRead: num(centre[0]?.readCount ?? null) },
  };
}
