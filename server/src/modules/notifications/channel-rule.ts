// One push per event, by one rule (API.md, Notifications; docs/notifications.md has it as a table):
//   1. a subscribe message where the user holds a grant for the event's template;
//   2. else an official-account template message where the user follows the account;
//   3. else an SMS where the event must reach them and a phone is known for them;
//   4. else no push: the message centre, which always has the entry, is where they will read it.
// The dispatcher decides when it claims a notice (grants and follows change between the event
// and the send), from the facts it read in the claim's transaction.
import type { EventName } from './events';

export type PushChannel = 'SUBSCRIBE' | 'OFFICIAL_TEMPLATE' | 'SMS';

/**
 * Events a person must hear of even without WeChat: exam results and allocation, the office
 * cancelling an exam, an accident returned, confirmed or transferred, a claim settled, and a new
 * violation (the owner must be notified within 5 days, by app, SMS or post: L-WF Art. 20).
 * Reminders and progress a user can check themselves (inspection due, licence expiring, points) are
 * not worth an SMS.
 */
export const MUST_REACH: ReadonlySet<string> = new Set<EventName | string>([
  'exam.result',
  'exam.booking_confirmed',
  'exam.booking_rejected',
  'exam.session_cancelled',
  'accident.returned',
  'accident.confirmed',
  'accident.transferred',
  'claim.settled',
  'violation.new',
]);

export interface Reach {
  /** The user holds an unspent subscribe grant for the event's template. */
  subscribeGrant: boolean;
  /** The user follows the official account (and one is configured). */
  followsOfficialAccount: boolean;
  /** The phone known for them: their proven identity's record, or the one they gave in the case. */
  phone: string | null;
  /** An SMS provider is configured. */
  smsAvailable: boolean;
}

/** The one channel this notice is pushed on, or null when only the message centre carries it. */
export function chooseChannel(event: string, reach: Reach): PushChannel | null {
  if (reach.subscribeGrant) return 'SUBSCRIBE';
  if (reach.followsOfficialAccount) return 'OFFICIAL_TEMPLATE';
  if (MUST_REACH.has(event) && reach.phone && reach.smsAvailable) return 'SMS';
  return null;
}

/** Why a notice went out on no channel, for the delivery page (plain Chinese). */
export function noChannelReason(event: string, reach: Reach): string {
  if (!MUST_REACH.has(event)) return '用户没有可用的订阅次数，也未关注公众号；已存入消息中心';
  if (!reach.phone) return '用户没有订阅次数、未关注公众号，也没有登记手机号；已存入消息中心';
  return '用户没有订阅次数、未关注公众号，短信未开通；已存入消息中心';
}

/**
 * Staff (officers' new-case and overdue alerts) are reached one way only: a subscribe message on
 * their linked WeChat while they hold a new_case grant. No official account, no SMS: their console's
 * live queue shows the same cases.
 */
export function chooseStaffChannel(subscribeGrant: boolean): PushChannel | null {
  return subscribeGrant ? 'SUBSCRIBE' : null;
}

export const STAFF_NO_GRANT_REASON = '工作人员没有可用的新案件提醒次数';
