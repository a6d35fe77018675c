// What the app's modules are built from; main.ts and the tests each assemble one.
import type { Config } from './config';
import type { Db } from './db';
import type { Logger } from './logger';
import type { RateLimits } from './lib/rate-limit';
import type { ExamRuntime } from './modules/exams/runtime';
import type { MsgSecCheckInput, MsgSecCheckResult } from './wechat/mini-program-client';

/** The part of the mini-program WeChat client that requests need: login and the text check. */
export interface WechatLogin {
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>;
  /** Absent in stand-ins that only log in; callers then treat text as unchecked. */
  msgSecCheck?(input: MsgSecCheckInput): Promise<MsgSecCheckResult>;
  /** The phone number behind a getPhoneNumber code; absent in stand-ins that only log in. */
  getPhoneNumber?(code: string): Promise<{ phone: string }>;
}

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  wechat: WechatLogin;
  /** The exam rush machinery this instance keeps in memory (gate, session-full memo, read caches). */
  exams: ExamRuntime;
  /** Atomic limits shared by every instance (MariaDB or Redis). */
  limits: RateLimits;
}
