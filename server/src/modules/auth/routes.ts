// HTTP edge of logins and logout.
import { logoutResponse, staffLoginRequest, staffLoginResponse, wechatLoginRequest, wechatLoginResponse } from '@jiaoguan/contracts/schemas/auth';
import type { Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { loginStaff } from './use-cases/login-staff';
import { loginWithWechat } from './use-cases/login-wechat';
import { logout } from './use-cases/logout';

export function registerAuthRoutes(api: Api, deps: AppDeps) {
  const auth = api.module('/api/auth', { tag: 'identity' });

  auth.route({
    method: 'post',
    path: '/wechat',
    summary: 'Log a driver in with a wx.login code (fake WeChat: fake:<name>[:<anything>])',
    access: 'public',
    body: wechatLoginRequest,
    response: wechatLoginResponse,
    errors: { 401: ['UNAUTHENTICATED'], 429: ['RATE_LIMITED'], 503: ['WECHAT_UNAVAILABLE'] },
    handler: ({ body, ctx }) => loginWithWechat(deps, { code: body.code, ip: ctx.ip, userAgent: ctx.get('user-agent') }),
  });

  auth.route({
    method: 'post',
    path: '/staff',
    summary: 'Log an officer, agent or admin in with username and password',
    access: 'public',
    body: staffLoginRequest,
    response: staffLoginResponse,
    errors: { 401: ['UNAUTHENTICATED'], 429: ['RATE_LIMITED'] },
    handler: ({ body, ctx }) => loginStaff(deps, { ...body, ip: ctx.ip, userAgent: ctx.get('user-agent') }),
  });

  auth.route({
    method: 'post',
    path: '/logout',
    summary: 'Revoke the current session token',
    access: 'any',
    beforePasswordChange: true,
    response: logoutResponse,
    handler: ({ caller }) => logout(deps, { caller }),
  });
}
