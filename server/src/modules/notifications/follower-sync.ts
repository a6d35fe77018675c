// The official account's follower sync: lists every follower (`cgi-bin/user/get`, 10,000 a page),
// looks up their unionids (`cgi-bin/user/info/batchget`, 100 a call), then replaces the
// OfficialAccountFollower rows and sets Driver.followsOfficialAccount, set-based, in one transaction.
// WeChat is read completely before anything is written: a failure part-way changes nothing.
import type { AppDeps } from '../../deps';
import type { Db } from '../../db';
import type { Job } from '../../workers/runner';
import { createWechatClients } from '../../wechat';
import type { OfficialAccountAdapter } from '../../wechat/official-account-adapter';
import { acquireLease, releaseLease } from '../../lib/lease';

export const FOLLOWER_SYNC_LEASE = 'official-account-follower-sync';
/** The lease outlasts a sync even when the interval is short. */
const MIN_LEASE_MS = 15 * 60_000;
const BATCHGET_SIZE = 100;
const INSERT_CHUNK = 1_000;

export interface FollowerSyncOptions {
  /** Openids per `cgi-bin/user/info/batchget` call (WeChat's limit is 100). */
  batchSize?: number;
}

export interface FollowerSyncResult {
  /** `cgi-bin/user/get` pages read. */
  pages: number;
  /** Openids listed. */
  followers: number;
  /** Followers with a unionid (the rows of OfficialAccountFollower after the sync). */
  withUnionid: number;
  /** Followers without a unionid (account not bound to the open platform): not stored. */
  withoutUnionid: number;
  /** Rows added to OfficialAccountFollower. */
  added: number;
  /** Rows removed (unfollowed, or their openid changed). */
  removed: number;
  /** Drivers whose followsOfficialAccount became true, and false. */
  driversFollowing: number;
  driversNotFollowing: number;
}

type FollowerApi = Pick<OfficialAccountAdapter, 'getFollowers' | 'batchGetUsers'>;

/** Reads the whole follower list from WeChat: unionid → official-account openid. */
async function readFollowers(api: FollowerApi, batchSize: number) {
  const openids: string[] = [];
  let pages = 0;
  let next = '';
  for (;;) {
    const page = await api.getFollowers(next);
    pages++;
    openids.push(...page.openids);
    // WeChat's next_openid is the page's last openid; the page after the last one is empty.
    if (page.openids.length === 0 || page.nextOpenid === '' || page.nextOpenid === next || openids.length >= page.total) break;
    next = page.nextOpenid;
  }
  const byUnionid = new Map<string, string>();
  let withoutUnionid = 0;
  for (let i = 0; i < openids.length; i += batchSize) {
    for (const user of await api.batchGetUsers(openids.slice(i, i + batchSize))) {
      if (!user.subscribed) continue; // unfollowed since the list was read
      if (user.unionid) byUnionid.set(user.unionid, user.openid);
      else withoutUnionid++;
    }
  }
  return { pages, followers: openids.length, byUnionid, withoutUnionid };
}

/** Syncs the follower list once (no lease: callers that may run concurrently take one). */
export async function syncFollowers(db: Db, api: FollowerApi, options: FollowerSyncOptions = {}): Promise<FollowerSyncResult> {
  const listed = await readFollowers(api, options.batchSize ?? BATCHGET_SIZE);
  const rows = [...listed.byUnionid];
  const written = await db.$transaction(
    async (tx) => {
      // Per connection, and the transaction keeps to one: other processes never see it.
      await tx.$executeRawUnsafe('DROP TEMPORARY TABLE IF EXISTS FollowerSnapshot');
      await tx.$executeRawUnsafe(
        // Binary collation like the id columns it is joined with (WeChat ids are case-sensitive).
        `CREATE TEMPORARY TABLE FollowerSnapshot (unionid VARCHAR(64) NOT NULL PRIMARY KEY, openid VARCHAR(64) NOT NULL)
         DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
      );
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        await tx.$executeRawUnsafe(
          `INSERT IGNORE INTO FollowerSnapshot (unionid, openid) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
          ...chunk.flat(),
        );
      }
      const removed = await tx.$executeRawUnsafe(
        `DELETE f FROM OfficialAccountFollower f LEFT JOIN FollowerSnapshot s ON s.unionid = f.unionid
          WHERE s.unionid IS NULL OR s.openid <> f.openid`,
      );
      const added = await tx.$executeRawUnsafe(
        'INSERT IGNORE INTO OfficialAccountFollower (unionid, openid, followedAt) SELECT unionid, openid, NOW(3) FROM FollowerSnapshot',
      );
      const driversFollowing = await tx.$executeRawUnsafe(
        `UPDATE Driver d JOIN FollowerSnapshot s ON s.unionid = d.unionid
            SET d.followsOfficialAccount = true, d.updatedAt = NOW(3)
          WHERE d.followsOfficialAccount = false`,
      );
      const driversNotFollowing = await tx.$executeRawUnsafe(
        `UPDATE Driver d LEFT JOIN FollowerSnapshot s ON s.unionid = d.unionid
            SET d.followsOfficialAccount = false, d.updatedAt = NOW(3)
          WHERE d.followsOfficialAccount = true AND s.unionid IS NULL`,
      );
      await tx.$executeRawUnsafe('DROP TEMPORARY TABLE FollowerSnapshot');
      return { removed, added, driversFollowing, driversNotFollowing };
    },
    { isolationLevel: 'ReadCommitted', timeout: 120_000 },
  );
  return {
    pages: listed.pages,
    followers: listed.followers,
    withUnionid: rows.length,
    withoutUnionid: listed.withoutUnionid,
    ...written,
  };
}

/**
 * The worker job (only with an official account configured). One process syncs at a time: the
 * lease is kept for the interval after a sync, so other processes skip until the next one is due,
 * and given back after a failure, so the next run anywhere tries again.
 */
export function createFollowerSyncJob(deps: Pick<AppDeps, 'config' | 'db' | 'log'>): Job | undefined {
  const api = createWechatClients(deps.config, deps.db).officialAccount;
  if (!api) return undefined;
  const everyMs = deps.config.wechat.followerSyncEveryMs;
  return {
    name: 'official-account-follower-sync',
    everyMs,
    async run() {
      if (!(await acquireLease(deps.db, FOLLOWER_SYNC_LEASE, Math.max(everyMs, MIN_LEASE_MS)))) return;
      try {
        const result = await syncFollowers(deps.db, api);
        deps.log.info(result, 'official-account followers synced');
      } catch (err) {
        await releaseLease(deps.db, FOLLOWER_SYNC_LEASE);
        throw err;
      }
    },
  };
}
