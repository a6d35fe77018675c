// Questions and the agents' desk (API.md, Inquiries and consultations).
import { z } from 'zod';
import { CONSULTATION_CATEGORIES, CONSULTATION_STATUSES } from '../labels';
import { id, isoTime } from './common';

export const consultationCategory = z.enum(CONSULTATION_CATEGORIES);
export const consultationStatus = z.enum(CONSULTATION_STATUSES);

export const askRequest = z.object({ category: consultationCategory, content: z.string() });
export type AskRequest = z.input<typeof askRequest>;
export const ratingRequest = z.object({ score: z.number().int().min(1).max(5) });

export const reply = z.object({
  id,
  author: z.enum(['DRIVER', 'AGENT']),
  authorName: z.string(),
  content: z.string(),
  internal: z.boolean().optional(),
  createdAt: isoTime,
});
export type Reply = z.infer<typeof reply>;

export const consultation = z.object({
  id,
  category: consultationCategory,
  categoryText: z.string(),
  content: z.string(),
  status: consultationStatus,
  statusText: z.string(),
  createdAt: isoTime,
  firstReplyAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  rating: z.number().int().nullable(),
  replies: z.array(reply),
  replyCount: z.number().int().optional(),
});
export type Consultation = z.infer<typeof consultation>;

export const agentConsultation = consultation.extend({
  driver: z.object({ id, name: z.string() }),
  claimedBy: z.object({ id, displayName: z.string() }).nullable(),
  firstReplyDueAt: isoTime.nullable(),
  overdue: z.boolean(),
  waitingMinutes: z.number(),
});
export type AgentConsultation = z.infer<typeof agentConsultation>;

export const faqItem = z.object({ id, category: consultationCategory, question: z.string(), answer: z.string() });
export type FaqItem = z.infer<typeof faqItem>;

export const cannedReply = z.object({ id, category: consultationCategory.nullable(), title: z.string(), content: z.string() });
export type CannedReply = z.infer<typeof cannedReply>;
