// Assembles the WeChat clients the app uses from configuration (real WeChat or the fake one).
import type { Config } from '../config';
import type { Db } from '../db';
import { MiniProgramClient } from './mini-program-client';

export function createWechat(config: Config, _db: Db) {
  let cached: { token: string; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;
  const client: MiniProgramClient = new MiniProgramClient({
    baseUrl: config.wechat.apiBase,
    appId: config.wechat.appId,
    secret: config.wechat.secret,
    // Single-flight per process until the database-shared token store replaces it.
    getAccessToken: async () => {
      if (cached && cached.expiresAt > Date.now() + 300_000) return cached.token;
      inflight ??= client
        .getStableToken()
        .then((t) => {
          cached = { token: t.accessToken, expiresAt: Date.now() + t.expiresIn * 1000 };
          return t.accessToken;
        })
        .finally(() => {
          inflight = undefined;
        });
      return inflight;
    },
  });
  return client;
}
