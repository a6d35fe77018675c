// HTTP edge of notifications: the driver's message centre and subscriptions, the admins' delivery view.
import { TEMPLATE_KEYS } from '@jiaoguan/contracts/labels';
import { z } from 'zod';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { pageResponse } from '../../lib/pagination';
import { wireTime } from '../../lib/wire';
import { entryView } from './message-centre';
import { deliveryFailures } from './use-cases/delivery-failures';
import { deliveryStats } from './use-cases/delivery-stats';
import { listNotifications } from './use-cases/list-notifications';
import { markAllRead } from './use-cases/mark-all-read';
import { markRead } from './use-cases/mark-read';
import { recordSubscriptions } from './use-cases/record-subscriptions';
import { subscriptionTemplates } from './use-cases/subscription-templates';

const answer = z.enum(['accept', 'reject', 'ban', 'filter']).transform((a) => (a === 'accept' ? 'accept' : 'reject') as 'accept' | 'reject');
const counts = { pending: z.number().int(), sent: z.number().int(), failed: z.number().int(), skipped: z.number().int() };

export function registerNotificationRoutes(api: Api, deps: AppDeps) {
  const me = api.module('/api/me', { tag: 'notifications' });
  const templates = api.module('/api/notifications', { tag: 'notifications' });
  const admin = api.module('/api/admin/notifications', { tag: 'admin' });

  me.route({
    method: 'get',
    path: '/notifications',
    summary: 'The message centre, newest first, with the unread count',
    access: 'driver',
    query: pageQuery,
    response: pageResponse(entryView, { unread: z.number().int() }),
    handler: ({ caller, query }) => listNotifications(deps, { caller, page: query }),
  });

  me.route({
    method: 'post',
    path: '/notifications/read-all',
    summary: 'Mark every message of the caller read',
    access: 'driver',
    response: z.object({ updated: z.number().int(), unread: z.literal(0) }),
    handler: ({ caller }) => markAllRead(deps, { caller }),
  });

  me.route({
    method: 'post',
    path: '/notifications/:id/read',
    summary: 'Mark one message read (reading it again changes nothing)',
    access: 'driver',
    params: idParam,
    response: entryView,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params }) => markRead(deps, { caller, id: params.id }),
  });

  templates.route({
    method: 'get',
    path: '/templates',
    summary: 'The subscribe-message template id of each key, for requestSubscribeMessage',
    access: 'driver',
    response: z.object({ templates: z.record(z.enum(TEMPLATE_KEYS), z.string()) }),
    handler: () => subscriptionTemplates(deps),
  });

  me.route({
    method: 'post',
    path: '/subscriptions',
    summary: 'Record what requestSubscribeMessage returned; each accept allows one message of that template',
    access: 'driver',
    body: z.object({
      templates: z
        .partialRecord(z.enum(TEMPLATE_KEYS), answer)
        .refine((t) => Object.keys(t).length > 0, { message: '至少包含一个模板' }),
    }),
    response: z.object({
      items: z.array(z.object({ templateKey: z.string(), remaining: z.number().int(), accepted: z.number().int(), rejected: z.number().int() })),
    }),
    handler: ({ caller, body }) => recordSubscriptions(deps, { caller, answers: body.templates }),
  });

  admin.route({
    method: 'get',
    path: '/delivery',
    summary: 'Outbox rows by channel and template: pending, sent, failed, skipped (optionally since a time)',
    access: ['admin'],
    query: z.object({ since: z.iso.datetime({ offset: true }).optional() }),
    response: z.object({
      items: z.array(z.object({ channel: z.string(), templateKey: z.string(), ...counts })),
      totals: z.object(counts),
    }),
    handler: ({ query }) => deliveryStats(deps, { since: query.since ? new Date(query.since) : undefined }),
  });

  admin.route({
    method: 'get',
    path: '/failures',
    summary: 'Failed messages (or those still being retried) with their last error, newest first',
    access: ['admin'],
    query: pageQuery.extend({ status: z.enum(['FAILED', 'RETRYING']).default('FAILED') }),
    response: pageResponse(
      z.object({
        id: z.number().int(),
        driverId: z.number().int(),
        channel: z.string(),
        event: z.string(),
        templateKey: z.string(),
        status: z.enum(['PENDING', 'SENT', 'FAILED', 'SKIPPED']),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        nextAttemptAt: wireTime,
        createdAt: wireTime,
        updatedAt: wireTime,
      }),
    ),
    handler: ({ query }) => deliveryFailures(deps, { status: query.status, page: query }),
  });
}
