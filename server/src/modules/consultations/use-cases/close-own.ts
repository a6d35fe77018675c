// The asker closes their question (then it can be rated); closing again changes nothing.
import type { AppDeps } from '../../../deps';
import { loadOwn, ownView, type Driver } from '../store';

export interface CloseOwnInput {
  caller: Driver;
  id: number;
}

export async function closeOwn(deps: Pick<AppDeps, 'db'>, input: CloseOwnInput) {
  await loadOwn(deps, input.caller, input.id);
  await deps.db.consultation.updateMany({ where: { id: input.id, status: { not: 'CLOSED' } }, data: { status: 'CLOSED', closedAt: new Date() } });
  return ownView(deps, input.caller, input.id);
}
