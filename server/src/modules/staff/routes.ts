// Units and staff accounts (admin console 账号 page).
import { z } from 'zod';
import { pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { conflict, notFound } from '../../http/errors';
import { audit } from '../../lib/audit';
import { isUniqueViolation } from '../../lib/db-errors';
import { hashPassword } from '../auth/password';

const staffSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  createdAt: true,
  unit: { select: { code: true, name: true } },
} as const;

const toView = <T extends { role: string }>(s: T) => ({ ...s, role: s.role.toLowerCase() });

export function registerStaffRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/api/units',
    tag: 'identity',
    summary: "The detachment's units (大队)",
    access: 'public',
    handler: async () => {
      const items = await deps.db.unit.findMany({ select: { code: true, name: true }, orderBy: { id: 'asc' } });
      return { items, total: items.length };
    },
  });

  api.route({
    method: 'get',
    path: '/api/admin/staff',
    tag: 'admin',
    summary: 'Staff accounts, newest first',
    access: ['admin'],
    query: pageQuery,
    handler: async ({ query }) => {
      const [items, total] = await Promise.all([
        deps.db.staff.findMany({
          select: staffSelect,
          orderBy: { id: 'desc' },
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        deps.db.staff.count(),
      ]);
      return { items: items.map(toView), total };
    },
  });

  api.route({
    method: 'post',
    path: '/api/admin/staff',
    tag: 'admin',
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
    errors: { 404: ['NOT_FOUND'], 409: ['USERNAME_TAKEN'] },
    handler: async ({ body, caller, ctx }) => {
      const unit = body.unit ? await deps.db.unit.findUnique({ where: { code: body.unit }, select: { id: true } }) : null;
      if (body.unit && !unit) throw notFound('没有这个大队');
      try {
        const created = await deps.db.$transaction(async (tx) => {
          const staff = await tx.staff.create({
            data: {
              username: body.username,
              passwordHash: await hashPassword(body.password),
              displayName: body.displayName,
              role: body.role.toUpperCase() as 'OFFICER' | 'AGENT' | 'ADMIN',
              unitId: unit?.id,
            },
            select: staffSelect,
          });
          await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'staff.created', entityType: 'Staff', entityId: staff.id, ip: ctx.ip });
          return staff;
        });
        return toView(created);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('USERNAME_TAKEN', '该用户名已被使用');
        throw err;
      }
    },
  });
}
