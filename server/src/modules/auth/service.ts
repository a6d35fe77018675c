// Logins: WeChat code → driver session; staff password → staff session; logout revokes.
import type { AppDeps } from '../../deps';
import { AppError, unauthenticated } from '../../http/errors';
import { newToken } from '../../http/auth';
import { audit } from '../../lib/audit';
import { isUniqueViolation } from '../../lib/db-errors';
import { verifyPassword } from './password';
import { clearFailures, recentFailures, recordFailure } from './throttle';

interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

/** WeChat error codes from code2Session (WECHAT.md §1). */
const INVALID_CODE = new Set([40029, 40163]);
const RATE_LIMITED = new Set([45011]);
const BLOCKED = new Set([40226]);

export async function loginWithWechat(deps: AppDeps, code: string, client: ClientInfo) {
  let identity: { openid: string; unionid?: string };
  try {
    identity = await deps.wechat.code2Session(code);
  } catch (err) {
    const errcode = (err as { errcode?: number }).errcode;
    if (errcode !== undefined && INVALID_CODE.has(errcode)) throw unauthenticated('微信登录凭证无效或已使用，请重新登录');
    if (errcode !== undefined && RATE_LIMITED.has(errcode)) throw new AppError(429, 'RATE_LIMITED', '登录太频繁，请稍后再试');
    if (errcode !== undefined && BLOCKED.has(errcode)) throw new AppError(403, 'FORBIDDEN', '该微信账号暂时无法登录');
    deps.log.warn({ err }, 'code2Session failed');
    throw new AppError(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试');
  }
  const driver = await findOrCreateDriver(deps, identity.openid, identity.unionid);
  const { token, tokenHash } = newToken();
  await deps.db.loginSession.create({
    data: {
      tokenHash,
      driverId: driver.id,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 255),
      expiresAt: new Date(Date.now() + deps.config.driverSessionMs),
    },
    select: { id: true },
  });
  return { token, user: { id: driver.id, role: 'driver' as const } };
}

/**
 * A driver's flag for official-account messages is kept by the follower sync; a driver first seen
 * (or whose unionid is first learnt) after the last sync gets it from the followers table at once.
 */
async function followsOfficialAccount(deps: AppDeps, unionid?: string): Promise<boolean> {
  return unionid ? (await deps.db.officialAccountFollower.count({ where: { unionid } })) > 0 : false;
}

async function findOrCreateDriver(deps: AppDeps, openid: string, unionid?: string) {
  const existing = await deps.db.driver.findUnique({ where: { openid }, select: { id: true, unionid: true } });
  if (existing) {
    if (unionid && existing.unionid !== unionid) {
      const follows = await followsOfficialAccount(deps, unionid);
      await deps.db.driver.update({ where: { id: existing.id }, data: { unionid, followsOfficialAccount: follows }, select: { id: true } });
    }
    return existing;
  }
  try {
    const follows = await followsOfficialAccount(deps, unionid);
    return await deps.db.driver.create({ data: { openid, unionid, followsOfficialAccount: follows }, select: { id: true, unionid: true } });
  } catch (err) {
    // Two first logins of the same user at once: the other one created the row.
    if (isUniqueViolation(err)) {
      return deps.db.driver.findUniqueOrThrow({ where: { openid }, select: { id: true, unionid: true } });
    }
    throw err;
  }
}

export async function loginStaff(deps: AppDeps, username: string, password: string, client: ClientInfo) {
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

export async function logout(deps: AppDeps, sessionId: number) {
  await deps.db.loginSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() }, select: { id: true } });
  return { ok: true };
}
