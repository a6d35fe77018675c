// The shapes consultations are shown in: the asker's (public replies, agents by a neutral name) and
// the agent's (everything, the asker masked, the deadline and whether it has passed).
import { CONSULTATION_CATEGORY_LABELS, CONSULTATION_STATUS_LABELS } from '@jiaoguan/contracts/labels';
import type { ConsultationStatus } from '../../generated/prisma/enums';
import { maskName } from '../../lib/mask';
import type { Loaded } from './store';

type Row = Omit<Loaded, 'replies' | 'claimedBy' | 'driver'>;

export const isOverdue = (c: { firstReplyAt: Date | null; firstReplyDueAt: Date | null; status: ConsultationStatus }, now: Date) =>
  !c.firstReplyAt && c.status !== 'CLOSED' && !!c.firstReplyDueAt && c.firstReplyDueAt.getTime() < now.getTime();

export function summary(c: Row) {
  return {
    id: c.id,
    category: c.category,
    categoryText: CONSULTATION_CATEGORY_LABELS[c.category],
    content: c.content,
    status: c.status,
    statusText: CONSULTATION_STATUS_LABELS[c.status],
    createdAt: c.createdAt,
    firstReplyAt: c.firstReplyAt,
    closedAt: c.closedAt,
    rating: c.rating,
    ratedAt: c.ratedAt,
  };
}

/** What the asker sees: public replies only, agents by a neutral name. */
export function driverView(c: Loaded) {
  return {
    ...summary(c),
    replies: c.replies
      .filter((r) => !r.internal)
      .map((r) => ({
        id: r.id,
        author: r.authorType,
        authorName: r.authorType === 'AGENT' ? '客服' : '我',
        content: r.content,
        createdAt: r.createdAt,
      })),
  };
}

/** The part of the agent's view the queue shows too. */
export function agentSummary(
  c: Row & { driver: Loaded['driver']; claimedBy: Loaded['claimedBy'] },
  now: Date,
) {
  return {
    ...summary(c),
    driver: { id: c.driver.id, name: maskName(c.driver.realName) ?? c.driver.nickname ?? `用户${c.driver.id}` },
    claimedBy: c.claimedBy,
    firstReplyDueAt: c.firstReplyDueAt,
    overdue: isOverdue(c, now),
    waitingMinutes: Math.max(0, Math.floor((now.getTime() - c.createdAt.getTime()) / 60_000)),
  };
}

/** What an agent sees: everything, the asker's name masked, the deadline and whether it has passed. */
export function agentView(c: Loaded, now: Date, staffNames: Map<number, string>) {
  return {
    ...agentSummary(c, now),
    claimedAt: c.claimedAt,
    replies: c.replies.map((r) => ({
      id: r.id,
      author: r.authorType,
      authorName: r.authorType === 'AGENT' ? (staffNames.get(r.authorId) ?? '客服') : '提问人',
      content: r.content,
      internal: r.internal,
      createdAt: r.createdAt,
    })),
  };
}

