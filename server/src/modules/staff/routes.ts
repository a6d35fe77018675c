// HTTP edge of units and staff accounts (admin console 账号 page).
import { z } from 'zod';
import { pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { pageResponse } from '../../lib/pagination';
import { createStaff } from './use-cases/create-staff';
import { listStaff } from './use-cases/list-staff';
import { listUnits } from './use-cases/list-units';
import { staffView, unitView } from './views';

export function registerStaffRoutes(api: Api, deps: AppDeps) {
  const units = api.module('/api/units', { tag: 'identity' });
  const staff = api.module('/api/admin/staff', { tag: 'admin' });

  units.route({
    method: 'get',
    path: '',
    summary: "The detachment's units (大队)",
    access: 'public',
    response: pageResponse(unitView),
    handler: () => listUnits(deps),
  });

  staff.route({
    method: 'get',
    path: '',
    summary: 'Staff accounts, newest first',
    access: ['admin'],
    query: pageQuery,
    response: pageResponse(staffView),
    handler: ({ query }) => listStaff(deps, { page: query }),
  });

  staff.route({
    method: 'post',
    path: '',
    summary: 'Create a staff account (officers need a unit)',
    access: ['admin'],
    status: 201,
    body: z
      .object({
        username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, '用户名只能包含字母、数字和 . _ -'),
        password: z.string().min(10, '密码至少10位').max(256),
        displayName: z.string().trim().min(1).max(64),
        role: z.enum(['officer', 'agent', 'admin']),
        unit: z.string().max(32).optional(),
      })
      .refine((b) => b.role !== 'officer' || !!b.unit, { message: '民警账号必须选择所属大队', path: ['unit'] }),
    response: staffView,
    errors: { 404: ['NOT_FOUND'], 409: ['USERNAME_TAKEN'] },
    handler: ({ body, caller, ctx }) => createStaff(deps, { ...body, caller, ip: ctx.ip }),
  });
}
