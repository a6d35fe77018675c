// Questions and the agents' desk (API.md, Inquiries and consultations).
import { z } from 'zod';
import { CONSULTATION_CATEGORIES, CONSULTATION_STATUSES } from '../labels';
import { id, isoTime, isoTimeOrNull } from './common';

export const consultationCategory = z.enum(CONSULTATION_CATEGORIES);
export const consultationStatus = z.enum(CONSULTATION_STATUSES);

// ---- requests ----

const questionText = z.string().trim().min(2, '请至少写两个字').max(1000, '内容不能超过1000字');

export const faqQuery = z.object({ q: z.string().max(1000).default(''), category: consultationCategory.optional() });
export type FaqQuery = z.input<typeof faqQuery>;

export const askRequest = z.object({ category: consultationCategory, content: questionText });
export type AskRequest = z.input<typeof askRequest>;

export const followUpRequest = z.object({ content: questionText });
export type FollowUpRequest = z.input<typeof followUpRequest>;

export const ratingRequest = z.object({ score: z.number().int().min(1).max(5) });
export type RatingRequest = z.input<typeof ratingRequest>;

/** The agent queue's filters (beside the page): status (default OPEN), category, only the caller's claims. */
export const agentQueueFilter = z.object({
  status: consultationStatus.default('OPEN'),
  category: consultationCategory.optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type AgentQueueFilter = z.input<typeof agentQueueFilter>;

export const replyRequest = z.object({
  content: z.string().trim().min(1, '请填写回复内容').max(2000),
  /** A note for agents only. */
  internal: z.boolean().default(false),
});
export type ReplyRequest = z.input<typeof replyRequest>;

export const transferRequest = z.object({ category: consultationCategory, note: z.string().trim().max(500).optional() });
export type TransferRequest = z.input<typeof transferRequest>;

export const cannedRepliesQuery = z.object({ category: consultationCategory.optional() });
export type CannedRepliesQuery = z.input<typeof cannedRepliesQuery>;

/** The FAQ as agents and admins keep it: every entry, of a category or matching a search. */
export const faqListQuery = z.object({ category: consultationCategory.optional(), search: z.string().trim().max(64).optional() });

const faqQuestion = z.string().trim().min(2, '问题至少写两个字').max(255, '问题不能超过255字');
const faqAnswer = z.string().trim().min(2, '答案至少写两个字').max(5000, '答案不能超过5000字');
/** Comma-separated words a driver might type (驾驶证,换证,到期); the question itself is searched too. */
const faqKeywords = z.string().trim().max(255, '关键词合计不能超过255字');

export const faqEntryRequest = z.object({ category: consultationCategory, question: faqQuestion, answer: faqAnswer, keywords: faqKeywords.default('') });
export type FaqEntryRequest = z.input<typeof faqEntryRequest>;

export const faqEntryChange = z
  .object({ category: consultationCategory.optional(), question: faqQuestion.optional(), answer: faqAnswer.optional(), keywords: faqKeywords.optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '请至少修改一项' });
export type FaqEntryChange = z.input<typeof faqEntryChange>;

const cannedTitle = z.string().trim().min(1, '请填写标题').max(64, '标题不能超过64字');
const cannedContent = z.string().trim().min(1, '请填写回复内容').max(2000, '回复内容不能超过2000字');

/** A canned reply: of one category, or for every category (null). */
export const cannedReplyRequest = z.object({ category: consultationCategory.nullable().default(null), title: cannedTitle, content: cannedContent });
export type CannedReplyRequest = z.input<typeof cannedReplyRequest>;

export const cannedReplyChange = z
  .object({ category: consultationCategory.nullable().optional(), title: cannedTitle.optional(), content: cannedContent.optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '请至少修改一项' });
export type CannedReplyChange = z.input<typeof cannedReplyChange>;

// ---- responses ----

/** A question without its replies (every list and view starts so). */
export const consultationSummary = z.object({
  id,
  category: consultationCategory,
  categoryText: z.string(),
  content: z.string(),
  status: consultationStatus,
  statusText: z.string(),
  createdAt: isoTime,
  firstReplyAt: isoTimeOrNull,
  closedAt: isoTimeOrNull,
  rating: z.number().int().nullable(),
  ratedAt: isoTimeOrNull,
});
export type ConsultationSummary = z.infer<typeof consultationSummary>;

/** An item of the asker's list: how many answers it has had, not the replies themselves. */
export const consultationListItem = consultationSummary.extend({ replyCount: z.number().int() });
export type ConsultationListItem = z.infer<typeof consultationListItem>;

/** A reply as the asker sees it: public ones only, agents by a neutral name. */
export const reply = z.object({ id, author: z.enum(['DRIVER', 'AGENT']), authorName: z.string(), content: z.string(), createdAt: isoTime });
export type Reply = z.infer<typeof reply>;

/** The asker's view of their question, public replies oldest first. */
export const consultation = consultationSummary.extend({ replies: z.array(reply) });
export type Consultation = z.infer<typeof consultation>;

/** An item of the agent queue: the asker masked, the first-reply deadline and whether it has passed. */
export const agentQueueItem = consultationSummary.extend({
  driver: z.object({ id, name: z.string() }),
  claimedBy: z.object({ id, displayName: z.string() }).nullable(),
  firstReplyDueAt: isoTimeOrNull,
  overdue: z.boolean(),
  waitingMinutes: z.number().int(),
});
export type AgentQueueItem = z.infer<typeof agentQueueItem>;

/** A reply as an agent sees it: internal notes too, agents by name. */
export const agentReply = reply.extend({ internal: z.boolean() });
export type AgentReply = z.infer<typeof agentReply>;

/** The agent's view of a question: everything, with every reply and internal note. */
export const agentConsultation = agentQueueItem.extend({ claimedAt: isoTimeOrNull, replies: z.array(agentReply) });
export type AgentConsultation = z.infer<typeof agentConsultation>;

export const faqItem = z.object({ id, category: consultationCategory, question: z.string(), answer: z.string() });
export type FaqItem = z.infer<typeof faqItem>;

/** An FAQ entry as its keepers see it, with its keywords. */
export const faqEntry = faqItem.extend({ keywords: z.string() });
export type FaqEntry = z.infer<typeof faqEntry>;

/** What a delete answers. */
export const deleted = z.object({ id, deleted: z.literal(true) });

export const cannedReply = z.object({ id, category: consultationCategory.nullable(), title: z.string(), content: z.string() });
export type CannedReply = z.infer<typeof cannedReply>;
