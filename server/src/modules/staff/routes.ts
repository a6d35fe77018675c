// HTTP edge of units and staff accounts (admin console 账号 page).
import { unit } from '@jiaoguan/contracts/schemas/common';
import { createStaffRequest, staffAccount } from '@jiaoguan/contracts/schemas/staff';
import { pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { pageOf } from '@jiaoguan/contracts/schemas/common';
import { createStaff } from './use-cases/create-staff';
import { listStaff } from './use-cases/list-staff';
import { listUnits } from './use-cases/list-units';

export function registerStaffRoutes(api: Api, deps: AppDeps) {
  const units = api.module('/api/units', { tag: 'identity' });
  const staff = api.module('/api/admin/staff', { tag: 'admin' });

  units.route({
    method: 'get',
    path: '',
    summary: "The detachment's units (大队)",
    access: 'public',
    response: pageOf(unit),
    handler: () => listUnits(deps),
  });

  staff.route({
    method: 'get',
    path: '',
    summary: 'Staff accounts, newest first',
    access: ['admin'],
    query: pageQuery,
    response: pageOf(staffAccount),
    handler: ({ query }) => listStaff(deps, { page: query }),
  });

  staff.route({
    method: 'post',
    path: '',
    summary: 'Create a staff account (officers need a unit)',
    access: ['admin'],
    status: 201,
    body: createStaffRequest,
    response: staffAccount,
    errors: { 404: ['NOT_FOUND'], 409: ['USERNAME_TAKEN'] },
    handler: ({ body, caller, ctx }) => createStaff(deps, { ...body, caller, ip: ctx.ip }),
  });
}
