// The asker rates a closed question 1–5, once (a conditional update, so two at once rate once).
import type { AppDeps } from '../../../deps';
import { conflict } from '../../../http/errors';
import { invalidState, loadOwn, ownView, type Driver } from '../store';

export interface RateInput {
  caller: Driver;
  id: number;
  score: number;
}

export async function rate(deps: Pick<AppDeps, 'db'>, input: RateInput) {
  const { caller, id } = input;
  const c = await loadOwn(deps, caller, id);
  if (c.status !== 'CLOSED') throw invalidState('咨询结束后才能评价');
  const { count } = await deps.db.consultation.updateMany({
    where: { id, driverId: caller.id, status: 'CLOSED', rating: null },
    data: { rating: input.score, ratedAt: new Date() },
  });
  if (!count) throw conflict('ALREADY_RATED', '您已经评价过了');
  return ownView(deps, caller, id);
}
