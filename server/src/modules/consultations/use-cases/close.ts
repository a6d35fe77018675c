// An agent closes a question (audited); closing a closed one changes nothing.
import type { AppDeps } from '../../../deps';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { deskView, lockRow, type Staff } from '../store';

export interface CloseInput {
  caller: Staff;
  id: number;
  ip?: string;
}

export async function close(deps: Pick<AppDeps, 'db'>, input: CloseInput) {
  const { caller, id } = input;
  await deps.db.$transaction(async (tx) => {
    const row = await lockRow(tx, id);
    if (!row) throw notFound();
    if (row.status === 'CLOSED') return;
    await tx.consultation.update({ where: { id }, data: { status: 'CLOSED', closedAt: new Date() }, select: { id: true } });
    await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.closed', entityType: 'Consultation', entityId: id, ip: input.ip });
  });
  return deskView(deps, id);
}
