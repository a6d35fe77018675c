// An officer, agent or admin logs in with username and password; attempts are counted per
// username and per address before the password hash is checked (argon2 is the costly part), only
// failures keep their count, and failures are audited.
import type { StaffRole } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import { unauthenticated } from '../../../http/errors';
import { newToken } from '../../../http/auth';
import { audit } from '../../../lib/audit';
import type { ClientInfo } from '../client-info';
import { verifyPassword } from '../password';
import { consumeAll, refundAll, waitText, type Counted } from '../../../lib/rate-limit';

export interface LoginStaffInput extends ClientInfo {
  username: string;
  password: string;
}

export async function loginStaff(deps: AppDeps, input: LoginStaffInput) {
  const { username, password } = input;
  const client = input;
  const { db, config } = deps;
  const { maxPerUser, maxPerIp, windowMs } = config.loginThrottle;
  const userKey = username.toLowerCase();
  const counted: Counted[] = [
    { limiter: deps.limits.limiter('staff-login-user', { points: maxPerUser, windowMs }), key: userKey },
    { limiter: deps.limits.limiter('staff-login-ip', { points: maxPerIp, windowMs }), key: client.ip ?? 'unknown' },
  ];
  await consumeAll(counted, (wait) => `密码错误次数过多，请${waitText(wait)}后再试`);
  const staff = await db.staff.findUnique({
    where: { username: userKey },
    select: { id: true, username: true, displayName: true, passwordHash: true, role: true, active: true, mustChangePassword: true, unit: { select: { code: true, name: true } } },
  });
  const ok = await verifyPassword(staff?.passwordHash, password);
  if (!staff || !ok || !staff.active) {
    await audit(db, { actor: { type: 'SYSTEM' }, action: 'staff.login_failed', entityType: 'Staff', entityId: staff?.id, details: { username: userKey, ...(staff && ok ? { deactivated: true } : {}) }, ip: client.ip });
    // Only someone who knows the password learns that the account was deactivated.
    throw unauthenticated(staff && ok ? '该账号已停用，请联系管理员' : '用户名或密码不正确');
  }
  await Promise.all([counted[0].limiter.reset(userKey), refundAll(counted.slice(1))]);
  const { token, tokenHash } = newToken();
  await db.$transaction([
    db.loginSession.create({
      data: { tokenHash, staffId: staff.id, ip: client.ip, userAgent: client.userAgent?.slice(0, 255), expiresAt: new Date(Date.now() + config.staffSessionMs) },
      select: { id: true },
    }),
    db.auditLog.create({ data: { actorType: 'STAFF', actorId: staff.id, action: 'staff.login', entityType: 'Staff', entityId: String(staff.id), ip: client.ip }, select: { id: true } }),
  ]);
  return {
    token,
    user: {
      id: staff.id,
      role: staff.role.toLowerCase() as StaffRole,
      username: staff.username,
      displayName: staff.displayName,
      unit: staff.unit,
      mustChangePassword: staff.mustChangePassword,
    },
  };
}
