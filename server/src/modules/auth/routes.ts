// Login and logout endpoints.
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { loginStaff, loginWithWechat, logout } from './service';

const tokenUser = z.object({ token: z.string(), user: z.object({ id: z.number(), role: z.string() }).passthrough() });

export function registerAuthRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'post',
    path: '/api/auth/wechat',
    tag: 'identity',
    summary: 'Log a driver in with a wx.login code (fake WeChat: fake:<name>[:<anything>])',
    access: 'public',
    body: z.object({ code: z.string().min(1).max(256) }),
    response: tokenUser,
    errors: { 401: ['UNAUTHENTICATED'], 429: ['RATE_LIMITED'], 503: ['WECHAT_UNAVAILABLE'] },
    handler: ({ body, ctx }) => loginWithWechat(deps, body.code, { ip: ctx.ip, userAgent: ctx.get('user-agent') }),
  });

  api.route({
    method: 'post',
    path: '/api/auth/staff',
    tag: 'identity',
    summary: 'Log an officer, agent or admin in with username and password',
    access: 'public',
    body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
    response: tokenUser,
    errors: { 401: ['UNAUTHENTICATED'], 429: ['RATE_LIMITED'] },
    handler: ({ body, ctx }) => loginStaff(deps, body.username, body.password, { ip: ctx.ip, userAgent: ctx.get('user-agent') }),
  });

  api.route({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'identity',
    summary: 'Revoke the current session token',
    access: 'any',
    response: z.object({ ok: z.boolean() }),
    handler: ({ caller }) => logout(deps, caller.sessionId),
  });
}
