// Consultations: drivers ask (text checked by WeChat), agents claim, reply, note, transfer and close; drivers rate.
import { CONSULTATION_CATEGORY_LABELS, CONSULTATION_STATUS_LABELS } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../deps';
import type { Prisma } from '../../generated/prisma/client';
import type { ConsultationCategory, ConsultationStatus } from '../../generated/prisma/enums';
import type { Caller } from '../../http/auth';
import { conflict, notFound, ruleSaysNo } from '../../http/errors';
import { audit } from '../../lib/audit';
import { maskName } from '../../lib/mask';
import { checkText, contentRejected } from '../../lib/text-check';
import { notify } from '../notifications/notify';
import { addWorkingHours } from '@jiaoguan/contracts/time';

type Driver = Extract<Caller, { kind: 'driver' }>;
type Staff = Extract<Caller, { kind: 'staff' }>;
type Tx = Prisma.TransactionClient;

export { CONSULTATION_CATEGORIES as CATEGORIES } from '@jiaoguan/contracts/labels';

async function firstReplyDue(deps: AppDeps, from: Date): Promise<Date> {
  const until = new Date(from.getTime() + 60 * 86_400_000);
  const days = await deps.db.calendarDay.findMany({ where: { date: { gte: new Date(from.getTime() - 86_400_000), lte: until } } });
  const overrides = new Map(days.map((d) => [d.date.toISOString().slice(0, 10), d.isWorkday]));
  const { firstReplyHours, workingHours } = deps.config.consultations;
  return addWorkingHours(from, firstReplyHours, workingHours, overrides);
}

const consultationInclude = {
  replies: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  claimedBy: { select: { id: true, displayName: true } },
  driver: { select: { id: true, nickname: true, realName: true } },
} as const satisfies Prisma.ConsultationInclude;

type Loaded = Prisma.ConsultationGetPayload<{ include: typeof consultationInclude }>;

const isOverdue = (c: { firstReplyAt: Date | null; firstReplyDueAt: Date | null; status: ConsultationStatus }, now: Date) =>
  !c.firstReplyAt && c.status !== 'CLOSED' && !!c.firstReplyDueAt && c.firstReplyDueAt.getTime() < now.getTime();

function summary(c: Omit<Loaded, 'replies' | 'claimedBy' | 'driver'>) {
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
function driverView(c: Loaded) {
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

/** What an agent sees: everything, the asker's name masked, the deadline and whether it has passed. */
function agentView(c: Loaded, now: Date, staffNames: Map<number, string>) {
  return {
    ...summary(c),
    driver: { id: c.driver.id, name: maskName(c.driver.realName) ?? c.driver.nickname ?? `用户${c.driver.id}` },
    claimedBy: c.claimedBy,
    claimedAt: c.claimedAt,
    firstReplyDueAt: c.firstReplyDueAt,
    overdue: isOverdue(c, now),
    waitingMinutes: Math.max(0, Math.floor((now.getTime() - c.createdAt.getTime()) / 60_000)),
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

async function staffNamesOf(deps: AppDeps, c: Loaded) {
  const ids = [...new Set(c.replies.filter((r) => r.authorType === 'AGENT').map((r) => r.authorId))];
  const staff = ids.length ? await deps.db.staff.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  return new Map(staff.map((s) => [s.id, s.displayName]));
}

async function loadOwn(deps: AppDeps, caller: Driver, id: number) {
  const c = await deps.db.consultation.findFirst({ where: { id, driverId: caller.id }, include: consultationInclude });
  if (!c) throw notFound();
  return c;
}

async function loadAny(deps: AppDeps, id: number) {
  const c = await deps.db.consultation.findUnique({ where: { id }, include: consultationInclude });
  if (!c) throw notFound();
  return c;
}

export async function createConsultation(deps: AppDeps, caller: Driver, input: { category: ConsultationCategory; content: string }, ip?: string) {
  const verdict = await checkText(deps, caller.id, input.content);
  if (verdict === 'risky') throw contentRejected();
  const now = new Date();
  const due = await firstReplyDue(deps, now);
  const created = await deps.db.$transaction(async (tx) => {
    const c = await tx.consultation.create({
      data: {
        driverId: caller.id,
        category: input.category,
        content: input.content,
        status: verdict === 'pass' ? 'OPEN' : 'HELD',
        firstReplyDueAt: due,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(tx, {
      actor: { type: 'DRIVER', id: caller.id },
      action: 'consultation.created',
      entityType: 'Consultation',
      entityId: c.id,
      details: { category: input.category, textCheck: verdict },
      ip,
    });
    return c;
  });
  return driverView(await loadAny(deps, created.id));
}

export async function listOwn(deps: AppDeps, caller: Driver, page: { page: number; pageSize: number }) {
  const where = { driverId: caller.id };
  const [rows, total] = await Promise.all([
    deps.db.consultation.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
      include: { _count: { select: { replies: { where: { internal: false, authorType: 'AGENT' } } } } },
    }),
    deps.db.consultation.count({ where }),
  ]);
  return { items: rows.map((r) => ({ ...summary(r), replyCount: r._count.replies })), total };
}

export async function getOwn(deps: AppDeps, caller: Driver, id: number) {
  return driverView(await loadOwn(deps, caller, id));
}

/** Locks the consultation row for the rest of the transaction. */
async function lockRow(tx: Tx, id: number) {
  const rows = await tx.$queryRaw<{ id: number; driverId: number; status: ConsultationStatus; claimedById: number | null; firstReplyAt: Date | null }[]>`
    SELECT id, driverId, status, claimedById, firstReplyAt FROM Consultation WHERE id = ${id} FOR UPDATE`;
  return rows[0] as (typeof rows)[number] | undefined;
}

const invalidState = (message: string) => conflict('INVALID_STATE', message);

/** The asker adds to their question (passes the same text check); the agent who has it sees it next. */
export async function followUp(deps: AppDeps, caller: Driver, id: number, content: string) {
  await loadOwn(deps, caller, id);
  const verdict = await checkText(deps, caller.id, content);
  if (verdict === 'risky') throw contentRejected();
  await deps.db.$transaction(async (tx) => {
    const row = await lockRow(tx, id);
    if (!row) throw notFound();
    if (row.status === 'CLOSED') throw invalidState('咨询已结束，如有新问题请重新提问');
    await tx.consultationReply.create({ data: { consultationId: id, authorType: 'DRIVER', authorId: caller.id, content } });
    const status: ConsultationStatus =
      row.status === 'HELD' || verdict !== 'pass' ? 'HELD' : row.claimedById ? 'CLAIMED' : 'OPEN';
    await tx.consultation.update({ where: { id }, data: { status }, select: { id: true } });
  });
  return getOwn(deps, caller, id);
}

export async function closeOwn(deps: AppDeps, caller: Driver, id: number) {
  await loadOwn(deps, caller, id);
  await deps.db.consultation.updateMany({ where: { id, status: { not: 'CLOSED' } }, data: { status: 'CLOSED', closedAt: new Date() } });
  return getOwn(deps, caller, id);
}

export async function rate(deps: AppDeps, caller: Driver, id: number, score: number) {
  const c = await loadOwn(deps, caller, id);
  if (c.status !== 'CLOSED') throw invalidState('咨询结束后才能评价');
  const { count } = await deps.db.consultation.updateMany({
    where: { id, driverId: caller.id, status: 'CLOSED', rating: null },
    data: { rating: score, ratedAt: new Date() },
  });
  if (!count) throw conflict('ALREADY_RATED', '您已经评价过了');
  return getOwn(deps, caller, id);
}

// ------------------------------------------------------------------------------------------------
// Agent desk
// ------------------------------------------------------------------------------------------------

export async function agentQueue(
  deps: AppDeps,
  caller: Staff,
  query: { status: ConsultationStatus; category?: ConsultationCategory; mine?: boolean; page: number; pageSize: number },
) {
  const now = new Date();
  const where: Prisma.ConsultationWhereInput = {
    status: query.status,
    ...(query.category ? { category: query.category } : {}),
    ...(query.mine ? { claimedById: caller.id } : {}),
  };
  const [rows, total] = await Promise.all([
    deps.db.consultation.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { claimedBy: { select: { id: true, displayName: true } }, driver: { select: { id: true, nickname: true, realName: true } } },
    }),
    deps.db.consultation.count({ where }),
  ]);
  return {
    items: rows.map((c) => ({
      ...summary(c),
      driver: { id: c.driver.id, name: maskName(c.driver.realName) ?? c.driver.nickname ?? `用户${c.driver.id}` },
      claimedBy: c.claimedBy,
      firstReplyDueAt: c.firstReplyDueAt,
      overdue: isOverdue(c, now),
      waitingMinutes: Math.max(0, Math.floor((now.getTime() - c.createdAt.getTime()) / 60_000)),
    })),
    total,
  };
}

export async function agentDetail(deps: AppDeps, id: number) {
  const c = await loadAny(deps, id);
  return agentView(c, new Date(), await staffNamesOf(deps, c));
}

/** One agent at a time: the claim is a conditional update, so of two agents at once exactly one wins. */
export async function claim(deps: AppDeps, caller: Staff, id: number, ip?: string) {
  const now = new Date();
  const won = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.consultation.updateMany({
      where: { id, claimedById: null, status: { in: ['OPEN', 'ANSWERED', 'CLAIMED'] } },
      data: { claimedById: caller.id, claimedAt: now, status: 'CLAIMED' },
    });
    if (count) {
      await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.claimed', entityType: 'Consultation', entityId: id, ip });
    }
    return count === 1;
  });
  if (!won) {
    const c = await deps.db.consultation.findUnique({ where: { id }, select: { status: true, claimedById: true } });
    if (!c) throw notFound();
    if (c.claimedById !== caller.id) {
      if (c.status === 'CLOSED') throw invalidState('该咨询已结束');
      if (c.status === 'HELD') throw invalidState('该咨询待审核，请先审核通过');
      throw conflict('ALREADY_CLAIMED', '该咨询已被其他客服受理');
    }
  }
  return agentDetail(deps, id);
}

/**
 * A public reply (the asker is notified, each reply its own message) or an internal note (agents
 * only). A public reply claims an unclaimed question for the replying agent.
 */
export async function reply(deps: AppDeps, caller: Staff, id: number, input: { content: string; internal: boolean }, ip?: string) {
  await deps.db.$transaction(async (tx) => {
    const row = await lockRow(tx, id);
    if (!row) throw notFound();
    if (input.internal) {
      await tx.consultationReply.create({
        data: { consultationId: id, authorType: 'AGENT', authorId: caller.id, content: input.content, internal: true },
      });
      return;
    }
    if (row.status === 'CLOSED') throw invalidState('该咨询已结束，不能再回复');
    if (row.claimedById && row.claimedById !== caller.id) throw conflict('ALREADY_CLAIMED', '该咨询已被其他客服受理');
    const now = new Date();
    const created = await tx.consultationReply.create({
      data: { consultationId: id, authorType: 'AGENT', authorId: caller.id, content: input.content },
      select: { id: true },
    });
    await tx.consultation.update({
      where: { id },
      data: {
        status: 'ANSWERED',
        claimedById: caller.id,
        ...(row.claimedById ? {} : { claimedAt: now }),
        ...(row.firstReplyAt ? {} : { firstReplyAt: now }),
      },
      select: { id: true },
    });
    await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.replied', entityType: 'Consultation', entityId: id, details: { replyId: created.id }, ip });
    await notify(tx, {
      driverId: row.driverId,
      event: 'consultation.replied',
      data: { consultationId: id, excerpt: Array.from(input.content).slice(0, 20).join('') },
      dedupeKey: `consultation.reply:${created.id}`,
    });
  });
  return agentDetail(deps, id);
}

/** Moves the question to another category's queue, unclaimed; an internal note records why. */
export async function transfer(deps: AppDeps, caller: Staff, id: number, input: { category: ConsultationCategory; note?: string }, ip?: string) {
  await deps.db.$transaction(async (tx) => {
    const row = await lockRow(tx, id);
    if (!row) throw notFound();
    if (row.status === 'CLOSED') throw invalidState('该咨询已结束');
    const before = await tx.consultation.findUniqueOrThrow({ where: { id }, select: { category: true } });
    await tx.consultation.update({
      where: { id },
      data: { category: input.category, claimedById: null, claimedAt: null, status: row.status === 'HELD' ? 'HELD' : 'OPEN' },
      select: { id: true },
    });
    const note = `由“${CONSULTATION_CATEGORY_LABELS[before.category]}”转至“${CONSULTATION_CATEGORY_LABELS[input.category]}”${input.note ? `：${input.note}` : ''}`;
    await tx.consultationReply.create({ data: { consultationId: id, authorType: 'AGENT', authorId: caller.id, content: note, internal: true } });
    await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.transferred', entityType: 'Consultation', entityId: id, details: { from: before.category, to: input.category }, ip });
  });
  return agentDetail(deps, id);
}

/** A held question (flagged by the text check) is let into the queue after an agent has read it. */
export async function approveHeld(deps: AppDeps, caller: Staff, id: number, ip?: string) {
  const { count } = await deps.db.consultation.updateMany({ where: { id, status: 'HELD' }, data: { status: 'OPEN' } });
  if (!count) {
    const exists = await deps.db.consultation.count({ where: { id } });
    if (!exists) throw notFound();
    throw invalidState('该咨询不在待审核状态');
  }
  await audit(deps.db, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.approved', entityType: 'Consultation', entityId: id, ip });
  return agentDetail(deps, id);
}

export async function close(deps: AppDeps, caller: Staff, id: number, ip?: string) {
  await deps.db.$transaction(async (tx) => {
    const row = await lockRow(tx, id);
    if (!row) throw notFound();
    if (row.status === 'CLOSED') return;
    await tx.consultation.update({ where: { id }, data: { status: 'CLOSED', closedAt: new Date() }, select: { id: true } });
    await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.closed', entityType: 'Consultation', entityId: id, ip });
  });
  return agentDetail(deps, id);
}

export async function cannedReplies(deps: AppDeps, category?: ConsultationCategory) {
  const items = await deps.db.cannedReply.findMany({
    where: category ? { OR: [{ category }, { category: null }] } : undefined,
    orderBy: { id: 'asc' },
  });
  return { items, total: items.length };
}
