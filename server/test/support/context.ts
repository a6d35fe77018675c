// Builds the real app against this worker's database and a fake WeChat on a free loopback port.
import supertest from 'supertest';
import { buildApp } from '../../src/app';
import { loadConfig, type Env } from '../../src/config';
import { createDb, type Db } from '../../src/db';
import type { AppDeps } from '../../src/deps';
import { createLogger } from '../../src/logger';
import { hashPassword } from '../../src/modules/auth/password';
import { createRateLimits } from '../../src/lib/rate-limit';
import { createExamRuntime } from '../../src/modules/exams/runtime';
import { createWechat } from '../../src/wechat';
import { createFakeWechat } from '../../src/wechat/fake';
import { createFakeSmsGateway } from '../../src/sms/fake';
import { testDatabaseUrl } from './databases';
import { openConnection } from './sql';

/** Reference data that survives a reset (loaded by the migrations). */
const KEPT_TABLES = new Set(['Unit', 'Insurer', '_prisma_migrations']);

export interface TestContext {
  deps: AppDeps;
  db: Db;
  http: ReturnType<typeof supertest>;
  fakeWechatUrl: string;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestContext(env: Partial<Record<keyof Env, string>> = {}): Promise<TestContext> {
  const databaseUrl = testDatabaseUrl();
  // The fake SMS gateway on a free port, listed by the fake WeChat (/__inspect/sms), as npm start runs them.
  const smsGateway = createFakeSmsGateway();
  const sms = await smsGateway.listen(0);
  const fake = await createFakeWechat({ sms: smsGateway }).listen(0, '127.0.0.1');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    WECHAT_API_BASE: fake.url,
    SMS_ENDPOINT: sms.url,
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '10',
    ...env,
  });
  const db = createDb(databaseUrl, config.databasePoolSize);
  const deps: AppDeps = { config, db, log: createLogger('silent'), wechat: createWechat(config, db), exams: createExamRuntime(config), limits: createRateLimits(config) };
  const app = buildApp(deps);
  const raw = await openConnection(databaseUrl);
  const tables: { name: string }[] = await raw.query(
    'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
  );
  const toClear = tables.map((t) => t.name).filter((n) => !KEPT_TABLES.has(n));
  return {
    deps,
    db,
    http: supertest(app.callback()),
    fakeWechatUrl: fake.url,
    async reset() {
      await raw.query('SET FOREIGN_KEY_CHECKS = 0');
      for (const t of toClear) await raw.query(`DELETE FROM \`${t}\``);
      await raw.query('SET FOREIGN_KEY_CHECKS = 1');
    },
    async close() {
      await raw.end();
      await db.$disconnect();
      await deps.limits.close();
      await fake.close();
      await sms.close();
    },
  };
}

let nameCounter = 0;
/** Logs a new (or, with the same name, the same) WeChat user in; returns the bearer token. */
export async function loginDriver(ctx: TestContext, name = `driver${process.pid}x${++nameCounter}`) {
  const res = await ctx.http.post('/api/auth/wechat').send({ code: `fake:${name}:${Math.random()}` });
  if (res.status !== 200) throw new Error(`driver login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token as string, id: res.body.user.id as number, name };
}

export const TEST_PASSWORD = 'correct horse battery';

export async function createStaff(
  ctx: TestContext,
  input: { username: string; role: 'OFFICER' | 'AGENT' | 'ADMIN' | 'INSURER'; unit?: string; insurer?: string },
) {
  const unit = input.unit ? await ctx.db.unit.findUniqueOrThrow({ where: { code: input.unit } }) : null;
  const insurer = input.insurer ? await ctx.db.insurer.findUniqueOrThrow({ where: { code: input.insurer } }) : null;
  return ctx.db.staff.create({
    data: {
      username: input.username,
      role: input.role,
      displayName: input.username,
      unitId: unit?.id,
      insurerId: insurer?.id,
      passwordHash: await hashPassword(TEST_PASSWORD),
    },
  });
}

export async function loginStaff(ctx: TestContext, username: string, password = TEST_PASSWORD) {
  const res = await ctx.http.post('/api/auth/staff').send({ username, password });
  if (res.status !== 200) throw new Error(`staff login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** A valid ID number for tests: 17 digits completed with the right check character. */
export { idNumberCheckChar } from '@jiaoguan/contracts/id-number';
