// Loading, locking and moving a case. One loader (CASE_SQL, one shape), on the driver for reads and
// inside the caller's transaction after the row lock for actions; every move is a conditional update
// on (id, status, version) with its event row, allowed by the case machine.
import type { Prisma } from '../../generated/prisma/client';
import type { AccidentStatus, ActorType } from '../../generated/prisma/enums';
import type { Db } from '../../db';
import { notFound } from '../../http/errors';
import { invalidState, nextState, requireAction, type CaseAction, type CaseRole, CASE_MACHINE } from './case-machine';
import { CASE_SQL, caseFromRow, LOCK_CASE_SQL, type CaseRecord, type PartyRecord } from './case-sql';

export type Tx = Prisma.TransactionClient;
export type { CaseRecord, PartyRecord };

export interface Actor {
  type: ActorType;
  id?: number;
}

/** The case as the views read it, on the driver (the fast path the case view is measured on). */
export async function loadCase(db: Db, id: number): Promise<CaseRecord | null> {
  const rows: Record<string, unknown>[] = await db.sql.query(CASE_SQL, [id]);
  return rows[0] ? caseFromRow(rows[0]) : null;
}

/** Several cases in one query, in the order of `ids`. */
export async function loadCases(db: Db, ids: number[]): Promise<CaseRecord[]> {
  if (ids.length === 0) return [];
  const rows: Record<string, unknown>[] = await db.sql.query(CASE_SQL, [ids]);
  const byId = new Map(rows.map((r) => [Number(r.id), caseFromRow(r)]));
  return ids.map((id) => byId.get(id)).filter((c): c is CaseRecord => !!c);
}

/** Takes the case's row lock for the rest of the transaction, so actions on one case run one at a time. */
export async function lockCase(tx: Tx, id: number): Promise<CaseRecord | null> {
  const locked = await tx.$queryRawUnsafe<{ id: number }[]>(LOCK_CASE_SQL, id);
  if (locked.length === 0) return null;
  const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(CASE_SQL, id);
  return rows[0] ? caseFromRow(rows[0]) : null;
}

/** The caller's party on a case; anyone else gets 404, as if the case did not exist. */
export function partyOf(c: CaseRecord | null, driverId: number): PartyRecord {
  const party = c?.parties.find((p) => p.driverId === driverId);
  if (!c || !party) throw notFound('没有找到这起事故');
  return party;
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

type Moving = Pick<CaseRecord, 'id' | 'status' | 'version'>;

export interface Step {
  action: CaseAction;
  role: CaseRole;
  actor: Actor;
  /** One of the action's events; its first when left out. */
  event?: string;
  data?: Prisma.AccidentCaseUncheckedUpdateManyInput;
  details?: Prisma.InputJsonValue;
  /** Also required to match (the expiry job's deadline). */
  where?: Prisma.AccidentCaseWhereInput;
}

const moved = (c: Moving) => invalidState(c.status, '事故状态刚刚发生了变化，请刷新后重试');

/**
 * Takes an action the case machine allows on the case as it was read: moves it to the action's
 * state (or keeps it) and bumps its version, then records the event. A case that moved meanwhile
 * (another party, another officer, the expiry job) makes this a 409 and changes nothing; with
 * `quiet` it answers false instead.
 */
export async function act(tx: Tx, c: Moving, step: Step, quiet = false): Promise<boolean> {
  requireAction(step.action, c.status, step.role);
  const events: readonly string[] = CASE_MACHINE[step.action].events;
  const event = step.event ?? events[0];
  if (event !== undefined && !events.includes(event)) throw new Error(`${step.action} does not record ${event}`);
  const to = nextState(step.action, c.status);
  const { count } = await tx.accidentCase.updateMany({
    where: { ...step.where, id: c.id, status: c.status, version: c.version },
    data: { ...step.data, ...(to !== c.status ? { status: to } : {}), version: { increment: 1 } },
  });
  if (count !== 1) {
    if (quiet) return false;
    throw moved(c);
  }
  if (event !== undefined) {
    const change = to !== c.status ? { from: c.status, to } : {};
    await addEvent(tx, c.id, event, step.actor, { ...change, details: step.details });
  }
  return true;
}
