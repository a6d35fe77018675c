// POST /api/admin/staff/:id/reset-password: a new one-time password for an account (answered once,
// never logged), its sessions ended, and the next login must set a password of its own. Audited
// without the password.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { notFound } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { hashPassword, temporaryPassword } from '../../auth/password';

export interface ResetPasswordInput {
  caller: Extract<Caller, { kind: 'staff' }>;
  id: number;
  ip?: string;
}

export async function resetPassword(deps: Pick<AppDeps, 'db'>, input: ResetPasswordInput) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.staff.updateMany({ where: { id: input.id }, data: { passwordHash, mustChangePassword: true } });
    if (count !== 1) throw notFound('没有这个账号');
    const { count: revoked } = await tx.loginSession.updateMany({ where: { staffId: input.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(tx, {
      actor: { type: 'STAFF', id: input.caller.id },
      action: 'staff.password_reset',
      entityType: 'Staff',
      entityId: input.id,
      details: { sessionsEnded: revoked },
      ip: input.ip,
    });
  });
  return { temporaryPassword: password };
}
