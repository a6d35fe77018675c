// An admin creates a staff account (or `npm run admin` the first admin); officers belong to a unit.
// Without a password the server makes a one-time one, answered once and to be changed at first
// login. Audited in the same transaction.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { conflict, notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { isUniqueViolation } from '../../../lib/db-errors';
import { hashPassword, temporaryPassword } from '../../auth/password';
import { dbRole, staffSelect, toStaffView } from '../views';

export interface CreateStaffInput {
  /** The admin; absent for the command line (`npm run admin -- create`), audited as the system. */
  caller?: Extract<Caller, { kind: 'staff' }>;
  username: string;
  /** Kept as given; left out, a one-time password is made. */
  password?: string;
  mustChangePassword?: boolean;
  displayName: string;
  role: string;
  /** Unit code; required for officers (checked by the route's schema). */
  unit?: string;
  /** Insurer code; required for insurer staff (checked by the route's schema). */
  insurer?: string;
  ip?: string;
}

export async function createStaff(deps: Pick<AppDeps, 'db'>, input: CreateStaffInput) {
  const unit = input.unit ? await deps.db.unit.findUnique({ where: { code: input.unit }, select: { id: true } }) : null;
  if (input.unit && !unit) throw notFound('没有这个大队');
  const insurer = input.insurer ? await deps.db.insurer.findUnique({ where: { code: input.insurer.toUpperCase() }, select: { id: true } }) : null;
  if (input.insurer && !insurer) throw notFound('没有这家保险公司');
  const temporary = input.password === undefined ? temporaryPassword() : undefined;
  try {
    const created = await deps.db.$transaction(async (tx) => {
      const staff = await tx.staff.create({
        data: {
          username: input.username,
          passwordHash: await hashPassword(input.password ?? temporary!),
          mustChangePassword: temporary !== undefined || input.mustChangePassword === true,
          displayName: input.displayName,
          role: dbRole(input.role),
          // Only officers belong to a unit: the unit is what their queue is.
          unitId: input.role === 'officer' ? unit?.id : undefined,
          // Only an insurer's staff belong to an insurer: its claims are what they see.
          insurerId: input.role === 'insurer' ? insurer?.id : undefined,
        },
        select: staffSelect,
      });
      await audit(tx, {
        actor: input.caller ? { type: 'STAFF', id: input.caller.id } : { type: 'SYSTEM' },
        action: 'staff.created',
        entityType: 'Staff',
        entityId: staff.id,
        details: { username: staff.username, role: input.role, unit: input.unit ?? null, insurer: staff.insurer?.code ?? null, by: input.caller ? 'admin' : 'command line' },
        ip: input.ip,
      });
      return staff;
    });
    const view = toStaffView(created);
    return { ...view, temporaryPassword: temporary };
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('USERNAME_TAKEN', '该用户名已被使用');
    throw err;
  }
}
