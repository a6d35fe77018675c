// Access tokens shared by every process through the database: fetched with stable_token, refreshed
// ahead of expiry by one process at a time (a Lease row), single-flight within a process.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';

/** Fetches a token from WeChat (`stable_token`, normal mode). */
export type TokenFetcher = () => Promise<{ accessToken: string; expiresIn: number }>;

export interface TokenStoreOptions {
  /** Refresh when less than this is left (WeChat's stable token turns over 5 minutes early). */
  refreshAheadMs?: number;
  /** How long a process may hold the refresh lease. */
  leaseMs?: number;
  /** How long a process waits for another one's refresh before fetching itself. */
  waitForOthersMs?: number;
  now?: () => number;
}

interface Cached {
  token: string;
  expiresAt: number;
}

export class TokenStore {
  private readonly cache = new Map<string, Cached>();
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly refreshAheadMs: number;
  private readonly leaseMs: number;
  private readonly waitForOthersMs: number;
  private readonly now: () => number;
  /** Token fetches this process made (tests and logs). */
  fetches = 0;

  constructor(
    private readonly db: Db,
    options: TokenStoreOptions = {},
  ) {
    this.refreshAheadMs = options.refreshAheadMs ?? 5 * 60_000;
    this.leaseMs = options.leaseMs ?? 10_000;
    this.waitForOthersMs = options.waitForOthersMs ?? 3_000;
    this.now = options.now ?? Date.now;
  }

  /** The current token of `appId`; fetches one through `fetcher` when none is fresh. */
  async get(appId: string, fetcher: TokenFetcher): Promise<string> {
    const cached = this.cache.get(appId);
    if (cached && this.fresh(cached)) return cached.token;
    let pending = this.inflight.get(appId);
    if (!pending) {
      pending = this.load(appId, fetcher).finally(() => this.inflight.delete(appId));
      this.inflight.set(appId, pending);
    }
    return pending;
  }

  /** Forgets a token WeChat refused, here and in the database (only if it is still the stored one). */
  async invalidate(appId: string, token: string): Promise<void> {
    if (this.cache.get(appId)?.token === token) this.cache.delete(appId);
    await this.db.wechatAccessToken.deleteMany({ where: { appId, token } });
  }

  private fresh(entry: Cached): boolean {
    return entry.expiresAt - this.now() > this.refreshAheadMs;
  }

  private async readStored(appId: string): Promise<Cached | undefined> {
    const row = await this.db.wechatAccessToken.findUnique({ where: { appId } });
    return row ? { token: row.token, expiresAt: row.expiresAt.getTime() } : undefined;
  }

  private async load(appId: string, fetcher: TokenFetcher): Promise<string> {
    const stored = await this.readStored(appId);
    if (stored && this.fresh(stored)) {
      this.cache.set(appId, stored);
      return stored.token;
    }
    const lease = `wechat-token:${appId}`;
    if (await this.acquire(lease)) {
      try {
        return await this.fetchAndStore(appId, fetcher);
      } finally {
        await this.db.lease.deleteMany({ where: { name: lease, holder: this.holder } });
      }
    }
    // Another process is refreshing: wait for its token.
    const until = this.now() + this.waitForOthersMs;
    while (this.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      const next = await this.readStored(appId);
      if (next && this.fresh(next) && next.token !== stored?.token) {
        this.cache.set(appId, next);
        return next.token;
      }
    }
    // Still nothing: stable_token in normal mode does not invalidate others' tokens, so fetching is safe.
    return this.fetchAndStore(appId, fetcher);
  }

  private async fetchAndStore(appId: string, fetcher: TokenFetcher): Promise<string> {
    this.fetches += 1;
    const fetched = await fetcher();
    const expiresAt = new Date(this.now() + fetched.expiresIn * 1000);
    await this.db.wechatAccessToken.upsert({
      where: { appId },
      create: { appId, token: fetched.accessToken, expiresAt },
      update: { token: fetched.accessToken, expiresAt },
    });
    this.cache.set(appId, { token: fetched.accessToken, expiresAt: expiresAt.getTime() });
    return fetched.accessToken;
  }

  /** Takes the named lease when it is free or expired; true when this process holds it. */
  private async acquire(name: string): Promise<boolean> {
    const expiresAt = new Date(this.now() + this.leaseMs);
    const now = new Date(this.now());
    await this.db.$executeRaw`
      INSERT INTO Lease (name, holder, expiresAt) VALUES (${name}, ${this.holder}, ${expiresAt})
      ON DUPLICATE KEY UPDATE
        holder = IF(expiresAt < ${now}, VALUES(holder), holder),
        expiresAt = IF(expiresAt < ${now}, VALUES(expiresAt), expiresAt)`;
    const row = await this.db.lease.findUnique({ where: { name } });
    return row?.holder === this.holder;
  }
}
