// HTTP edge of GET /api/me and identity binding.
import { bindIdentityRequest, driverMe, me as meResponse } from '@jiaoguan/contracts/schemas/auth';
import type { Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { bindIdentity } from './use-cases/bind-identity';
import { describeCaller } from './use-cases/describe-caller';

export function registerIdentityRoutes(api: Api, deps: AppDeps) {
  const me = api.module('/api/me', { tag: 'identity' });

  me.route({
    method: 'get',
    path: '',
    summary: 'The caller: a driver with their identity state, or a staff member with role and unit',
    access: 'any',
    response: meResponse,
    handler: ({ caller }) => describeCaller(deps, { caller }),
  });

  me.route({
    method: 'post',
    path: '/identity',
    summary: 'Bind the driver to the licence and learner records of an ID number (check character verified)',
    access: 'driver',
    body: bindIdentityRequest,
    response: driverMe,
    errors: { 409: ['IDENTITY_TAKEN', 'IDENTITY_ALREADY_BOUND'], 422: ['IDENTITY_MISMATCH'] },
    handler: ({ caller, body, ctx }) => bindIdentity(deps, { caller, ...body, ip: ctx.ip }),
  });
}
