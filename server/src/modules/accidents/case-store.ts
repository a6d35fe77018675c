// Loading, locking and moving a case: every transition is a conditional update on (id, status, version)
import { ACCIDENT_STATUS_LABELS } from '@jiaoguan/contracts/labels';
// with its event row, inside the caller's transaction.
import type { Prisma } from '../../generated/prisma/client';
import type { AccidentStatus, ActorType } from '../../generated/prisma/enums';
import type { Db } from '../../db';
import { conflict, notFound } from '../../http/errors';

export type Tx = Prisma.TransactionClient;

export const caseInclude = {
  unit: { select: { id: true, code: true, name: true } },
  parties: { orderBy: { role: 'asc' } },
  files: {
    orderBy: { id: 'asc' },
    select: {
      id: true,
      slot: true,
      sha256: true,
      mimeType: true,
      sizeBytes: true,
      width: true,
      height: true,
      capturedAt: true,
      receivedAt: true,
      uploadedById: true,
    },
  },
  events: { orderBy: { id: 'asc' } },
  claims: { orderBy: { id: 'asc' } },
  decidedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.AccidentCaseInclude;

export type FullCase = Prisma.AccidentCaseGetPayload<{ include: typeof caseInclude }>;
export type Party = FullCase['parties'][number];

export interface Actor {
  type: ActorType;
  id?: number;
}


/** Takes the case's row lock for the rest of the transaction, so actions on one case run one at a time. */
export async function lockCase(tx: Tx, id: number): Promise<FullCase | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM AccidentCase WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.accidentCase.findUnique({ where: { id }, include: caseInclude });
}

export function loadCase(db: Db | Tx, id: number): Promise<FullCase | null> {
  return db.accidentCase.findUnique({ where: { id }, include: caseInclude });
}

/** The caller's party on a case; anyone else gets 404, as if the case did not exist. */
export function partyOf(c: FullCase | null, driverId: number): Party {
  const party = c?.parties.find((p) => p.driverId === driverId);
  if (!c || !party) throw notFound('没有找到这起事故');
  return party;
}

export function invalidState(status: AccidentStatus, message?: string) {
  return conflict('INVALID_STATE', message ?? `事故当前状态为“${ACCIDENT_STATUS_LABELS[status]}”，不能进行此操作`, { status });
}

export function requireStatus(c: FullCase, allowed: readonly AccidentStatus[], message?: string): void {
  if (!allowed.includes(c.status)) throw invalidState(c.status, message);
}

export async function addEvent(
  tx: Tx,
  caseId: number,
  type: string,
  actor: Actor,
  change?: { from?: AccidentStatus | null; to?: AccidentStatus | null; details?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.caseEvent.create({
    data: {
      caseId,
      type,
      actorType: actor.type,
      actorId: actor.id,
      fromStatus: change?.from ?? undefined,
      toStatus: change?.to ?? undefined,
      details: change?.details,
    },
    select: { id: true },
  });
}

/**
 * Moves the case from the status it was read in to `to`, bumping its version; a case that moved
 * meanwhile (another party, another officer, the expiry job) makes this a 409 and changes nothing.
 */
export async function transition(
  tx: Tx,
  c: Pick<FullCase, 'id' | 'status' | 'version'>,
  to: AccidentStatus,
  type: string,
  actor: Actor,
  data: Prisma.AccidentCaseUncheckedUpdateManyInput = {},
  details?: Prisma.InputJsonValue,
): Promise<void> {
  const { count } = await tx.accidentCase.updateMany({
    where: { id: c.id, status: c.status, version: c.version },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (count !== 1) throw invalidState(c.status, '事故状态刚刚发生了变化，请刷新后重试');
  await addEvent(tx, c.id, type, actor, { from: c.status, to, details });
}

/** Bumps the version for a change that keeps the status (details, photos, liability, answers). */
export async function touch(
  tx: Tx,
  c: Pick<FullCase, 'id' | 'status' | 'version'>,
  data: Prisma.AccidentCaseUncheckedUpdateManyInput = {},
): Promise<void> {
  const { count } = await tx.accidentCase.updateMany({
    where: { id: c.id, status: c.status, version: c.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw invalidState(c.status, '事故状态刚刚发生了变化，请刷新后重试');
}
