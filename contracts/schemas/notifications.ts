// The message centre, subscription answers and the admins' delivery view (API.md, Notifications).
import { z } from 'zod';
import { TEMPLATE_KEYS } from '../labels';
import { id, isoTime } from './common';

export const templateKey = z.enum(TEMPLATE_KEYS);
export const subscribeAnswer = z.enum(['accept', 'reject']);
export type SubscribeAnswer = z.infer<typeof subscribeAnswer>;
export const subscriptionsRequest = z.object({ templates: z.partialRecord(templateKey, subscribeAnswer) });

export const messageEntry = z.object({
  id,
  event: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  readAt: isoTime.nullable(),
  createdAt: isoTime,
});
export type MessageEntry = z.infer<typeof messageEntry>;

export const messagePage = z.object({ items: z.array(messageEntry), total: z.number().int(), unread: z.number().int() });
export type MessagePage = z.infer<typeof messagePage>;

export const readAllResponse = z.object({ updated: z.number().int(), unread: z.number().int() });
export const templateIdsResponse = z.object({ templates: z.record(templateKey, z.string()) });

export const channel = z.enum(['SUBSCRIBE', 'OFFICIAL_TEMPLATE']);
export const deliveryRow = z.object({
  channel,
  templateKey,
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
});
export type DeliveryRow = z.infer<typeof deliveryRow>;

const counts = z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int(), skipped: z.number().int() });
export const deliveryStats = z.object({ items: z.array(deliveryRow), totals: counts });
export type DeliveryStats = z.infer<typeof deliveryStats>;

export const deliveryFailure = z.object({
  id,
  channel,
  event: z.string(),
  templateKey,
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  updatedAt: isoTime,
});
export type DeliveryFailure = z.infer<typeof deliveryFailure>;
