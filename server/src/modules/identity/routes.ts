// HTTP edge of GET /api/me and identity binding.
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { wireTime } from '../../lib/wire';
import { idNumberField, personNameField } from '../../lib/zod-fields';
import { bindIdentity } from './use-cases/bind-identity';
import { describeCaller } from './use-cases/describe-caller';

const driverMe = z.object({
  id: z.number().int(),
  role: z.literal('driver'),
  nickname: z.string().nullable(),
  identity: z.union([
    z.object({ bound: z.literal(true), name: z.string().nullable(), idNumber: z.string(), boundAt: wireTime.nullable() }),
    z.object({ bound: z.literal(false) }),
  ]),
});
const staffMe = z.object({
  id: z.number().int(),
  role: z.enum(['officer', 'agent', 'admin']),
  username: z.string(),
  displayName: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
});

export function registerIdentityRoutes(api: Api, deps: AppDeps) {
  const me = api.module('/api/me', { tag: 'identity' });

  me.route({
    method: 'get',
    path: '',
    summary: 'The caller: a driver with their identity state, or a staff member with role and unit',
    access: 'any',
    response: z.union([driverMe, staffMe]),
    handler: ({ caller }) => describeCaller(deps, { caller }),
  });

  me.route({
    method: 'post',
    path: '/identity',
    summary: 'Bind the driver to the licence and learner records of an ID number (check character verified)',
    access: 'driver',
    body: z.object({ idNumber: idNumberField, name: personNameField }),
    response: driverMe,
    errors: { 409: ['IDENTITY_TAKEN', 'IDENTITY_ALREADY_BOUND'], 422: ['IDENTITY_MISMATCH'] },
    handler: ({ caller, body, ctx }) => bindIdentity(deps, { caller, ...body, ip: ctx.ip }),
  });
}
