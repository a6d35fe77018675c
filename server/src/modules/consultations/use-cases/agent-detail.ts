// A question as an agent sees it: every reply and internal note.
import type { AppDeps } from '../../../deps';
import { deskView } from '../store';

export interface AgentDetailInput {
  id: number;
}

export function agentDetail(deps: Pick<AppDeps, 'db'>, input: AgentDetailInput) {
  return deskView(deps, input.id);
}
