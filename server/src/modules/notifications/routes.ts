// HTTP edge of notifications: the driver's message centre and subscriptions, the admins' delivery view.
import {
  deliveryFailure,
  deliveryQuery,
  deliveryStats as deliveryStatsResponse,
  failuresFilter,
  messageEntry,
  messagePage,
  mySubscriptionsResponse,
  readAllResponse,
  STAFF_TEMPLATE_KEYS,
  staffWechatLinkRequest,
  staffWechatLinkResponse,
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
import { listSubscriptions } from './use-cases/list-subscriptions';
import { subscriptionTemplates } from './use-cases/subscription-templates';
import { linkStaffWechat, recordStaffSubscriptions, unlinkStaffWechat } from './use-cases/staff-wechat';
import type { TemplateKey } from './events';
import { z } from 'zod';
import { AppError, forbidden, notFound } from '../../http/errors';
import { applyPush, parsePush, validPush } from './official-account-push';

const pushQuery = z.object({
  signature: z.string().regex(/^[0-9a-fA-F]{40}$/),
  timestamp: z.string().max(16),
  nonce: z.string().min(1).max(64),
  echostr: z.string().max(128).optional(),
});

export function registerNotificationRoutes(api: Api, deps: AppDeps) {
  const me = api.module('/api/me', { tag: 'notifications' });
  const templates = api.module('/api/notifications', { tag: 'notifications' });
  const admin = api.module('/api/admin/notifications', { tag: 'admin' });
  const push = api.module('/api/wechat/official-account', { tag: 'notifications' });

  /** The message-push Token, or 404: without one configured the push is not accepted at all. */
  const pushToken = () => {
    const token = deps.config.wechat.officialAccount?.pushToken;
    if (!token) throw notFound();
    return token;
  };
  const refused = () => new AppError(401, 'UNAUTHENTICATED', '签名无效');

  push.route({
    method: 'get',
    path: '/events',
    summary: "WeChat's check of the message-push URL: answers echostr when the signature is ours",
    access: 'public',
    query: pushQuery,
    response: z.string().describe('text/plain: the echostr'),
    handler: async ({ query, ctx }) => {
      if (!validPush(pushToken(), query)) throw refused();
      ctx.type = 'text/plain';
      ctx.body = query.echostr ?? '';
      return undefined;
    },
  });

  push.route({
    method: 'post',
    path: '/events',
    summary: 'The official account pushes follow/unfollow events here (XML, signed): the follower list changes at once',
    access: 'public',
    query: pushQuery,
    response: z.literal('success').describe('text/plain, as WeChat expects'),
    handler: async ({ query, ctx }) => {
      if (!validPush(pushToken(), query)) throw refused();
      const body = (ctx.request as { body?: unknown }).body;
      const event = typeof body === 'string' ? parsePush(body) : null;
      if (!event) throw new AppError(400, 'VALIDATION_FAILED', '消息格式不正确');
      const outcome = await applyPush(deps, event);
      ctx.log.info({ outcome }, 'official-account push');
      // WeChat expects "success" (or an empty body) within 5 s, or it pushes again.
      ctx.type = 'text/plain';
      ctx.body = 'success';
      return undefined;
    },
  });

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
    method: 'get',
    path: '/subscriptions',
    summary: "The driver's subscribe-message grants left per key, whether they follow the official account, and the SMS phone (masked)",
    access: 'driver',
    response: mySubscriptionsResponse,
    handler: ({ caller }) => listSubscriptions(deps, { caller }),
  });

  me.route({
    method: 'post',
    path: '/subscriptions',
    summary: "Record what requestSubscribeMessage returned; each accept allows one message of that template (drivers: the driver keys; staff: new_case)",
    access: 'any',
    body: subscriptionsRequest,
    response: subscriptionsResponse,
    errors: { 422: ['TEMPLATE_NOT_FOR_ACCOUNT'] },
    handler: ({ caller, body }) => {
      const keys = Object.keys(body.templates);
      const staffKey = (k: string) => (STAFF_TEMPLATE_KEYS as readonly string[]).includes(k);
      if (caller.kind === 'staff') {
        if (!keys.every(staffKey)) throw new AppError(422, 'TEMPLATE_NOT_FOR_ACCOUNT', '工作人员只能订阅新案件提醒', { templates: keys.filter((k) => !staffKey(k)) });
        return recordStaffSubscriptions(deps, { caller, answers: body.templates as { new_case?: 'accept' | 'reject' } });
      }
      if (keys.some(staffKey)) throw new AppError(422, 'TEMPLATE_NOT_FOR_ACCOUNT', '该消息仅供工作人员订阅', { templates: keys.filter(staffKey) });
      return recordSubscriptions(deps, { caller, answers: body.templates as Partial<Record<TemplateKey, 'accept' | 'reject'>> });
    },
  });

  me.route({
    method: 'post',
    path: '/wechat',
    summary: 'Staff: link the account to a WeChat user (a wx.login code) to be pushed new cases of their unit; one WeChat user per staff account',
    access: 'any',
    body: staffWechatLinkRequest,
    response: staffWechatLinkResponse,
    errors: { 400: ['VALIDATION_FAILED'], 403: ['FORBIDDEN'], 409: ['WECHAT_ALREADY_LINKED'], 503: ['WECHAT_UNAVAILABLE'] },
    handler: ({ caller, body }) => {
      // A driver's account is its WeChat user already: nothing to link.
      if (caller.kind !== 'staff') throw forbidden('仅工作人员可绑定微信接收提醒');
      return linkStaffWechat(deps, { caller, code: body.code });
    },
  });

  me.route({
    method: 'delete',
    path: '/wechat',
    summary: "Staff: unlink the account's WeChat user (its new_case grants go with it)",
    access: 'any',
    response: staffWechatLinkResponse,
    errors: { 403: ['FORBIDDEN'] },
    handler: ({ caller }) => {
      if (caller.kind !== 'staff') throw forbidden('仅工作人员可解绑微信');
      return unlinkStaffWechat(deps, { caller });
    },
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
