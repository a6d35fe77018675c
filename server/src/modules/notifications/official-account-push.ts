// The official account's message push (服务器配置, plaintext mode): WeChat calls our URL with
// `signature`, `timestamp`, `nonce` in the query, where signature = sha1 of the three of token,
// timestamp and nonce sorted and joined. A GET with `echostr` verifies the URL; a POST carries one
// XML event. Follow and unfollow update the follower list at once; the hourly sync stays as the
// safety net for a push that never came.
import { createHash, timingSafeEqual } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type { AppDeps } from '../../deps';
import { AppError } from '../../http/errors';
import { createWechatClients } from '../../wechat';
import { WechatError } from '../../wechat/errors';

/** A push older than this is refused: a captured request cannot be replayed later. */
const MAX_AGE_MS = 5 * 60_000;

export interface PushQuery {
  signature: string;
  timestamp: string;
  nonce: string;
}

export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** Whether the query was signed with our token, recently. */
export function validPush(token: string, q: PushQuery, now = Date.now()): boolean {
  if (!/^\d{1,12}$/.test(q.timestamp) || Math.abs(now - Number(q.timestamp) * 1000) > MAX_AGE_MS) return false;
  const expected = Buffer.from(pushSignature(token, q.timestamp, q.nonce));
  const given = Buffer.from(q.signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface PushEvent {
  /** The follower's official-account openid. */
  openid: string;
  msgType: string;
  event: string;
}

const parser = new XMLParser({ processEntities: false, parseTagValue: false, trimValues: true });

/** The fields we use of a pushed XML message, or null when it is not one. */
export function parsePush(xml: string): PushEvent | null {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    return null;
  }
  const root = (doc as { xml?: Record<string, unknown> } | null)?.xml;
  if (!root || typeof root !== 'object') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const openid = text(root.FromUserName);
  if (!openid || openid.length > 64) return null;
  return { openid, msgType: text(root.MsgType).toLowerCase(), event: text(root.Event).toLowerCase() };
}

/** Applies a follow or an unfollow; other messages are acknowledged and ignored. */
export async function applyPush(deps: Pick<AppDeps, 'config' | 'db' | 'log'>, push: PushEvent): Promise<'followed' | 'unfollowed' | 'ignored'> {
  if (push.msgType !== 'event') return 'ignored';
  if (push.event === 'unsubscribe') {
    await deps.db.$transaction(async (tx) => {
      const gone = await tx.officialAccountFollower.findMany({ where: { openid: push.openid }, select: { unionid: true } });
      if (gone.length === 0) return;
      await tx.officialAccountFollower.deleteMany({ where: { openid: push.openid } });
      await tx.driver.updateMany({ where: { unionid: { in: gone.map((g) => g.unionid) } }, data: { followsOfficialAccount: false } });
    });
    return 'unfollowed';
  }
  if (push.event !== 'subscribe') return 'ignored';
  // The push names the official-account openid only; the unionid links it to a driver.
  const api = createWechatClients(deps.config, deps.db).officialAccount;
  if (!api) return 'ignored';
  let user: Awaited<ReturnType<typeof api.batchGetUsers>>[number] | undefined;
  try {
    [user] = await api.batchGetUsers([push.openid]);
  } catch (err) {
    // WeChat refusing the openid itself (40003 invalid openid) will not change on a retry: nobody to follow.
    if (err instanceof WechatError && err.kind === 'invalid') return 'ignored';
    throw new AppError(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试');
  }
  if (!user?.subscribed || !user.unionid) return 'ignored';
  const unionid = user.unionid;
  await deps.db.$transaction(async (tx) => {
    await tx.officialAccountFollower.deleteMany({ where: { OR: [{ unionid }, { openid: push.openid }] } });
    await tx.officialAccountFollower.create({ data: { unionid, openid: push.openid }, select: { unionid: true } });
    await tx.driver.updateMany({ where: { unionid }, data: { followsOfficialAccount: true } });
  });
  return 'followed';
}
