// What the app's modules are built from; main.ts and the tests each assemble one.
import type { Config } from './config';
import type { Db } from './db';
import type { Logger } from './logger';

/** The part of the mini-program WeChat client that login needs. */
export interface WechatLogin {
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>;
}

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  wechat: WechatLogin;
}
