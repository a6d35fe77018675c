// Officer alerts: a case of their unit entered review (first submission, resubmission after a
// return, handover from another unit) or waited past the unit's review limit. Each active officer of
// the unit with a linked WeChat and an unspent new_case grant gets one subscribe message, through the
// same outbox as every driver notice (a row with staffId instead of driverId; the dispatcher spends
// the grant, retries, sends once). Staff have no message centre: their console's live queue
// (GET /api/officer/events) shows the same cases.
import { PAGES, pageLink } from '@jiaoguan/contracts/pages';
import type { StaffTemplateKey } from '@jiaoguan/contracts/schemas/notifications';
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../db';
import { fitCharacterString, fitThing, fitTime } from './templates';

type Tx = Db | Prisma.TransactionClient;

/** Why the unit's officers are alerted. */
export type OfficerAlertReason = 'SUBMITTED' | 'RESUBMITTED' | 'HANDED_OVER' | 'OVERDUE';

export interface OfficerAlertData {
  caseId: number;
  caseNumber: string;
  address: string;
  reason: OfficerAlertReason;
  /** When the case entered review (ISO). */
  enteredAt: string;
}

export const OFFICER_EVENTS = { newCase: 'officer.new_case', overdue: 'officer.case_overdue' } as const;
export type OfficerEventName = (typeof OFFICER_EVENTS)[keyof typeof OFFICER_EVENTS];

/** The keyword layout of the new_case subscribe template (the keys the template was created with). */
export const STAFF_TEMPLATE_KEYWORDS: Record<StaffTemplateKey, Record<string, string>> = {
  new_case: { character_string1: '案件编号', thing2: '事故地点', time3: '提交时间', thing4: '提醒事项' },
};

/** thing4, each within the 20 characters of a `thing`. */
const REASON_TEXT: Record<OfficerAlertReason, string> = {
  SUBMITTED: '新案件待审核，请及时处理',
  RESUBMITTED: '当事人补充后重新提交，待审核',
  HANDED_OVER: '其他大队移交的案件，待审核',
  OVERDUE: '已超过审核时限，请尽快处理',
};

/**
 * Queues one alert for each officer of the unit who can be pushed now (active, WeChat linked, an
 * unspent new_case grant), inside the caller's transaction. `dedupeKey` names the occasion (the
 * case's entry into review, or its being overdue); each officer's row adds `:staff:<id>`, so the
 * same occasion alerts an officer once however often this runs. Returns the rows queued.
 */
export async function alertUnitOfficers(
  tx: Tx,
  input: { unitId: number; event: OfficerEventName; data: OfficerAlertData; dedupeKey: string },
): Promise<number> {
  const officers = await tx.$queryRaw<{ id: number }[]>`
    SELECT s.id FROM Staff s
      JOIN StaffSubscriptionQuota q ON q.staffId = s.id AND q.templateKey = 'new_case'
     WHERE s.unitId = ${input.unitId} AND s.role = 'OFFICER' AND s.active AND s.wechatOpenid IS NOT NULL AND q.remaining > 0`;
  if (officers.length === 0) return 0;
  const now = new Date();
  const payload = JSON.stringify(input.data);
  const values = officers.flatMap((o) => [Number(o.id), input.event, `${input.dedupeKey}:staff:${Number(o.id)}`, payload, now, now, now]);
  return tx.$executeRawUnsafe(
    `INSERT IGNORE INTO NotificationOutbox
            (staffId, event, templateKey, dedupeKey, payload, nextAttemptAt, createdAt, updatedAt, channel, status, attempts, quotaHeld)
     VALUES ${officers.map(() => "(?, ?, 'new_case', ?, ?, ?, ?, ?, 'AUTO', 'PENDING', 0, false)").join(', ')}`,
    ...values,
  );
}

/** The subscribe message of an officer alert: the officer's case page and the keyword values. */
export function renderStaffMessage(event: string, stored: OfficerAlertData): { templateKey: StaffTemplateKey; page: string; data: Record<string, string> } {
  if (event !== OFFICER_EVENTS.newCase && event !== OFFICER_EVENTS.overdue) throw new Error(`not an officer event: ${event}`);
  return {
    templateKey: 'new_case',
    page: pageLink(PAGES.officerCase, { id: stored.caseId }).replace(/^\//, ''),
    data: {
      character_string1: fitCharacterString(stored.caseNumber),
      thing2: fitThing(stored.address, '详见案件'),
      time3: fitTime(new Date(stored.enteredAt)),
      thing4: fitThing(REASON_TEXT[stored.reason] ?? REASON_TEXT.SUBMITTED),
    },
  };
}

/**
 * A case entered review in `unitId` (submitted, resubmitted, or handed over to it): its officers are
 * alerted once for this entry. `version` is the case's version before the step, so each entry into
 * review has its own key.
 */
export function alertCaseEnteredReview(
  tx: Tx,
  input: { unitId: number; case: { id: number; caseNumber: string; address: string; version: number }; reason: Exclude<OfficerAlertReason, 'OVERDUE'> },
): Promise<number> {
  const c = input.case;
  return alertUnitOfficers(tx, {
    unitId: input.unitId,
    event: OFFICER_EVENTS.newCase,
    data: { caseId: c.id, caseNumber: c.caseNumber, address: c.address, reason: input.reason, enteredAt: new Date().toISOString() },
    dedupeKey: `case:${c.id}:review:${c.version}`,
  });
}
