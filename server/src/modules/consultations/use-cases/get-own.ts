// One of the asker's questions with its public replies, oldest first.
import type { AppDeps } from '../../../deps';
import { ownView, type Driver } from '../store';

export interface GetOwnInput {
  caller: Driver;
  id: number;
}

export function getOwn(deps: Pick<AppDeps, 'db'>, input: GetOwnInput) {
  return ownView(deps, input.caller, input.id);
}
