// Marks every message of the caller that has arrived read.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { arrived } from '../message-centre';

export interface MarkAllReadInput {
  caller: Extract<Caller, { kind: 'driver' }>;
}

export async function markAllRead(deps: Pick<AppDeps, 'db'>, input: MarkAllReadInput) {
  const { count } = await deps.db.messageCentreEntry.updateMany({
    where: { ...arrived(input.caller.id), readAt: null },
    data: { readAt: new Date() },
  });
  return { updated: count, unread: 0 };
}
