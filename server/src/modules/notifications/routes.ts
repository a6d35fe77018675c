// HTTP edge of notifications: the driver's message centre and subscriptions, the admins' delivery view.
import { z } from 'zod';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import {
  TEMPLATE_KEYS,
  deliveryFailures,
  deliveryStats,
  listNotifications,
  markAllRead,
  markRead,
  recordSubscriptions,
} from './service';

const answer = z.enum(['accept', 'reject', 'ban', 'filter']).transform((a) => (a === 'accept' ? 'accept' : 'reject') as 'accept' | 'reject');

export function registerNotificationRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/api/me/notifications',
    tag: 'notifications',
    summary: 'The message centre, newest first, with the unread count',
    access: 'driver',
    query: pageQuery,
    handler: ({ caller, query }) => listNotifications(deps.db, caller.id, query.page, query.pageSize),
  });

  api.route({
    method: 'post',
    path: '/api/me/notifications/read-all',
    tag: 'notifications',
    summary: 'Mark every message of the caller read',
    access: 'driver',
    handler: ({ caller }) => markAllRead(deps.db, caller.id),
  });

  api.route({
    method: 'post',
    path: '/api/me/notifications/:id/read',
    tag: 'notifications',
    summary: 'Mark one message read (reading it again changes nothing)',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params }) => markRead(deps.db, caller.id, params.id),
  });

  api.route({
    method: 'get',
    path: '/api/notifications/templates',
    tag: 'notifications',
    summary: 'The subscribe-message template id of each key, for requestSubscribeMessage',
    access: 'driver',
    handler: async () => ({ templates: deps.config.wechat.templates }),
  });

  api.route({
    method: 'post',
    path: '/api/me/subscriptions',
    tag: 'notifications',
    summary: 'Record what requestSubscribeMessage returned; each accept allows one message of that template',
    access: 'driver',
    body: z.object({
      templates: z
        .partialRecord(z.enum(TEMPLATE_KEYS), answer)
        .refine((t) => Object.keys(t).length > 0, { message: '至少包含一个模板' }),
    }),
    handler: ({ caller, body }) => recordSubscriptions(deps.db, caller.id, body.templates as Record<string, 'accept' | 'reject'>),
  });

  api.route({
    method: 'get',
    path: '/api/admin/notifications/delivery',
    tag: 'admin',
    summary: 'Outbox rows by channel and template: pending, sent, failed, skipped (optionally since a time)',
    access: ['admin'],
    query: z.object({ since: z.iso.datetime({ offset: true }).optional() }),
    handler: ({ query }) => deliveryStats(deps.db, query.since ? new Date(query.since) : undefined),
  });

  api.route({
    method: 'get',
    path: '/api/admin/notifications/failures',
    tag: 'admin',
    summary: 'Failed messages (or those still being retried) with their last error, newest first',
    access: ['admin'],
    query: pageQuery.extend({ status: z.enum(['FAILED', 'RETRYING']).default('FAILED') }),
    handler: ({ query }) => deliveryFailures(deps.db, query.status, query.page, query.pageSize),
  });
}
