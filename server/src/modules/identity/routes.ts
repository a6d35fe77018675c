// GET /api/me and identity binding.
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { idNumberField, personNameField } from '../../lib/zod-fields';
import { bindIdentity, describeCaller } from './service';

export function registerIdentityRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/api/me',
    tag: 'identity',
    summary: 'The caller: a driver with their identity state, or a staff member with role and unit',
    access: 'any',
    handler: ({ caller }) => describeCaller(deps, caller),
  });

  api.route({
    method: 'post',
    path: '/api/me/identity',
    tag: 'identity',
    summary: 'Bind the driver to the licence and learner records of an ID number (check character verified)',
    access: 'driver',
    body: z.object({ idNumber: idNumberField, name: personNameField }),
    errors: { 409: ['IDENTITY_TAKEN', 'IDENTITY_ALREADY_BOUND'], 422: ['IDENTITY_MISMATCH'] },
    handler: ({ caller, body, ctx }) => bindIdentity(deps, caller, body, ctx.ip),
  });
}
