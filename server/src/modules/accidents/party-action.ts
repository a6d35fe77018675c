// The frame of a party's action: turned away early when the machine says no (before slow work such as
// an upload or a text check), then run on the locked case, where the machine is asked again.
import type { AppDeps } from '../../deps';
import { requireAction, type CaseAction, type CaseRole } from './case-machine';
import { asParty, type DriverCaller } from './callers';
import { loadCase, lockCase, type CaseRecord, type PartyRecord, type Tx } from './case-store';

export async function requirePartyAction(deps: AppDeps, caller: DriverCaller, id: number, action: CaseAction): Promise<void> {
  const { c, role } = asParty(await loadCase(deps.db, id), caller);
  requireAction(action, c.status, role);
}

export async function onLockedCase<T>(
  deps: AppDeps,
  caller: DriverCaller,
  id: number,
  work: (tx: Tx, c: CaseRecord, me: PartyRecord, role: CaseRole) => Promise<T>,
): Promise<T> {
  return deps.db.$transaction(async (tx) => {
    const { c, me, role } = asParty(await lockCase(tx, id), caller);
    return work(tx, c, me, role);
  });
}

/** Terms changed: every answer given so far no longer holds. */
export async function resetAnswers(tx: Tx, c: Pick<CaseRecord, 'id' | 'parties'>, force = false): Promise<boolean> {
  if (!force && !c.parties.some((p) => p.agreed !== null)) return false;
  await tx.accidentParty.updateMany({ where: { caseId: c.id }, data: { agreed: null, answeredAt: null, signatureFileId: null } });
  return true;
}
