// HTTP edge of GET /api/me and identity binding.
import { z } from 'zod';
import { idNumberField } from '@jiaoguan/contracts/fields';
import { bindIdentityRequest, driverMe, identityUnbound, me as meResponse, unbindIdentityByAdminRequest } from '@jiaoguan/contracts/schemas/auth';
import type { Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { bindIdentity } from './use-cases/bind-identity';
import { describeCaller } from './use-cases/describe-caller';
import { unbindIdentityByAdmin, unbindOwnIdentity } from './use-cases/unbind-identity';

export function registerIdentityRoutes(api: Api, deps: AppDeps) {
  const me = api.module('/api/me', { tag: 'identity' });

  me.route({
    method: 'get',
    path: '',
    summary: 'The caller: a driver with their identity state, or a staff member with role and unit',
    access: 'any',
    beforePasswordChange: true,
    response: meResponse,
    handler: ({ caller }) => describeCaller(deps, { caller }),
  });

  me.route({
    method: 'post',
    path: '/identity',
    summary: 'Bind the driver to the records of an ID number, proven by the WeChat phone number or the licence file number',
    access: 'driver',
    body: bindIdentityRequest,
    response: driverMe,
    errors: { 409: ['IDENTITY_TAKEN', 'IDENTITY_ALREADY_BOUND'], 422: ['IDENTITY_NOT_VERIFIED'], 429: ['RATE_LIMITED'], 503: ['WECHAT_UNAVAILABLE'] },
    handler: ({ caller, body, ctx }) => bindIdentity(deps, { caller, ...body, ip: ctx.ip }),
  });

  me.route({
    method: 'delete',
    path: '/identity',
    summary: 'Release the driver’s identity binding (and the vehicles bound through it)',
    access: 'driver',
    response: driverMe,
    handler: ({ caller, ctx }) => unbindOwnIdentity(deps, { caller, ip: ctx.ip }),
  });

  const admin = api.module('/api/admin/identities', { tag: 'identity' });
  admin.route({
    method: 'delete',
    path: '/:idNumber',
    summary: 'Release whoever holds an ID number, with a reason (audited; the holder is told)',
    access: ['admin'],
    params: z.object({ idNumber: idNumberField }),
    body: unbindIdentityByAdminRequest,
    response: identityUnbound,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params, body, ctx }) => unbindIdentityByAdmin(deps, { caller, idNumber: params.idNumber, reason: body.reason, ip: ctx.ip }),
  });
}
