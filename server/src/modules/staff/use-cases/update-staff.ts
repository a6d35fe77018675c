// PATCH /api/admin/staff/:id: an admin deactivates or reactivates an account, or changes its role or
// unit. Deactivating ends every session of the account at once (their tokens answer 401 on the next
// request, on every server: sessions live in the database). Admins cannot deactivate or demote
// themselves, so the console always keeps the admin who is using it.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { badRequest, notFound, ruleSaysNo } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { dbRole, staffSelect, toStaffView } from '../views';

export interface UpdateStaffInput {
  caller: Extract<Caller, { kind: 'staff' }>;
  id: number;
  active?: boolean;
  role?: string;
  /** A unit code; null takes the account out of its unit. */
  unit?: string | null;
  /** An insurer code (insurer accounts). */
  insurer?: string;
  ip?: string;
}

export async function updateStaff(deps: Pick<AppDeps, 'db'>, input: UpdateStaffInput) {
  const { caller, id } = input;
  if (id === caller.id && (input.active === false || (input.role !== undefined && input.role !== 'admin'))) {
    throw ruleSaysNo('CANNOT_CHANGE_OWN_ACCOUNT', 'OWN_ACCOUNT', '不能停用自己的账号或取消自己的管理员身份，请让另一位管理员操作');
  }
  const unit = input.unit ? await deps.db.unit.findUnique({ where: { code: input.unit }, select: { id: true, code: true } }) : null;
  if (input.unit && !unit) throw notFound('没有这个大队');
  const insurer = input.insurer ? await deps.db.insurer.findUnique({ where: { code: input.insurer.toUpperCase() }, select: { id: true } }) : null;
  if (input.insurer && !insurer) throw notFound('没有这家保险公司');
  const updated = await deps.db.$transaction(async (tx) => {
    const before = await tx.staff.findUnique({ where: { id }, select: { ...staffSelect, unitId: true, insurerId: true } });
    if (!before) throw notFound('没有这个账号');
    const role = input.role ?? before.role.toLowerCase();
    const unitId = input.unit === undefined ? before.unitId : (unit?.id ?? null);
    if (role === 'officer' && unitId === null) {
      throw badRequest([{ path: 'unit', message: 'officers need a unit', in: 'body' }], '民警账号必须选择所属大队');
    }
    const insurerId = insurer?.id ?? before.insurerId;
    if (role === 'insurer' && insurerId === null) {
      throw badRequest([{ path: 'insurer', message: 'insurer staff need an insurer', in: 'body' }], '保险公司账号必须选择所属保险公司');
    }
    const now = new Date();
    const after = await tx.staff.update({
      where: { id },
      data: {
        active: input.active,
        role: input.role === undefined ? undefined : dbRole(input.role),
        // Only officers belong to a unit.
        unitId: role === 'officer' ? unitId : null,
        insurerId: role === 'insurer' ? insurerId : null,
      },
      select: staffSelect,
    });
    let revoked = 0;
    if (input.active === false) {
      ({ count: revoked } = await tx.loginSession.updateMany({ where: { staffId: id, revokedAt: null }, data: { revokedAt: now } }));
    }
    await audit(tx, {
      actor: { type: 'STAFF', id: caller.id },
      action: input.active === false && before.active ? 'staff.deactivated' : input.active === true && !before.active ? 'staff.reactivated' : 'staff.updated',
      entityType: 'Staff',
      entityId: id,
      details: {
        username: before.username,
        before: { active: before.active, role: before.role.toLowerCase(), unit: before.unit?.code ?? null, insurer: before.insurer?.code ?? null },
        after: { active: after.active, role: after.role.toLowerCase(), unit: after.unit?.code ?? null, insurer: after.insurer?.code ?? null },
        sessionsEnded: revoked,
      },
      ip: input.ip,
    });
    return after;
  });
  return toStaffView(updated);
}
