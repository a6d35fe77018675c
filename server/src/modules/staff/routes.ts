// HTTP edge of units and staff accounts: the admin console's 账号管理 and 大队设置 pages, and a
// staff member's own password.
import { pageOf, unit } from '@jiaoguan/contracts/schemas/common';
import {
  changePasswordRequest,
  createdStaffAccount,
  createStaffRequest,
  passwordChanged,
  staffAccount,
  temporaryPasswordResponse,
  unitCodeParam,
  unitSettings,
  updateStaffRequest,
  updateUnitRequest,
} from '@jiaoguan/contracts/schemas/staff';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { changePassword } from '../auth/use-cases/change-password';
import { createStaff } from './use-cases/create-staff';
import { listStaff } from './use-cases/list-staff';
import { listUnitSettings } from './use-cases/list-unit-settings';
import { listUnits } from './use-cases/list-units';
import { resetPassword } from './use-cases/reset-password';
import { updateStaff } from './use-cases/update-staff';
import { updateUnit } from './use-cases/update-unit';

export function registerStaffRoutes(api: Api, deps: AppDeps) {
  const units = api.module('/api/units', { tag: 'identity' });
  const staff = api.module('/api/admin/staff', { tag: 'admin' });
  const unitAdmin = api.module('/api/admin/units', { tag: 'admin' });
  const me = api.module('/api/me', { tag: 'identity' });

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
    summary: 'Create a staff account (officers need a unit); without a password a one-time one is made, answered once as temporaryPassword and changed at first login',
    access: ['admin'],
    status: 201,
    body: createStaffRequest,
    response: createdStaffAccount,
    errors: { 404: ['NOT_FOUND'], 409: ['USERNAME_TAKEN'] },
    handler: ({ body, caller, ctx }) => createStaff(deps, { ...body, caller, ip: ctx.ip }),
  });

  staff.route({
    method: 'patch',
    path: '/:id',
    summary: 'Deactivate or reactivate an account (active: false ends every session of it at once), or change its role or unit; not one’s own',
    access: ['admin'],
    params: idParam,
    body: updateStaffRequest,
    response: staffAccount,
    errors: { 404: ['NOT_FOUND'], 422: ['CANNOT_CHANGE_OWN_ACCOUNT'] },
    handler: ({ params, body, caller, ctx }) => updateStaff(deps, { ...body, id: params.id, caller, ip: ctx.ip }),
  });

  staff.route({
    method: 'post',
    path: '/:id/reset-password',
    summary: 'A new one-time password for an account (answered once); its sessions end and the next login must set a new one',
    access: ['admin'],
    params: idParam,
    response: temporaryPasswordResponse,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ params, caller, ctx }) => resetPassword(deps, { id: params.id, caller, ip: ctx.ip }),
  });

  unitAdmin.route({
    method: 'get',
    path: '',
    summary: 'Every unit with its settings: quick-processing hours, expressway cases, district centre, duty phone',
    access: ['admin'],
    response: pageOf(unitSettings),
    handler: () => listUnitSettings(deps),
  });

  unitAdmin.route({
    method: 'patch',
    path: '/:code',
    summary: "Change a unit's settings (serviceHours null = all day; area null = never chosen by place)",
    access: ['admin'],
    params: unitCodeParam,
    body: updateUnitRequest,
    response: unitSettings,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ params, body, caller, ctx }) => updateUnit(deps, { ...body, code: params.code, caller, ip: ctx.ip }),
  });

  me.route({
    method: 'post',
    path: '/password',
    summary: 'A staff member changes their own password (at least 10 characters, not the username, not the current one); wrong current passwords are throttled',
    access: 'staff',
    beforePasswordChange: true,
    body: changePasswordRequest,
    response: passwordChanged,
    errors: { 422: ['WRONG_PASSWORD'], 429: ['RATE_LIMITED'] },
    handler: ({ body, caller, ctx }) => changePassword(deps, { caller, current: body.current, new: body.new, ip: ctx.ip }),
  });
}
