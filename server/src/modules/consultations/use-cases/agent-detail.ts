// A question as an agent sees it: every reply and internal note. The agent's read of the asker's
// question is audited (personal_data.viewed).
import type { AppDeps } from '../../../deps';
import { recordPersonalDataRead } from '../../privacy/personal-data';
import { deskView, type Staff } from '../store';

export interface AgentDetailInput {
  caller: Pick<Staff, 'id'>;
  id: number;
  ip?: string;
}

export async function agentDetail(deps: Pick<AppDeps, 'db'>, input: AgentDetailInput) {
  const view = await deskView(deps, input.id);
  await recordPersonalDataRead(deps.db, {
    staffId: input.caller.id,
    kind: 'viewed',
    entityType: 'Consultation',
    entityId: view.id,
    shown: ['askerName', 'content', 'replies'],
    // The asker's name is masked in the view already.
    details: { driverId: view.driver.id, asker: view.driver.name, category: view.category },
    ip: input.ip,
  });
  return view;
}
