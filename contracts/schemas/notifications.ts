// The message centre, subscription answers and the admins' delivery view (API.md, Notifications).
import { z } from 'zod';
import { TEMPLATE_KEYS } from '../labels';
import { id, isoTime, isoTimeOrNull, pageOf } from './common';

export const templateKey = z.enum(TEMPLATE_KEYS);

/** Subscribe-message keys staff grant: new_case (a case of their unit entered review). */
export const STAFF_TEMPLATE_KEYS = ['new_case'] as const;
export type StaffTemplateKey = (typeof STAFF_TEMPLATE_KEYS)[number];
export const staffTemplateKey = z.enum(STAFF_TEMPLATE_KEYS);

/** How a subscription answer is recorded: one more message allowed, or none. */
export const subscribeAnswer = z.enum(['accept', 'reject']);
export type SubscribeAnswer = z.infer<typeof subscribeAnswer>;

// ---- requests ----

/** requestSubscribeMessage's answer per template; 'ban' and 'filter' count as rejections. */
const wechatSubscribeAnswer = z
  .enum(['accept', 'reject', 'ban', 'filter'])
  .transform((a): SubscribeAnswer => (a === 'accept' ? 'accept' : 'reject'));

export const subscriptionsRequest = z.object({
  templates: z
    // Drivers answer the driver keys, staff new_case; the route refuses the other kind's keys.
    .partialRecord(z.enum([...TEMPLATE_KEYS, ...STAFF_TEMPLATE_KEYS]), wechatSubscribeAnswer)
    .refine((t) => Object.keys(t).length > 0, { message: '至少包含一个模板' }),
});
export type SubscriptionsRequest = z.input<typeof subscriptionsRequest>;

/** Staff link their WeChat with a wx.login code (fake WeChat: fake:<name>). */
export const staffWechatLinkRequest = z.object({ code: z.string().trim().min(1).max(128) });
export type StaffWechatLinkRequest = z.input<typeof staffWechatLinkRequest>;

export const deliveryQuery = z.object({ since: isoTime.optional() });
export type DeliveryQuery = z.input<typeof deliveryQuery>;

/** The failure list's filter (beside the page): failed for good, or pending after a failure. */
export const failuresFilter = z.object({ status: z.enum(['FAILED', 'RETRYING']).default('FAILED') });
export type FailuresFilter = z.input<typeof failuresFilter>;

// ---- responses ----

export const messageEntry = z.object({
  id,
  event: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: isoTimeOrNull,
  createdAt: isoTime,
  read: z.boolean(),
});
export type MessageEntry = z.infer<typeof messageEntry>;

export const messagePage = pageOf(messageEntry, { unread: z.number().int() });
export type MessagePage = z.infer<typeof messagePage>;

export const readAllResponse = z.object({ updated: z.number().int(), unread: z.literal(0) });
export type ReadAllResponse = z.infer<typeof readAllResponse>;

export const templateIdsResponse = z.object({ templates: z.record(templateKey, z.string()) });
export type TemplateIdsResponse = z.infer<typeof templateIdsResponse>;

export const subscriptionsResponse = z.object({
  items: z.array(z.object({ templateKey: z.string(), remaining: z.number().int(), accepted: z.number().int(), rejected: z.number().int() })),
});
export type SubscriptionsResponse = z.infer<typeof subscriptionsResponse>;

/**
 * GET /api/me/subscriptions: per driver key (all of them, in TEMPLATE_KEYS order) the grants left
 * and the answers so far; whether the driver follows the official account (only when one is
 * configured); the phone an SMS would go to, masked (null when none is known).
 */
export const mySubscriptionsResponse = z.object({
  items: z.array(
    z.object({
      templateKey,
      remaining: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      updatedAt: isoTimeOrNull,
    }),
  ),
  officialAccount: z.object({ configured: z.boolean(), following: z.boolean() }),
  sms: z.object({ configured: z.boolean(), phone: z.string().nullable() }),
});
export type MySubscriptionsResponse = z.infer<typeof mySubscriptionsResponse>;

const counts = { pending: z.number().int(), sent: z.number().int(), failed: z.number().int(), skipped: z.number().int() };

export const deliveryRow = z.object({ channel: z.string(), templateKey: z.string(), ...counts });
export type DeliveryRow = z.infer<typeof deliveryRow>;

export const deliveryStats = z.object({ items: z.array(deliveryRow), totals: z.object(counts) });
export type DeliveryStats = z.infer<typeof deliveryStats>;

export const deliveryFailure = z.object({
  id,
  /** The recipient: a driver, or a staff member (officer alerts); one of the two is set. */
  driverId: id.nullable(),
  staffId: id.nullable(),
  channel: z.string(),
  event: z.string(),
  templateKey: z.string(),
  status: z.enum(['PENDING', 'SENT', 'FAILED', 'SKIPPED']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoTime,
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type DeliveryFailure = z.infer<typeof deliveryFailure>;

/** The staff member's link: whether linked, and the template id to pass to requestSubscribeMessage. */
export const staffWechatLinkResponse = z.object({
  linked: z.boolean(),
  templates: z.object({ new_case: z.string() }),
});
export type StaffWechatLinkResponse = z.infer<typeof staffWechatLinkResponse>;
