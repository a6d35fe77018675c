// An admin creates a staff account; officers belong to a unit. Audited in the same transaction.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { conflict, notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { isUniqueViolation } from '../../../lib/db-errors';
import { hashPassword } from '../../auth/password';
import { staffSelect, toStaffView } from '../views';

export interface CreateStaffInput {
  caller: Extract<Caller, { kind: 'staff' }>;
  username: string;
  password: string;
  displayName: string;
  role: 'officer' | 'agent' | 'admin';
  /** Unit code; required for officers (checked by the route's schema). */
  unit?: string;
  ip?: string;
}

export async function createStaff(deps: Pick<AppDeps, 'db'>, input: CreateStaffInput) {
  const unit = input.unit ? await deps.db.unit.findUnique({ where: { code: input.unit }, select: { id: true } }) : null;
  if (input.unit && !unit) throw notFound('没有这个大队');
  try {
    const created = await deps.db.$transaction(async (tx) => {
      const staff = await tx.staff.create({
        data: {
          username: input.username,
          passwordHash: await hashPassword(input.password),
          displayName: input.displayName,
          role: input.role.toUpperCase() as 'OFFICER' | 'AGENT' | 'ADMIN',
          unitId: unit?.id,
        },
        select: staffSelect,
      });
      await audit(tx, { actor: { type: 'STAFF', id: input.caller.id }, action: 'staff.created', entityType: 'Staff', entityId: staff.id, ip: input.ip });
      return staff;
    });
    return toStaffView(created);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('USERNAME_TAKEN', '该用户名已被使用');
    throw err;
  }
}
