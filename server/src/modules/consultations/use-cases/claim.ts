// An agent claims a question. One agent at a time: the claim is a conditional update, so of two
// agents at once exactly one wins; claiming one's own again changes nothing.
import type { AppDeps } from '../../../deps';
import { conflict, notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { deskView, invalidState, type Staff } from '../store';

export interface ClaimInput {
  caller: Staff;
  id: number;
  ip?: string;
}

export async function claim(deps: Pick<AppDeps, 'db'>, input: ClaimInput) {
  const { caller, id } = input;
  const now = new Date();
  const won = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.consultation.updateMany({
      where: { id, claimedById: null, status: { in: ['OPEN', 'ANSWERED', 'CLAIMED'] } },
      data: { claimedById: caller.id, claimedAt: now, status: 'CLAIMED' },
    });
    if (count) {
      await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.claimed', entityType: 'Consultation', entityId: id, ip: input.ip });
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
  return deskView(deps, id);
}
