// An agent's public reply (the asker is notified, each reply its own message) or internal note
// (agents only). A public reply claims an unclaimed question for the replying agent.
import type { AppDeps } from '../../../deps';
import { conflict, notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { notify } from '../../notifications/notify';
import { deskView, invalidState, lockRow, type Staff } from '../store';

export interface ReplyInput {
  caller: Staff;
  id: number;
  content: string;
  internal: boolean;
  ip?: string;
}

export async function reply(deps: Pick<AppDeps, 'db'>, input: ReplyInput) {
  const { caller, id } = input;
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
    await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'consultation.replied', entityType: 'Consultation', entityId: id, details: { replyId: created.id }, ip: input.ip });
    await notify(tx, {
      driverId: row.driverId,
      event: 'consultation.replied',
      data: { consultationId: id, excerpt: Array.from(input.content).slice(0, 20).join('') },
      dedupeKey: `consultation.reply:${created.id}`,
    });
  });
  return deskView(deps, id);
}
