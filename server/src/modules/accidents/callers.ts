// Who is asking, and what of a case they may reach: a party their own cases, an officer their unit's.
import type { Caller } from '../../http/auth';
import { notFound } from '../../http/errors';
import { roleOfParty, type CaseRole } from './case-machine';
import { partyOf, type Actor, type CaseRecord, type PartyRecord } from './case-store';

export type DriverCaller = Pick<Extract<Caller, { kind: 'driver' }>, 'kind' | 'id'>;
export type StaffCaller = Extract<Caller, { kind: 'staff' }>;
/** The part of a staff caller the officer's use cases read. */
export type OfficerCaller = Pick<StaffCaller, 'kind' | 'id' | 'unit'>;

export const driverActor = (caller: Pick<DriverCaller, 'id'>): Actor => ({ type: 'DRIVER', id: caller.id });
export const officerActor = (caller: Pick<OfficerCaller, 'id'>): Actor => ({ type: 'STAFF', id: caller.id });
export const SYSTEM: Actor = { type: 'SYSTEM' };

/** What a message about the case carries. */
export const caseRef = (c: Pick<CaseRecord, 'id' | 'caseNumber'>) => ({ caseId: c.id, caseNumber: c.caseNumber });

/** The caller's party and its place in the case's machine; strangers get 404. */
export function asParty(c: CaseRecord | null, caller: Pick<DriverCaller, 'id'>): { c: CaseRecord; me: PartyRecord; role: CaseRole } {
  const me = partyOf(c, caller.id);
  return { c: c!, me, role: roleOfParty(me.role) };
}

export function unitOf(caller: OfficerCaller): number {
  if (!caller.unit) throw notFound('没有找到这起事故');
  return caller.unit.id;
}

/** The case for an officer of its unit; officers of other units get 404. */
export function inUnit(c: CaseRecord | null, caller: OfficerCaller): CaseRecord {
  if (!c || c.unitId !== unitOf(caller)) throw notFound('没有找到这起事故');
  return c;
}
