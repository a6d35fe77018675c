// Moves a question to another category's queue, unclaimed; an internal note records why.
import { CONSULTATION_CATEGORY_LABELS } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import type { ConsultationCategory } from '../../../generated/prisma/enums';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { deskView, invalidState, lockRow, type Staff } from '../store';

export interface TransferInput {
  caller: Staff;
  id: number;
  category: ConsultationCategory;
  note?: string;
  ip?: string;
}

export async function transfer(deps: Pick<AppDeps, 'db'>, input: TransferInput) {
  const { caller, id } = input;
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
    await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.transferred', entityType: 'Consultation', entityId: id, details: { from: before.category, to: input.category }, ip: input.ip });
  });
  return deskView(deps, id);
}
