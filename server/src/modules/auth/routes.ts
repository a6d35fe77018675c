// HTTP edge of logins and logout.
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { loginStaff } from './use-cases/login-staff';
import { loginWithWechat } from './use-cases/login-wechat';
import { logout } from './use-cases/logout';

const unit = z.object({ code: z.string(), name: z.string() });
const driverLogin = z.object({ token: z.string(), user: z.object({ id: z.number().int(), role: z.literal('driver') }) });
const staffLogin = z.object({
  token: z.string(),
  user: z.object({
    id: z.number().int(),
    role: z.enum(['officer', 'agent', 'admin']),
    username: z.string(),
    displayName: z.string(),
    unit: unit.nullable(),
  }),
});

export function registerAuthRoutes(api: Api, deps: AppDeps) {
  const auth = api.module('/api/auth', { tag: 'identity' });

  auth.route({
    method: 'post',
    path: '/wechat',
    summary: 'Log a driver in with a wx.login code (fake WeChat: fake:<name>[:<anything>])',
    access: 'public',
    body: z.object({ code: z.string().min(1).max(256) }),
    response: driverLogin,
    errors: { 401: ['UNAUTHENTICATED'], 429: ['RATE_LIMITED'], 503: ['WECHAT_UNAVAILABLE'] },
    handler: ({ body, ctx }) => loginWithWechat(deps, { code: body.code, ip: ctx.ip, userAgent: ctx.get('user-agent') }),
  });

  auth.route({
    method: 'post',
    path: '/staff',
    summary: 'Log an officer, agent or admin in with username and password',
    access: 'public',
    body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
    response: staffLogin,
    errors: { 401: ['UNAUTHENTICATED'], 429: ['RATE_LIMITED'] },
    handler: ({ body, ctx }) => loginStaff(deps, { ...body, ip: ctx.ip, userAgent: ctx.get('user-agent') }),
  });

  auth.route({
    method: 'post',
    path: '/logout',
    summary: 'Revoke the current session token',
    access: 'any',
    response: z.object({ ok: z.boolean() }),
    handler: ({ caller }) => logout(deps, { caller }),
  });
}
