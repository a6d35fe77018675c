// A driver logs in with a wx.login code: code2Session → the driver (made on first login) → a session.
import type { AppDeps } from '../../../deps';
import { AppError, unauthenticated } from '../../../http/errors';
import { driverTokens } from '../../../http/driver-token';
import { isUniqueViolation } from '../../../lib/db-errors';
import type { ClientInfo } from '../client-info';

/** WeChat error codes from code2Session (WECHAT.md §1). */
const INVALID_CODE = new Set([40029, 40163]);
const RATE_LIMITED = new Set([45011]);
const BLOCKED = new Set([40226]);

export interface LoginWithWechatInput extends ClientInfo {
  /** The wx.login code (fake WeChat: fake:<name>[:<anything>]). */
  code: string;
}

export async function loginWithWechat(deps: AppDeps, input: LoginWithWechatInput) {
  const { code } = input;
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
  const expiresAt = new Date(Date.now() + deps.config.driverSessionMs);
  const { token, tokenHash } = driverTokens(deps.config.appSecret).mint(driver.id, expiresAt);
  await deps.db.loginSession.create({
    data: {
      tokenHash,
      driverId: driver.id,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 255),
      expiresAt,
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
