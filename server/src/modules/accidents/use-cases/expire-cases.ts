// The expiry job (accident-expiry in workers/jobs.ts): closes unfinished cases whose time ran out
// (EXPIRE of the case machine). Safe with several processes: each case moves by a conditional
// update without a lock, so only one run wins it, and a case a party touched meanwhile is left alone.
import type { AppDeps } from '../../../deps';
import { notify } from '../../notifications/notify';
import { statesFor } from '../case-machine';
import { caseRef, SYSTEM } from '../callers';
import { act } from '../case-store';

export interface ExpireCasesInput {
  now?: Date;
  batch?: number;
}

export async function expireCases(deps: AppDeps, input: ExpireCasesInput = {}): Promise<number> {
  const { now = new Date(), batch = 200 } = input;
  const due = await deps.db.accidentCase.findMany({
    where: { status: { in: statesFor('EXPIRE') }, expiresAt: { lte: now } },
    select: { id: true, caseNumber: true, status: true, version: true },
    orderBy: { expiresAt: 'asc' },
    take: batch,
  });
  let expired = 0;
  for (const c of due) {
    const won = await deps.db.$transaction(async (tx) => {
      const moved = await act(
        tx,
        c,
        { action: 'EXPIRE', role: 'system', actor: SYSTEM, data: { inviteCode: null, expiresAt: null }, where: { expiresAt: { lte: now } } },
        true,
      );
      if (!moved) return false;
      const parties = await tx.accidentParty.findMany({ where: { caseId: c.id }, select: { driverId: true, role: true } });
      for (const p of parties) {
        await notify(tx, {
          driverId: p.driverId,
          event: 'accident.expired',
          data: caseRef(c),
          dedupeKey: `accident:${c.id}:expired:${p.role}`,
        });
      }
      return true;
    });
    if (won) expired++;
  }
  return expired;
}
