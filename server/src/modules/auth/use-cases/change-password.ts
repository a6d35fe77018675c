// POST /api/me/password: a staff member sets their own password. The current one must be right
// (wrong answers are throttled like logins, per account); the new one must keep the rules of
// contracts/password.ts. The change ends the account's other sessions and lifts the must-change
// mark, so the session that made it carries on.
import { passwordProblem } from '@jiaoguan/contracts/password';
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { badRequest, ruleSaysNo } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { consumeAll, waitText, type Counted } from '../../../lib/rate-limit';
import { hashPassword, verifyPassword } from '../password';

export interface ChangePasswordInput {
  caller: Extract<Caller, { kind: 'staff' }>;
  current: string;
  new: string;
  ip?: string;
}

export async function changePassword(deps: AppDeps, input: ChangePasswordInput) {
  const { caller } = input;
  const staff = await deps.db.staff.findUniqueOrThrow({ where: { id: caller.id }, select: { username: true, passwordHash: true } });
  const problem = passwordProblem(input.new, { username: staff.username, current: input.current });
  if (problem) throw badRequest([{ path: 'new', message: problem, in: 'body' }], problem);
  const { maxPerUser, windowMs } = deps.config.loginThrottle;
  const counted: Counted[] = [{ limiter: deps.limits.limiter('staff-password-change', { points: maxPerUser, windowMs }), key: String(caller.id) }];
  // Counted before the hash is checked (the costly part); only wrong answers keep their count.
  await consumeAll(counted, (wait) => `当前密码错误次数过多，请${waitText(wait)}后再试`);
  if (!(await verifyPassword(staff.passwordHash, input.current))) {
    await audit(deps.db, { actor: { type: 'STAFF', id: caller.id }, action: 'staff.password_change_failed', entityType: 'Staff', entityId: caller.id, ip: input.ip });
    throw ruleSaysNo('WRONG_PASSWORD', 'WRONG_PASSWORD', '当前密码不正确');
  }
  await counted[0].limiter.reset(String(caller.id));
  const passwordHash = await hashPassword(input.new);
  await deps.db.$transaction(async (tx) => {
    const now = new Date();
    await tx.staff.update({ where: { id: caller.id }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: now }, select: { id: true } });
    await tx.loginSession.updateMany({ where: { staffId: caller.id, revokedAt: null, id: { not: caller.sessionId } }, data: { revokedAt: now } });
    await audit(tx, { actor: { type: 'STAFF', id: caller.id }, action: 'staff.password_changed', entityType: 'Staff', entityId: caller.id, ip: input.ip });
  });
  return { ok: true as const, mustChangePassword: false as const };
}
