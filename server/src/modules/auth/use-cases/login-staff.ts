// An officer, agent or admin logs in with username and password; failures are throttled per
// username and per address, and audited.
import type { AppDeps } from '../../../deps';
import { AppError, unauthenticated } from '../../../http/errors';
import { newToken } from '../../../http/auth';
import { audit } from '../../../lib/audit';
import type { ClientInfo } from '../client-info';
import { verifyPassword } from '../password';
import { clearFailures, recentFailures, recordFailure } from '../throttle';

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
  const ipKey = client.ip ?? 'unknown';
  const [userFailures, ipFailures] = await Promise.all([
    recentFailures(db, 'STAFF_USERNAME', userKey, windowMs),
    recentFailures(db, 'STAFF_IP', ipKey, windowMs),
  ]);
  if (userFailures >= maxPerUser || ipFailures >= maxPerIp) {
    throw new AppError(429, 'RATE_LIMITED', `密码错误次数过多，请${Math.round(windowMs / 60000)}分钟后再试`);
  }
  const staff = await db.staff.findUnique({
    where: { username: userKey },
    select: { id: true, username: true, displayName: true, passwordHash: true, role: true, active: true, unit: { select: { code: true, name: true } } },
  });
  const ok = await verifyPassword(staff?.passwordHash, password);
  if (!staff || !ok || !staff.active) {
    await Promise.all([recordFailure(db, 'STAFF_USERNAME', userKey), recordFailure(db, 'STAFF_IP', ipKey)]);
    await audit(db, { actor: { type: 'SYSTEM' }, action: 'staff.login_failed', entityType: 'Staff', entityId: staff?.id, details: { username: userKey }, ip: client.ip });
    throw unauthenticated('用户名或密码不正确');
  }
  await clearFailures(db, 'STAFF_USERNAME', userKey);
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
      role: staff.role.toLowerCase() as 'officer' | 'agent' | 'admin',
      username: staff.username,
      displayName: staff.displayName,
      unit: staff.unit,
    },
  };
}
