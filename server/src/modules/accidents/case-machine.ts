// The accident case machine, as one table: what may be done to a case, from which states, into which
// state, recording which event, by whom. Every status check of the module reads it; the view's
// `actions` come from it; test/accidents/case-machine.test.ts holds it against docs/accidents.md.
import { ACCIDENT_STATUSES, ACCIDENT_STATUS_LABELS, CASE_ACTIONS, type AccidentStatus, type CaseAction } from '@jiaoguan/contracts/labels';
import { conflict, forbidden } from '../../http/errors';

/** Who may take an action: `party` is either party; `officer` an officer of the case's unit. */
export type Who = 'reporter' | 'secondParty' | 'party' | 'officer' | 'system';
/** The caller's place in a case (party A reported it, B joined it). */
export type CaseRole = 'reporter' | 'secondParty' | 'officer' | 'system';

export interface CaseRule {
  /** States the action is allowed from; empty for the report, which makes the case. */
  from: readonly AccidentStatus[];
  /** The state it leaves the case in; `null` keeps the state it was in. */
  to: AccidentStatus | null;
  /** The case events it may record (none for a read). */
  events: readonly string[];
  by: readonly Who[];
  /** Taken as part of another action (when the condition holds), never asked for on its own. */
  within?: string;
  /** Refusal messages where the generic one would not help. */
  refused?: string | Partial<Record<AccidentStatus, string>>;
  /** The 403 message for a party the action is not for. */
  notYours?: string;
}

const PARTY_CAN_CHANGE = ['WAITING_FOR_PARTY', 'NEGOTIATING', 'RETURNED'] as const;
const ANSWERABLE = ['NEGOTIATING', 'RETURNED'] as const;

export const CASE_MACHINE = {
  REPORT: { from: [], to: 'DRAFT', events: ['CREATED'], by: ['reporter'] },
  OPEN_INVITE: { from: ['DRAFT'], to: 'WAITING_FOR_PARTY', events: ['INVITE_OPENED'], by: ['reporter'], within: 'REPORT' },
  START_NEGOTIATION: { from: ['DRAFT'], to: 'NEGOTIATING', events: ['NEGOTIATION_STARTED'], by: ['reporter'], within: 'REPORT' },
  JOIN: { from: ['WAITING_FOR_PARTY'], to: 'NEGOTIATING', events: ['PARTY_JOINED'], by: ['secondParty'] },
  SHOW_INVITE: { from: ['WAITING_FOR_PARTY'], to: null, events: [], by: ['party'], refused: '对方已加入或事故已结束，不需要再邀请' },
  EDIT_DETAILS: { from: PARTY_CAN_CHANGE, to: null, events: ['DETAILS_UPDATED'], by: ['party'] },
  // A party's photos: added (PHOTO_ADDED, SIGNATURE_UPLOADED) and removed again (PHOTO_REMOVED, use-cases/delete-photo.ts).
  UPLOAD_PHOTO: { from: PARTY_CAN_CHANGE, to: null, events: ['PHOTO_ADDED', 'SIGNATURE_UPLOADED', 'PHOTO_REMOVED'], by: ['party'] },
  SET_LIABILITY: { from: PARTY_CAN_CHANGE, to: null, events: ['LIABILITY_SET'], by: ['party'] },
  ANSWER: {
    from: ANSWERABLE,
    to: null,
    events: ['AGREED', 'DISPUTED'],
    by: ['party'],
    refused: { WAITING_FOR_PARTY: '对方还没有加入，请先让对方输入邀请码' },
  },
  SUBMIT: { from: ['NEGOTIATING'], to: 'PENDING_REVIEW', events: ['SUBMITTED'], by: ['party'], within: 'ANSWER' },
  RESUBMIT: { from: ['RETURNED'], to: 'PENDING_REVIEW', events: ['RESUBMITTED'], by: ['party'], within: 'ANSWER' },
  CANCEL: { from: PARTY_CAN_CHANGE, to: 'CANCELLED', events: ['CANCELLED'], by: ['reporter'], notYours: '只有报案的一方可以撤销' },
  CONFIRM: { from: ['PENDING_REVIEW'], to: 'CONFIRMED', events: ['CONFIRMED'], by: ['officer'] },
  RETURN: { from: ['PENDING_REVIEW'], to: 'RETURNED', events: ['RETURNED'], by: ['officer'] },
  TRANSFER: { from: ['PENDING_REVIEW'], to: 'TRANSFERRED', events: ['TRANSFERRED'], by: ['officer'] },
  // To another unit's queue, still under review there (use-cases/hand-over-case.ts).
  HAND_OVER: { from: ['PENDING_REVIEW'], to: null, events: ['HANDED_OVER'], by: ['officer'] },
  DOWNLOAD_DOCUMENT: { from: ['CONFIRMED'], to: null, events: [], by: ['party', 'officer'], refused: '民警确认后才能下载协议书' },
  EXPIRE: { from: PARTY_CAN_CHANGE, to: 'EXPIRED', events: ['EXPIRED'], by: ['system'] },
} as const satisfies Record<CaseAction, CaseRule>;

// The contract names the actions (CASE_ACTIONS); `satisfies` above keeps the table to exactly those rows.
export { CASE_ACTIONS, type CaseAction };
export const CASE_STATES: readonly AccidentStatus[] = ACCIDENT_STATUSES;

const rule = (action: CaseAction): CaseRule => CASE_MACHINE[action];
// A row taken within another names a row of the table.
for (const a of Object.keys(CASE_MACHINE) as CaseAction[]) {
  const within = rule(a).within;
  if (within !== undefined && !(within in CASE_MACHINE)) throw new Error(`${a} is taken within an unknown action ${within}`);
}

export function mayAct(action: CaseAction, role: CaseRole): boolean {
  const by = rule(action).by;
  return by.includes(role) || (by.includes('party') && (role === 'reporter' || role === 'secondParty'));
}

export function allowedFrom(action: CaseAction, status: AccidentStatus): boolean {
  return rule(action).from.includes(status);
}

/** The states the action is allowed from (for queries that select the cases it applies to). */
export function statesFor(action: CaseAction): AccidentStatus[] {
  return [...rule(action).from];
}

/** A case is open while something can still move it to another state. */
export function isOpen(status: AccidentStatus): boolean {
  return CASE_ACTIONS.some((a) => rule(a).to !== null && rule(a).to !== status && allowedFrom(a, status));
}
export const OPEN_STATES: readonly AccidentStatus[] = CASE_STATES.filter(isOpen);

/** The state the action leaves a case in. */
export function nextState(action: CaseAction, status: AccidentStatus): AccidentStatus {
  return rule(action).to ?? status;
}

export function invalidState(status: AccidentStatus, message?: string) {
  return conflict('INVALID_STATE', message ?? `事故当前状态为“${ACCIDENT_STATUS_LABELS[status]}”，不能进行此操作`, { status });
}

/**
 * Refuses what the table does not allow: 403 for a party the action is not for, then 409
 * INVALID_STATE for a state it is not allowed from. Strangers were turned away (404) before.
 */
export function requireAction(action: CaseAction, status: AccidentStatus, role: CaseRole): void {
  const r = rule(action);
  if (!mayAct(action, role)) throw forbidden(r.notYours);
  if (!allowedFrom(action, status)) {
    const message = typeof r.refused === 'string' ? r.refused : r.refused?.[status];
    throw invalidState(status, message);
  }
}

/** What the caller may ask for now: the actions a request can take (not those taken within another). */
export function actionsFor(status: AccidentStatus, role: CaseRole): CaseAction[] {
  return CASE_ACTIONS.filter((a) => !rule(a).within && mayAct(a, role) && allowedFrom(a, status));
}

/** The step taken within `action` from `status` (the submission an answer makes), if any. */
export function stepWithin(action: CaseAction, status: AccidentStatus): CaseAction | undefined {
  return CASE_ACTIONS.find((a) => rule(a).within === action && allowedFrom(a, status));
}

/** The role a party letter stands for. */
export const roleOfParty = (role: 'A' | 'B'): CaseRole => (role === 'A' ? 'reporter' : 'secondParty');
