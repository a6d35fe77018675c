// HTTP edge of notifications: the driver's message centre and subscriptions, the admins' delivery view.
import {
  deliveryFailure,
  deliveryQuery,
  deliveryStats as deliveryStatsResponse,
  failuresFilter,
  messageEntry,
  messagePage,
  readAllResponse,
  subscriptionsRequest,
  subscriptionsResponse,
  templateIdsResponse,
} from '@jiaoguan/contracts/schemas/notifications';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { pageOf } from '@jiaoguan/contracts/schemas/common';
import { deliveryFailures } from './use-cases/delivery-failures';
import { deliveryStats } from './use-cases/delivery-stats';
import { listNotifications } from './use-cases/list-notifications';
import { markAllRead } from './use-cases/mark-all-read';
import { markRead } from './use-cases/mark-read';
import { recordSubscriptions } from './use-cases/record-subscriptions';
import { subscriptionTemplates } from './use-cases/subscription-templates';

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
    response: messagePage,
    handler: ({ caller, query }) => listNotifications(deps, { caller, page: query }),
  });

  me.route({
    method: 'post',
    path: '/notifications/read-all',
    summary: 'Mark every message of the caller read',
    access: 'driver',
    response: readAllResponse,
    handler: ({ caller }) => markAllRead(deps, { caller }),
  });

  me.route({
    method: 'post',
    path: '/notifications/:id/read',
    summary: 'Mark one message read (reading it again changes nothing)',
    access: 'driver',
    params: idParam,
    response: messageEntry,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params }) => markRead(deps, { caller, id: params.id }),
  });

  templates.route({
    method: 'get',
    path: '/templates',
    summary: 'The subscribe-message template id of each key, for requestSubscribeMessage',
    access: 'driver',
    response: templateIdsResponse,
    handler: () => subscriptionTemplates(deps),
  });

  me.route({
    method: 'post',
    path: '/subscriptions',
    summary: 'Record what requestSubscribeMessage returned; each accept allows one message of that template',
    access: 'driver',
    body: subscriptionsRequest,
    response: subscriptionsResponse,
    handler: ({ caller, body }) => recordSubscriptions(deps, { caller, answers: body.templates }),
  });

  admin.route({
    method: 'get',
    path: '/delivery',
    summary: 'Outbox rows by channel and template: pending, sent, failed, skipped (optionally since a time)',
    access: ['admin'],
    query: deliveryQuery,
    response: deliveryStatsResponse,
    handler: ({ query }) => deliveryStats(deps, { since: query.since ? new Date(query.since) : undefined }),
  });

  admin.route({
    method: 'get',
    path: '/failures',
    summary: 'Failed messages (or those still being retried) with their last error, newest first',
    access: ['admin'],
    query: pageQuery.extend(failuresFilter.shape),
    response: pageOf(deliveryFailure),
    handler: ({ query }) => deliveryFailures(deps, { status: query.status, page: query }),
  });
}
