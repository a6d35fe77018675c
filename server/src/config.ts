// Reads and validates the environment once at start; nothing else reads process.env.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseDailyWindow, type DailyWindow } from '@jiaoguan/contracts/time';
import type { SmsTemplateKey } from './sms/templates';

export const DEFAULT_APP_SECRET = 'dev-only-secret-change-me';
const REPO_ROOT = path.resolve(__dirname, '../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\//, 'must be a mysql:// URL')
    .default('mysql://root@127.0.0.1:3306/jiaoguan'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(20),
  APP_SECRET: z.string().min(16).default(DEFAULT_APP_SECRET),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: bool.default(false),
  H5_DIR: z.string().default(path.join(REPO_ROOT, 'miniprogram/dist/h5')),
  UPLOAD_DIR: z.string().default(path.join(REPO_ROOT, 'var/uploads')),
  // Where evidence files and documents live: a local folder (UPLOAD_DIR), or an S3-compatible object
  // store (AWS S3, Tencent COS, Alibaba OSS, MinIO) that every server process shares.
  STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name').optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // Bucket in the path (MinIO, s3rver); COS and OSS want virtual-hosted names (false).
  S3_FORCE_PATH_STYLE: bool.default(false),
  S3_PREFIX: z.string().regex(/^([a-z0-9][a-z0-9_-]*\/)*$/i, 'empty, or folders ending in /').default(''),
  DRIVER_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  LOGIN_THROTTLE_MINUTES: z.coerce.number().int().min(1).default(15),
  // Rate limits live in MariaDB by default; with REDIS_URL, in Redis.
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  // How many proxies in front of the server append to X-Forwarded-For (nginx: 1). 0 trusts none:
  // the client address is the socket's peer, whatever the headers say.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  IDENTITY_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  IDENTITY_WINDOW_HOURS: z.coerce.number().int().min(1).default(24),
  // What one driver may create in a Shanghai day.
  DAILY_ACCIDENTS_PER_DRIVER: z.coerce.number().int().min(1).default(5),
  DAILY_CONSULTATIONS_PER_DRIVER: z.coerce.number().int().min(1).default(10),
  DAILY_FOLLOW_UPS_PER_DRIVER: z.coerce.number().int().min(1).default(30),
  DAILY_UPLOADS_PER_DRIVER: z.coerce.number().int().min(1).default(120),
  // SMS costs money and annoys: at most this many to one phone in a Shanghai day.
  DAILY_SMS_PER_PHONE: z.coerce.number().int().min(1).default(5),
  // WeChat: the real one (WECHAT_APPID and WECHAT_SECRET), or the project's fake one where it is
  // asked for (WECHAT_FAKE=true, as `npm start` sets it, or under tests). Never a silent fallback:
  // the fake lets anyone log in as anyone.
  WECHAT_APPID: z.string().optional(),
  WECHAT_FAKE: bool.default(false),
  WECHAT_SECRET: z.string().optional(),
  WECHAT_API_BASE: z.string().url().optional(),
  FAKE_WECHAT_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  WECHAT_OA_APPID: z.string().optional(),
  WECHAT_OA_SECRET: z.string().optional(),
  // The Token of the official account's message push (服务器配置): follow/unfollow events are
  // accepted only when signed with it.
  WECHAT_OA_PUSH_TOKEN: z.string().min(3).max(32).optional(),
  WECHAT_TEMPLATE_ACCIDENT_PROGRESS: z.string().default('tmpl-accident-progress'),
  WECHAT_TEMPLATE_EXAM_BOOKING: z.string().default('tmpl-exam-booking'),
  WECHAT_TEMPLATE_CONSULTATION_REPLY: z.string().default('tmpl-consultation-reply'),
  WECHAT_TEMPLATE_TRAFFIC_REMINDER: z.string().default('tmpl-traffic-reminder'),
  WECHAT_TEMPLATE_NEW_CASE: z.string().default('tmpl-new-case'),
  WECHAT_OA_FOLLOWER_SYNC_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  WECHAT_OA_TEMPLATE_ACCIDENT_PROGRESS: z.string().default('oa-tmpl-accident-progress'),
  WECHAT_OA_TEMPLATE_EXAM_BOOKING: z.string().default('oa-tmpl-exam-booking'),
  WECHAT_OA_TEMPLATE_CONSULTATION_REPLY: z.string().default('oa-tmpl-consultation-reply'),
  WECHAT_OA_TEMPLATE_TRAFFIC_REMINDER: z.string().default('oa-tmpl-traffic-reminder'),
  // SMS (Tencent Cloud SMS API 3.0): on with SMS_SECRET_ID…, or against the project's fake gateway
  // with WECHAT_FAKE; otherwise off (SMS_PROVIDER=off turns it off in any case).
  SMS_PROVIDER: z.enum(['tencent', 'off']).optional(),
  SMS_ENDPOINT: z
    .string()
    .url()
    .regex(/^https?:\/\/[^/?#]+\/?$/, 'must be http(s)://host[:port] without a path')
    .optional(),
  SMS_REGION: z.string().regex(/^[a-z]+-[a-z]+$/, 'a Tencent Cloud region such as ap-guangzhou').default('ap-guangzhou'),
  SMS_SECRET_ID: z.string().optional(),
  SMS_SECRET_KEY: z.string().optional(),
  SMS_SDK_APP_ID: z.string().regex(/^\d{6,20}$/, 'the SmsSdkAppId, digits').optional(),
  SMS_SIGN_NAME: z.string().min(2).max(12).optional(),
  SMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  FAKE_SMS_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  SMS_TEMPLATE_EXAM_RESULT: z.string().optional(),
  SMS_TEMPLATE_EXAM_BOOKING_CONFIRMED: z.string().optional(),
  SMS_TEMPLATE_EXAM_BOOKING_REJECTED: z.string().optional(),
  SMS_TEMPLATE_EXAM_SESSION_CANCELLED: z.string().optional(),
  SMS_TEMPLATE_ACCIDENT_RETURNED: z.string().optional(),
  SMS_TEMPLATE_ACCIDENT_CONFIRMED: z.string().optional(),
  SMS_TEMPLATE_ACCIDENT_TRANSFERRED: z.string().optional(),
  SMS_TEMPLATE_CLAIM_SETTLED: z.string().optional(),
  SMS_TEMPLATE_VIOLATION_NEW: z.string().optional(),
  RUN_WORKERS: bool.default(true),
  // Names this process in the X-Instance response header (npm run cluster: server-1, server-2).
  INSTANCE_NAME: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, . _ - (at most 64)').optional(),
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(4096).default(512),
  VEHICLE_BIND_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  VEHICLE_BIND_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  CONSULTATION_FIRST_REPLY_HOURS: z.coerce.number().min(0.25).max(200).default(4),
  CONSULTATION_WORKING_HOURS: z
    .string()
    .default('09:00-17:00')
    .transform((v, ctx) => {
      const window = parseDailyWindow(v);
      if (!window) ctx.addIssue({ code: 'custom', message: 'HH:MM-HH:MM' });
      return window ?? z.NEVER;
    }),
  EXAM_MIN_NOTICE_DAYS: z.coerce.number().int().min(0).max(365).default(10),
  EXAM_PRIORITY_MONTHS: z.coerce.number().int().min(0).max(36).default(6),
  EXAM_LIST_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  EXAM_ALLOCATION_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  ACCIDENT_INVITE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  ACCIDENT_NEGOTIATING_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  ACCIDENT_RETURNED_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  ACCIDENT_INVITE_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  ACCIDENT_INVITE_THROTTLE_MINUTES: z.coerce.number().int().min(1).default(15),
  ACCIDENT_REVIEW_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  // Where the h5 app is reached from outside (https://host[:port]): the QR code on an issued
  // document points at its public check page there. Default: this server on localhost.
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\/[^?#]+$/, 'must be http(s)://host[:port][/path] without a query')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  // Public document checks (GET /api/public/documents/:code) one client address may make a minute.
  DOCUMENT_CHECKS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host?: string;
  databaseUrl: string;
  databasePoolSize: number;
  appSecret: string;
  logLevel: string;
  demoData: boolean;
  h5Dir: string;
  uploadDir: string;
  /** The local folder (uploadDir), or the object store every instance shares. */
  storage: { kind: 'local' } | { kind: 's3'; endpoint?: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean; prefix: string };
  driverSessionMs: number;
  staffSessionMs: number;
  loginThrottle: { maxPerUser: number; maxPerIp: number; windowMs: number };
  redisUrl?: string;
  trustProxyHops: number;
  /** Failed identity proofs allowed per driver and per ID number in the window. */
  identityThrottle: { maxFailures: number; windowMs: number };
  /** What one driver may create in a Shanghai day. */
  dailyLimits: { accidents: number; consultations: number; followUps: number; uploads: number; smsPerPhone: number };
  wechat: {
    /** True when the fake WeChat was asked for (WECHAT_FAKE=true, or tests) and answers instead. */
    fake: boolean;
    appId: string;
    secret: string;
    apiBase: string;
    fakePort: number;
    /** Start the fake WeChat inside this process (fake, and no WECHAT_API_BASE: nobody runs it elsewhere). */
    fakeInProcess: boolean;
    /** `pushToken`: the message-push Token; without it the follow/unfollow push is not accepted. */
    officialAccount?: { appId: string; secret: string; pushToken?: string };
    /** How often the official account's follower list is synced (only with an official account). */
    followerSyncEveryMs: number;
    templates: { accident_progress: string; exam_booking: string; consultation_reply: string; traffic_reminder: string };
    /** Subscribe-message template ids staff grant (officers: a new case of their unit). */
    staffTemplates: { new_case: string };
    /** Official-account template ids by the same keys. */
    officialTemplates: { accident_progress: string; exam_booking: string; consultation_reply: string; traffic_reminder: string };
  };
  sms: SmsConfig;
  runWorkers: boolean;
  /** This process's name in the X-Instance header: INSTANCE_NAME, or the host name and the pid. */
  instanceName: string;
  inquiries: { importMaxBytes: number; vehicleBind: { maxFailures: number; windowMs: number } };
  /** First replies are due within `firstReplyHours` working hours; `workingHours` is "HH:MM-HH:MM" in Asia/Shanghai. */
  consultations: { firstReplyHours: number; workingHours: DailyWindow };
  exams: {
    /** Minimum time between publishing a session and its exam (10 days nationally, Art. 52). */
    minNoticeMs: number;
    /** A permit with less than this many months left gets one priority application per subject. */
    priorityMonths: number;
    /** How long a process may serve the public session list from memory. */
    listCacheMs: number;
    allocationEveryMs: number;
  };
  accidents: {
    inviteMs: number;
    negotiatingMs: number;
    returnedMs: number;
    inviteThrottle: { maxFailures: number; windowMs: number };
    /** A case under review longer than this (within its unit's service hours) is overdue. */
    reviewMs: number;
  };
  documents: {
    /** The h5 app's address for links printed on documents (PUBLIC_BASE_URL). */
    publicBaseUrl: string;
    /** Public checks allowed per client address and minute. */
    checksPerMinute: number;
  };
}

export interface SmsConfig {
  /** `off`: no SMS is sent (production without SMS settings, or SMS_PROVIDER=off); `offReason` says why. */
  provider: 'tencent' | 'off';
  offReason?: string;
  /** Pointed at the project's fake gateway (WECHAT_FAKE without SMS credentials). */
  fake: boolean;
  /** Start the fake gateway beside an in-process fake WeChat (fake, and no SMS_ENDPOINT: nobody runs it elsewhere). */
  fakeInProcess: boolean;
  fakePort: number;
  /** `https://sms.tencentcloudapi.com`, or `http://127.0.0.1:<port>` for the fake gateway. */
  endpoint: string;
  region: string;
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  /** The provider's template id per key; a key without one is not sent (TemplateNotConfigured). */
  templates: Partial<Record<SmsTemplateKey, string>>;
  timeoutMs: number;
}

/** The fake gateway's credentials and template ids, used with WECHAT_FAKE unless SMS settings are given. */
export const FAKE_SMS = {
  secretId: 'AKIDfakeSmsSecretId0000000000000000',
  secretKey: 'fake-sms-secret-key',
  sdkAppId: '1400000000',
  signName: '交管服务',
  templates: {
    exam_result: '2000001',
    exam_booking_confirmed: '2000002',
    exam_booking_rejected: '2000003',
    exam_session_cancelled: '2000004',
    accident_returned: '2000005',
    accident_confirmed: '2000006',
    accident_transferred: '2000007',
    claim_settled: '2000008',
    violation_new: '2000009',
  } satisfies Record<SmsTemplateKey, string>,
} as const;

export class ConfigError extends Error {}

export interface LoadOptions {
  /** False for tools that never talk to WeChat (migrations, seeding): they need no AppID nor the fake. */
  wechatRequired?: boolean;
}

/** Parses an environment; throws ConfigError with a one-line reason when it is unusable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, options: LoadOptions = {}): Config {
  // An empty variable (FOO=) means unset, as shells and process managers commonly write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.WECHAT_APPID && e.WECHAT_FAKE) throw new ConfigError('WECHAT_FAKE cannot be combined with WECHAT_APPID: choose the real WeChat or the fake one');
  const fake = !e.WECHAT_APPID && (e.WECHAT_FAKE || e.NODE_ENV === 'test');
  if (e.WECHAT_APPID && !e.WECHAT_SECRET) throw new ConfigError('WECHAT_SECRET is required with WECHAT_APPID');
  if (e.NODE_ENV === 'production') {
    if (e.APP_SECRET === DEFAULT_APP_SECRET) throw new ConfigError('APP_SECRET must be set in production');
    if (e.DEMO_DATA) throw new ConfigError('DEMO_DATA is not allowed in production');
    if (!e.WECHAT_APPID) throw new ConfigError('WECHAT_APPID and WECHAT_SECRET must be set in production');
  }
  if (!e.WECHAT_APPID && !fake && options.wechatRequired !== false) {
    throw new ConfigError(
      "WECHAT_APPID and WECHAT_SECRET are not set: set them, or set WECHAT_FAKE=true to run against the project's fake WeChat (anyone can then log in as anyone: development only)",
    );
  }
  const sms = smsConfig(e, fake);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST || undefined,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    appSecret: e.APP_SECRET,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA,
    h5Dir: e.H5_DIR,
    uploadDir: e.UPLOAD_DIR,
    storage: storageConfig(e),
    driverSessionMs: e.DRIVER_SESSION_DAYS * 86_400_000,
    staffSessionMs: e.STAFF_SESSION_HOURS * 3_600_000,
    loginThrottle: {
      maxPerUser: e.LOGIN_MAX_FAILURES_PER_USER,
      maxPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      windowMs: e.LOGIN_THROTTLE_MINUTES * 60_000,
    },
    redisUrl: e.REDIS_URL,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    identityThrottle: { maxFailures: e.IDENTITY_MAX_FAILURES, windowMs: e.IDENTITY_WINDOW_HOURS * 3_600_000 },
    dailyLimits: {
      accidents: e.DAILY_ACCIDENTS_PER_DRIVER,
      consultations: e.DAILY_CONSULTATIONS_PER_DRIVER,
      followUps: e.DAILY_FOLLOW_UPS_PER_DRIVER,
      uploads: e.DAILY_UPLOADS_PER_DRIVER,
      smsPerPhone: e.DAILY_SMS_PER_PHONE,
    },
    wechat: {
      fake,
      appId: e.WECHAT_APPID ?? 'wx-fake-appid',
      secret: e.WECHAT_SECRET ?? 'fake-secret',
      apiBase: e.WECHAT_API_BASE ?? (fake ? `http://127.0.0.1:${e.FAKE_WECHAT_PORT}` : 'https://api.weixin.qq.com'),
      fakePort: e.FAKE_WECHAT_PORT,
      fakeInProcess: fake && !e.WECHAT_API_BASE,
      // With the fake WeChat, its built-in official account stands in for a real one.
      officialAccount:
        e.WECHAT_OA_APPID && e.WECHAT_OA_SECRET
          ? { appId: e.WECHAT_OA_APPID, secret: e.WECHAT_OA_SECRET, pushToken: e.WECHAT_OA_PUSH_TOKEN }
          : fake
            ? { appId: 'wx-fake-oa-appid', secret: 'fake-oa-secret', pushToken: e.WECHAT_OA_PUSH_TOKEN ?? 'fake-oa-push-token' }
            : undefined,
      followerSyncEveryMs: e.WECHAT_OA_FOLLOWER_SYNC_MINUTES * 60_000,
      templates: {
        accident_progress: e.WECHAT_TEMPLATE_ACCIDENT_PROGRESS,
        exam_booking: e.WECHAT_TEMPLATE_EXAM_BOOKING,
        consultation_reply: e.WECHAT_TEMPLATE_CONSULTATION_REPLY,
        traffic_reminder: e.WECHAT_TEMPLATE_TRAFFIC_REMINDER,
      },
      staffTemplates: { new_case: e.WECHAT_TEMPLATE_NEW_CASE },
      officialTemplates: {
        accident_progress: e.WECHAT_OA_TEMPLATE_ACCIDENT_PROGRESS,
        exam_booking: e.WECHAT_OA_TEMPLATE_EXAM_BOOKING,
        consultation_reply: e.WECHAT_OA_TEMPLATE_CONSULTATION_REPLY,
        traffic_reminder: e.WECHAT_OA_TEMPLATE_TRAFFIC_REMINDER,
      },
    },
    sms,
    runWorkers: e.RUN_WORKERS,
    instanceName: e.INSTANCE_NAME ?? `${os.hostname()}-${process.pid}`,
    inquiries: {
      importMaxBytes: e.IMPORT_MAX_MB * 1024 * 1024,
      vehicleBind: { maxFailures: e.VEHICLE_BIND_MAX_FAILURES, windowMs: e.VEHICLE_BIND_WINDOW_MINUTES * 60_000 },
    },
    consultations: { firstReplyHours: e.CONSULTATION_FIRST_REPLY_HOURS, workingHours: e.CONSULTATION_WORKING_HOURS },
    exams: {
      minNoticeMs: e.EXAM_MIN_NOTICE_DAYS * 86_400_000,
      priorityMonths: e.EXAM_PRIORITY_MONTHS,
      listCacheMs: e.EXAM_LIST_CACHE_MS,
      allocationEveryMs: e.EXAM_ALLOCATION_EVERY_SECONDS * 1000,
    },
    accidents: {
      inviteMs: e.ACCIDENT_INVITE_MINUTES * 60_000,
      negotiatingMs: e.ACCIDENT_NEGOTIATING_HOURS * 3_600_000,
      returnedMs: e.ACCIDENT_RETURNED_HOURS * 3_600_000,
      inviteThrottle: { maxFailures: e.ACCIDENT_INVITE_MAX_FAILURES, windowMs: e.ACCIDENT_INVITE_THROTTLE_MINUTES * 60_000 },
      reviewMs: e.ACCIDENT_REVIEW_MINUTES * 60_000,
    },
    documents: {
      publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
      checksPerMinute: e.DOCUMENT_CHECKS_PER_MINUTE,
    },
  };
}

function storageConfig(e: z.infer<typeof EnvSchema>): Config['storage'] {
  if (e.STORAGE === 'local') return { kind: 'local' };
  const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => !e[name]);
  if (missing.length > 0) throw new ConfigError(`STORAGE=s3 needs ${missing.join(', ')}`);
  return {
    kind: 's3',
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    prefix: e.S3_PREFIX,
  };
}

function smsConfig(e: z.infer<typeof EnvSchema>, wechatFake: boolean): SmsConfig {
  const given = {
    exam_result: e.SMS_TEMPLATE_EXAM_RESULT,
    exam_booking_confirmed: e.SMS_TEMPLATE_EXAM_BOOKING_CONFIRMED,
    exam_booking_rejected: e.SMS_TEMPLATE_EXAM_BOOKING_REJECTED,
    exam_session_cancelled: e.SMS_TEMPLATE_EXAM_SESSION_CANCELLED,
    accident_returned: e.SMS_TEMPLATE_ACCIDENT_RETURNED,
    accident_confirmed: e.SMS_TEMPLATE_ACCIDENT_CONFIRMED,
    accident_transferred: e.SMS_TEMPLATE_ACCIDENT_TRANSFERRED,
    claim_settled: e.SMS_TEMPLATE_CLAIM_SETTLED,
    violation_new: e.SMS_TEMPLATE_VIOLATION_NEW,
  } satisfies Record<SmsTemplateKey, string | undefined>;
  const templates = Object.fromEntries(Object.entries(given).filter(([, id]) => id !== undefined)) as SmsConfig['templates'];
  const real = e.SMS_SECRET_ID !== undefined || e.SMS_SECRET_KEY !== undefined;
  const fake = !real && wechatFake && e.SMS_PROVIDER !== 'off';
  const base = { fake, fakeInProcess: fake && !e.SMS_ENDPOINT, fakePort: e.FAKE_SMS_PORT, region: e.SMS_REGION, timeoutMs: e.SMS_TIMEOUT_MS };
  if (fake) {
    return {
      ...base,
      provider: 'tencent',
      endpoint: e.SMS_ENDPOINT ?? `http://127.0.0.1:${e.FAKE_SMS_PORT}`,
      secretId: FAKE_SMS.secretId,
      secretKey: FAKE_SMS.secretKey,
      sdkAppId: e.SMS_SDK_APP_ID ?? FAKE_SMS.sdkAppId,
      signName: e.SMS_SIGN_NAME ?? FAKE_SMS.signName,
      templates: { ...FAKE_SMS.templates, ...templates },
    };
  }
  const off = (offReason: string): SmsConfig => ({
    ...base,
    provider: 'off',
    offReason,
    endpoint: e.SMS_ENDPOINT ?? 'https://sms.tencentcloudapi.com',
    secretId: '',
    secretKey: '',
    sdkAppId: '',
    signName: '',
    templates,
  });
  if (e.SMS_PROVIDER === 'off') return off('SMS_PROVIDER=off');
  if (!real) {
    if (e.SMS_PROVIDER === 'tencent') throw new ConfigError('SMS_PROVIDER=tencent needs SMS_SECRET_ID, SMS_SECRET_KEY, SMS_SDK_APP_ID and SMS_SIGN_NAME');
    return off('no SMS settings (SMS_SECRET_ID, SMS_SECRET_KEY, SMS_SDK_APP_ID, SMS_SIGN_NAME)');
  }
  const missing = (['SMS_SECRET_ID', 'SMS_SECRET_KEY', 'SMS_SDK_APP_ID', 'SMS_SIGN_NAME'] as const).filter((k) => e[k] === undefined);
  if (missing.length > 0) throw new ConfigError(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required with SMS_SECRET_ID`);
  const endpoint = e.SMS_ENDPOINT ?? 'https://sms.tencentcloudapi.com';
  if (e.NODE_ENV === 'production' && !endpoint.startsWith('https://')) throw new ConfigError('SMS_ENDPOINT must be https:// in production');
  return {
    ...base,
    provider: 'tencent',
    endpoint,
    secretId: e.SMS_SECRET_ID!,
    secretKey: e.SMS_SECRET_KEY!,
    sdkAppId: e.SMS_SDK_APP_ID!,
    signName: e.SMS_SIGN_NAME!,
    templates,
  };
}

/** For entry points: the configuration, or exit 1 with a one-line reason. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
