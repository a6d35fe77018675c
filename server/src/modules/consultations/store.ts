// Loading and locking a consultation, and the views built from what was loaded.
import type { AppDeps } from '../../deps';
import type { Prisma } from '../../generated/prisma/client';
import type { ConsultationStatus } from '../../generated/prisma/enums';
import type { Caller } from '../../http/auth';
import { conflict, notFound } from '../../http/errors';
import { agentView, driverView } from './views';

export type Driver = Extract<Caller, { kind: 'driver' }>;
export type Staff = Extract<Caller, { kind: 'staff' }>;
type Tx = Prisma.TransactionClient;
type Deps = Pick<AppDeps, 'db'>;

export const consultationInclude = {
  replies: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  claimedBy: { select: { id: true, displayName: true } },
  driver: { select: { id: true, nickname: true, realName: true } },
} as const satisfies Prisma.ConsultationInclude;

export type Loaded = Prisma.ConsultationGetPayload<{ include: typeof consultationInclude }>;

export const invalidState = (message: string) => conflict('INVALID_STATE', message);

/** One of the asker's own consultations; anyone else's is 404. */
export async function loadOwn(deps: Deps, caller: Driver, id: number) {
  const c = await deps.db.consultation.findFirst({ where: { id, driverId: caller.id }, include: consultationInclude });
  if (!c) throw notFound();
  return c;
}

export async function loadAny(deps: Deps, id: number) {
  const c = await deps.db.consultation.findUnique({ where: { id }, include: consultationInclude });
  if (!c) throw notFound();
  return c;
}

/** Locks the consultation row for the rest of the transaction. */
export async function lockRow(tx: Tx, id: number) {
  const rows = await tx.$queryRaw<{ id: number; driverId: number; status: ConsultationStatus; claimedById: number | null; firstReplyAt: Date | null }[]>`
    SELECT id, driverId, status, claimedById, firstReplyAt FROM Consultation WHERE id = ${id} FOR UPDATE`;
  return rows[0] as (typeof rows)[number] | undefined;
}

async function staffNamesOf(deps: Deps, c: Loaded) {
  const ids = [...new Set(c.replies.filter((r) => r.authorType === 'AGENT').map((r) => r.authorId))];
  const staff = ids.length ? await deps.db.staff.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  return new Map(staff.map((s) => [s.id, s.displayName]));
}

/** The asker's view of one of their consultations as it now stands. */
export async function ownView(deps: Deps, caller: Driver, id: number) {
  return driverView(await loadOwn(deps, caller, id));
}

/** The agent's view of a consultation as it now stands. */
export async function deskView(deps: Deps, id: number) {
  const c = await loadAny(deps, id);
  return agentView(c, new Date(), await staffNamesOf(deps, c));
}
