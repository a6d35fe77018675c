// A question held by the text check is let into the queue after an agent has read it.
import type { AppDeps } from '../../../deps';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { deskView, invalidState, type Staff } from '../store';

export interface ApproveHeldInput {
  caller: Staff;
  id: number;
  ip?: string;
}

export async function approveHeld(deps: Pick<AppDeps, 'db'>, input: ApproveHeldInput) {
  const { caller, id } = input;
  const { count } = await deps.db.consultation.updateMany({ where: { id, status: 'HELD' }, data: { status: 'OPEN' } });
  if (!count) {
    const exists = await deps.db.consultation.count({ where: { id } });
    if (!exists) throw notFound();
    throw invalidState('该咨询不在待审核状态');
  }
  await audit(deps.db, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.approved', entityType: 'Consultation', entityId: id, ip: input.ip });
  return deskView(deps, id);
}
