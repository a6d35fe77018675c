// Marks one message of the caller read; only the first read sets the time.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { notFound } from '../../../http/errors';
import { arrived, entrySelect, toEntryView } from '../message-centre';

export interface MarkReadInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  id: number;
}

export async function markRead(deps: Pick<AppDeps, 'db'>, input: MarkReadInput) {
  const where = { ...arrived(input.caller.id), id: input.id };
  await deps.db.messageCentreEntry.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
  const entry = await deps.db.messageCentreEntry.findFirst({ where, select: entrySelect });
  if (!entry) throw notFound('没有找到这条消息');
  return toEntryView(entry);
}
