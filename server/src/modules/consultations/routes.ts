// HTTP edge of consultations: drivers' questions, FAQ suggestions, ratings, and the agents' desk.
import {
  agentConsultation,
  agentQueueFilter,
  agentQueueItem,
  askRequest,
  cannedRepliesQuery,
  cannedReply,
  cannedReplyChange,
  cannedReplyRequest,
  deleted,
  faqEntry,
  faqEntryChange,
  faqEntryRequest,
  faqListQuery,
  consultation,
  consultationListItem,
  faqItem,
  faqQuery,
  followUpRequest,
  ratingRequest,
  replyRequest,
  transferRequest,
} from '@jiaoguan/contracts/schemas/consultations';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { pageOf } from '@jiaoguan/contracts/schemas/common';
import { agentDetail } from './use-cases/agent-detail';
import { agentQueue } from './use-cases/agent-queue';
import { approveHeld } from './use-cases/approve-held';
import { ask } from './use-cases/ask';
import { cannedReplies } from './use-cases/canned-replies';
import { claim } from './use-cases/claim';
import { createCannedReply } from './use-cases/create-canned-reply';
import { createFaqEntry } from './use-cases/create-faq-entry';
import { deleteCannedReply } from './use-cases/delete-canned-reply';
import { deleteFaqEntry } from './use-cases/delete-faq-entry';
import { listFaqEntries } from './use-cases/list-faq-entries';
import { updateCannedReply } from './use-cases/update-canned-reply';
import { updateFaqEntry } from './use-cases/update-faq-entry';
import { close } from './use-cases/close';
import { closeOwn } from './use-cases/close-own';
import { followUp } from './use-cases/follow-up';
import { getOwn } from './use-cases/get-own';
import { listOwn } from './use-cases/list-own';
import { rate } from './use-cases/rate';
import { reply } from './use-cases/reply';
import { suggestFaq } from './use-cases/suggest-faq';
import { transfer } from './use-cases/transfer';

const AGENT: ['agent', 'admin'] = ['agent', 'admin'];

export function registerConsultationRoutes(api: Api, deps: AppDeps) {
  const asker = api.module('/api/consultations', { tag: 'consultations' });
  const desk = api.module('/api/agent', { tag: 'agent' });

  asker.route({
    method: 'get',
    path: '/faq',
    summary: 'FAQ answers matching the text being typed (offered before a question is sent)',
    access: 'public',
    query: faqQuery,
    response: pageOf(faqItem),
    handler: ({ query }) => suggestFaq(deps, { text: query.q, category: query.category }),
  });

  asker.route({
    method: 'post',
    path: '',
    summary: 'Ask a question (DAILY_CONSULTATIONS_PER_DRIVER a day, then 429); the text passes msg_sec_check (risky → 422, review → held for an agent)',
    access: 'driver',
    status: 201,
    body: askRequest,
    response: consultation,
    errors: { 422: ['CONTENT_REJECTED'], 429: ['RATE_LIMITED'] },
    handler: ({ caller, body, ctx }) => ask(deps, { caller, ...body, ip: ctx.ip }),
  });

  asker.route({
    method: 'get',
    path: '',
    summary: "The caller's questions, newest first",
    access: 'driver',
    query: pageQuery,
    response: pageOf(consultationListItem),
    handler: ({ caller, query }) => listOwn(deps, { caller, page: query }),
  });

  asker.route({
    method: 'get',
    path: '/:id',
    summary: 'One of the caller’s questions with its public replies, oldest first',
    access: 'driver',
    params: idParam,
    response: consultation,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params }) => getOwn(deps, { caller, id: params.id }),
  });

  asker.route({
    method: 'post',
    path: '/:id/messages',
    summary: 'The asker follows up on their question (same text check; DAILY_FOLLOW_UPS_PER_DRIVER a day, then 429)',
    access: 'driver',
    status: 201,
    params: idParam,
    body: followUpRequest,
    response: consultation,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'], 422: ['CONTENT_REJECTED'], 429: ['RATE_LIMITED'] },
    handler: ({ caller, params, body }) => followUp(deps, { caller, id: params.id, content: body.content }),
  });

  asker.route({
    method: 'post',
    path: '/:id/close',
    summary: 'The asker closes their question (then it can be rated)',
    access: 'driver',
    params: idParam,
    response: consultation,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params }) => closeOwn(deps, { caller, id: params.id }),
  });

  asker.route({
    method: 'post',
    path: '/:id/rating',
    summary: 'Rate a closed question 1–5, once',
    access: 'driver',
    params: idParam,
    body: ratingRequest,
    response: consultation,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE', 'ALREADY_RATED'] },
    handler: ({ caller, params, body }) => rate(deps, { caller, id: params.id, score: body.score }),
  });

  desk.route({
    method: 'get',
    path: '/consultations',
    summary: 'The agent queue, oldest first, by status (default OPEN) and category; overdue first replies flagged',
    access: AGENT,
    query: pageQuery.extend(agentQueueFilter.shape),
    response: pageOf(agentQueueItem),
    handler: ({ caller, query }) =>
      agentQueue(deps, { caller, status: query.status, category: query.category, mine: query.mine, page: query }),
  });

  desk.route({
    method: 'get',
    path: '/consultations/:id',
    summary: 'A question with every reply and internal note',
    access: AGENT,
    params: idParam,
    response: agentConsultation,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ params, caller, ctx }) => agentDetail(deps, { caller, id: params.id, ip: ctx.ip }),
  });

  desk.route({
    method: 'post',
    path: '/consultations/:id/claim',
    summary: 'Claim a question (one agent at a time)',
    access: AGENT,
    params: idParam,
    response: agentConsultation,
    errors: { 404: ['NOT_FOUND'], 409: ['ALREADY_CLAIMED', 'INVALID_STATE'] },
    handler: ({ caller, params, ctx }) => claim(deps, { caller, id: params.id, ip: ctx.ip }),
  });

  desk.route({
    method: 'post',
    path: '/consultations/:id/replies',
    summary: 'Reply to the asker (notified, each reply its own message) or, with internal: true, add a note for agents',
    access: AGENT,
    status: 201,
    params: idParam,
    body: replyRequest,
    response: agentConsultation,
    errors: { 404: ['NOT_FOUND'], 409: ['ALREADY_CLAIMED', 'INVALID_STATE'] },
    handler: ({ caller, params, body, ctx }) => reply(deps, { caller, id: params.id, ...body, ip: ctx.ip }),
  });

  desk.route({
    method: 'post',
    path: '/consultations/:id/transfer',
    summary: "Move a question to another category's queue, unclaimed",
    access: AGENT,
    params: idParam,
    body: transferRequest,
    response: agentConsultation,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    handler: ({ caller, params, body, ctx }) => transfer(deps, { caller, id: params.id, ...body, ip: ctx.ip }),
  });

  desk.route({
    method: 'post',
    path: '/consultations/:id/approve',
    summary: 'Let a question held by the text check into the queue',
    access: AGENT,
    params: idParam,
    response: agentConsultation,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    handler: ({ caller, params, ctx }) => approveHeld(deps, { caller, id: params.id, ip: ctx.ip }),
  });

  desk.route({
    method: 'post',
    path: '/consultations/:id/close',
    summary: 'Close a question',
    access: AGENT,
    params: idParam,
    response: agentConsultation,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params, ctx }) => close(deps, { caller, id: params.id, ip: ctx.ip }),
  });

  desk.route({
    method: 'get',
    path: '/canned-replies',
    summary: 'Canned replies for a category (and the general ones)',
    access: AGENT,
    query: cannedRepliesQuery,
    response: pageOf(cannedReply),
    handler: ({ query }) => cannedReplies(deps, { category: query.category }),
  });

  // ---- the FAQ and canned replies, kept by agents and admins ----
  desk.route({
    method: 'post',
    path: '/canned-replies',
    summary: 'Add a canned reply (category null: for every category)',
    access: AGENT,
    status: 201,
    body: cannedReplyRequest,
    response: cannedReply,
    handler: ({ caller, body, ctx }) => createCannedReply(deps, { staffId: caller.id, ...body, ip: ctx.ip }),
  });

  desk.route({
    method: 'patch',
    path: '/canned-replies/:id',
    summary: "Change a canned reply's category, title or text",
    access: AGENT,
    params: idParam,
    body: cannedReplyChange,
    errors: { 404: ['NOT_FOUND'] },
    response: cannedReply,
    handler: ({ caller, params, body, ctx }) => updateCannedReply(deps, { staffId: caller.id, id: params.id, ...body, ip: ctx.ip }),
  });

  desk.route({
    method: 'delete',
    path: '/canned-replies/:id',
    summary: 'Delete a canned reply',
    access: AGENT,
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    response: deleted,
    handler: ({ caller, params, ctx }) => deleteCannedReply(deps, { staffId: caller.id, id: params.id, ip: ctx.ip }),
  });

  desk.route({
    method: 'get',
    path: '/faq',
    summary: 'Every FAQ entry with its keywords, by category; ?search= in question, answer and keywords',
    access: AGENT,
    query: faqListQuery,
    response: pageOf(faqEntry),
    handler: ({ query }) => listFaqEntries(deps, query),
  });

  desk.route({
    method: 'post',
    path: '/faq',
    summary: 'Add an FAQ entry (drivers see it as they type a matching question)',
    access: AGENT,
    status: 201,
    body: faqEntryRequest,
    response: faqEntry,
    handler: ({ caller, body, ctx }) => createFaqEntry(deps, { staffId: caller.id, ...body, ip: ctx.ip }),
  });

  desk.route({
    method: 'patch',
    path: '/faq/:id',
    summary: "Change an FAQ entry's category, question, answer or keywords",
    access: AGENT,
    params: idParam,
    body: faqEntryChange,
    errors: { 404: ['NOT_FOUND'] },
    response: faqEntry,
    handler: ({ caller, params, body, ctx }) => updateFaqEntry(deps, { staffId: caller.id, id: params.id, ...body, ip: ctx.ip }),
  });

  desk.route({
    method: 'delete',
    path: '/faq/:id',
    summary: 'Delete an FAQ entry',
    access: AGENT,
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    response: deleted,
    handler: ({ caller, params, ctx }) => deleteFaqEntry(deps, { staffId: caller.id, id: params.id, ip: ctx.ip }),
  });
}
