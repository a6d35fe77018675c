// Closes unfinished cases whose time ran out (waiting for the second party, negotiating, returned).
// Safe with several processes: each case moves by a conditional update, so only one run wins it.
import type { AppDeps } from '../../deps';
import { notify } from '../notifications/notify';
import { addEvent } from './case-store';

const EXPIRING = ['WAITING_FOR_PARTY', 'NEGOTIATING', 'RETURNED'] as const;

export async function expireCases(deps: AppDeps, now = new Date(), batch = 200): Promise<number> {
  const due = await deps.db.accidentCase.findMany({
    where: { status: { in: [...EXPIRING] }, expiresAt: { lte: now } },
    select: { id: true, caseNumber: true, status: true, version: true },
    orderBy: { expiresAt: 'asc' },
    take: batch,
  });
  let expired = 0;
  for (const c of due) {
    const won = await deps.db.$transaction(async (tx) => {
      const { count } = await tx.accidentCase.updateMany({
        where: { id: c.id, status: c.status, version: c.version, expiresAt: { lte: now } },
        data: { status: 'EXPIRED', version: { increment: 1 }, inviteCode: null, expiresAt: null },
      });
      if (count !== 1) return false;
      await addEvent(tx, c.id, 'EXPIRED', { type: 'SYSTEM' }, { from: c.status, to: 'EXPIRED' });
      const parties = await tx.accidentParty.findMany({ where: { caseId: c.id }, select: { driverId: true, role: true } });
      for (const p of parties) {
        await notify(tx, {
          driverId: p.driverId,
          event: 'accident.expired',
          data: { caseId: c.id, caseNumber: c.caseNumber },
          dedupeKey: `accident:${c.id}:expired:${p.role}`,
        });
      }
      return true;
    });
    if (won) expired++;
  }
  return expired;
}
