// Assembles the WeChat clients the app uses from configuration (real WeChat or the fake one), all
// sharing one database-backed access-token store.
import type { Config } from '../config';
import type { Db } from '../db';
import { MiniProgramClient } from './mini-program-client';
import { OfficialAccountAdapter } from './official-account-adapter';
import { OfficialAccountClient } from './official-account-client';
import { wechatFetch } from './node-http-fetch';
import { TokenStore, type TokenStoreOptions } from './token-store';

export interface WechatClients {
  miniProgram: MiniProgramClient;
  /** The official account (template messages, follower list); absent when none is configured. */
  officialAccount?: OfficialAccountAdapter;
  tokens: TokenStore;
}

export interface WechatClientOptions {
  /** Per-request timeout (default 5000 ms). */
  timeoutMs?: number;
  tokens?: TokenStoreOptions;
}

export function createWechatClients(config: Config, db: Db, options: WechatClientOptions = {}): WechatClients {
  const tokens = new TokenStore(db, options.tokens);
  const timeoutMs = options.timeoutMs;
  const mp = config.wechat;
  const miniProgram: MiniProgramClient = new MiniProgramClient({
    baseUrl: mp.apiBase,
    appId: mp.appId,
    secret: mp.secret,
    timeoutMs,
    fetch: wechatFetch,
    getAccessToken: () => tokens.get(mp.appId, () => miniProgram.getStableToken()),
    invalidateAccessToken: (token) => tokens.invalidate(mp.appId, token),
  });
  const clients: WechatClients = { miniProgram, tokens };
  const oa = mp.officialAccount;
  if (oa) {
    // The typed client only fetches the official account's stable token; wechat-api sends.
    const oaTokens = new OfficialAccountClient({
      baseUrl: mp.apiBase,
      appId: oa.appId,
      secret: oa.secret,
      timeoutMs,
      fetch: wechatFetch,
      getAccessToken: () => Promise.reject(new Error('not used')),
    });
    clients.officialAccount = new OfficialAccountAdapter({
      baseUrl: mp.apiBase,
      appId: oa.appId,
      secret: oa.secret,
      timeoutMs,
      getAccessToken: () => tokens.get(oa.appId, () => oaTokens.getStableToken()),
      invalidateAccessToken: (token) => tokens.invalidate(oa.appId, token),
    });
  }
  return clients;
}

/** The mini-program client (login, subscribe messages, security checks). */
export function createWechat(config: Config, db: Db): MiniProgramClient {
  return createWechatClients(config, db).miniProgram;
}
