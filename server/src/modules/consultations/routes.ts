// HTTP edge of consultations: drivers' questions, FAQ suggestions, ratings, and the agents' desk.
import { z } from 'zod';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { suggestFaq } from './faq';
import {
  CATEGORIES,
  agentDetail,
  agentQueue,
  approveHeld,
  cannedReplies,
  claim,
  close,
  closeOwn,
  createConsultation,
  followUp,
  getOwn,
  listOwn,
  rate,
  reply,
  transfer,
} from './service';

const category = z.enum(CATEGORIES);
const content = z.string().trim().min(2, '请至少写两个字').max(1000, '内容不能超过1000字');
const AGENT: ['agent', 'admin'] = ['agent', 'admin'];

export function registerConsultationRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/api/consultations/faq',
    tag: 'consultations',
    summary: 'FAQ answers matching the text being typed (offered before a question is sent)',
    access: 'public',
    query: z.object({ q: z.string().max(1000).default(''), category: category.optional() }),
    handler: ({ query }) => suggestFaq(deps, { text: query.q, category: query.category }),
  });

  api.route({
    method: 'post',
    path: '/api/consultations',
    tag: 'consultations',
    summary: 'Ask a question; the text passes msg_sec_check (risky → 422, review → held for an agent)',
    access: 'driver',
    status: 201,
    body: z.object({ category, content }),
    errors: { 422: ['CONTENT_REJECTED'] },
    handler: ({ caller, body, ctx }) => createConsultation(deps, caller, body, ctx.ip),
  });

  api.route({
    method: 'get',
    path: '/api/consultations',
    tag: 'consultations',
    summary: "The caller's questions, newest first",
    access: 'driver',
    query: pageQuery,
    handler: ({ caller, query }) => listOwn(deps, caller, query),
  });

  api.route({
    method: 'get',
    path: '/api/consultations/:id',
    tag: 'consultations',
    summary: 'One of the caller’s questions with its public replies, oldest first',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params }) => getOwn(deps, caller, params.id),
  });

  api.route({
    method: 'post',
    path: '/api/consultations/:id/messages',
    tag: 'consultations',
    summary: 'The asker follows up on their question (same text check)',
    access: 'driver',
    status: 201,
    params: idParam,
    body: z.object({ content }),
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'], 422: ['CONTENT_REJECTED'] },
    handler: ({ caller, params, body }) => followUp(deps, caller, params.id, body.content),
  });

  api.route({
    method: 'post',
    path: '/api/consultations/:id/close',
    tag: 'consultations',
    summary: 'The asker closes their question (then it can be rated)',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params }) => closeOwn(deps, caller, params.id),
  });

  api.route({
    method: 'post',
    path: '/api/consultations/:id/rating',
    tag: 'consultations',
    summary: 'Rate a closed question 1–5, once',
    access: 'driver',
    params: idParam,
    body: z.object({ score: z.number().int().min(1).max(5) }),
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE', 'ALREADY_RATED'] },
    handler: ({ caller, params, body }) => rate(deps, caller, params.id, body.score),
  });

  api.route({
    method: 'get',
    path: '/api/agent/consultations',
    tag: 'agent',
    summary: 'The agent queue, oldest first, by status (default OPEN) and category; overdue first replies flagged',
    access: AGENT,
    query: pageQuery.extend({
      status: z.enum(['HELD', 'OPEN', 'CLAIMED', 'ANSWERED', 'CLOSED']).default('OPEN'),
      category: category.optional(),
      mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    }),
    handler: ({ caller, query }) => agentQueue(deps, caller, query),
  });

  api.route({
    method: 'get',
    path: '/api/agent/consultations/:id',
    tag: 'agent',
    summary: 'A question with every reply and internal note',
    access: AGENT,
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ params }) => agentDetail(deps, params.id),
  });

  api.route({
    method: 'post',
    path: '/api/agent/consultations/:id/claim',
    tag: 'agent',
    summary: 'Claim a question (one agent at a time)',
    access: AGENT,
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['ALREADY_CLAIMED', 'INVALID_STATE'] },
    handler: ({ caller, params, ctx }) => claim(deps, caller, params.id, ctx.ip),
  });

  api.route({
    method: 'post',
    path: '/api/agent/consultations/:id/replies',
    tag: 'agent',
    summary: 'Reply to the asker (notified, each reply its own message) or, with internal: true, add a note for agents',
    access: AGENT,
    status: 201,
    params: idParam,
    body: z.object({ content: z.string().trim().min(1, '请填写回复内容').max(2000), internal: z.boolean().default(false) }),
    errors: { 404: ['NOT_FOUND'], 409: ['ALREADY_CLAIMED', 'INVALID_STATE'] },
    handler: ({ caller, params, body, ctx }) => reply(deps, caller, params.id, body, ctx.ip),
  });

  api.route({
    method: 'post',
    path: '/api/agent/consultations/:id/transfer',
    tag: 'agent',
    summary: "Move a question to another category's queue, unclaimed",
    access: AGENT,
    params: idParam,
    body: z.object({ category, note: z.string().trim().max(500).optional() }),
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    handler: ({ caller, params, body, ctx }) => transfer(deps, caller, params.id, body, ctx.ip),
  });

  api.route({
    method: 'post',
    path: '/api/agent/consultations/:id/approve',
    tag: 'agent',
    summary: 'Let a question held by the text check into the queue',
    access: AGENT,
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    handler: ({ caller, params, ctx }) => approveHeld(deps, caller, params.id, ctx.ip),
  });

  api.route({
    method: 'post',
    path: '/api/agent/consultations/:id/close',
    tag: 'agent',
    summary: 'Close a question',
    access: AGENT,
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params, ctx }) => close(deps, caller, params.id, ctx.ip),
  });

  api.route({
    method: 'get',
    path: '/api/agent/canned-replies',
    tag: 'agent',
    summary: 'Canned replies for a category (and the general ones)',
    access: AGENT,
    query: z.object({ category: category.optional() }),
    handler: ({ query }) => cannedReplies(deps, query.category),
  });
}
