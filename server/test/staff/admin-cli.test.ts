// `npm run admin -- create <username>`: the first admin of a new detachment, from the command line,
// on a database that has nothing yet (the command migrates it). The one-time password is printed
// once and must be changed at the first login; an existing username is refused.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import supertest from 'supertest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDb, type Db } from '../../src/db';
import { createLogger } from '../../src/logger';
import { createRateLimits } from '../../src/lib/rate-limit';
import { createExamRuntime } from '../../src/modules/exams/runtime';
import { createWechat } from '../../src/wechat';
import { runId, TEST_SERVER_URL } from '../support/databases';
import { openConnection } from '../support/sql';

const ROOT = path.resolve(__dirname, '../../..');
const DATABASE = `jt_${runId()}_admin_cli_${process.env.JEST_WORKER_ID ?? '1'}`;
const DATABASE_URL = `${TEST_SERVER_URL}/${DATABASE}`;

/** Runs the command as an operator would, from the repository root. */
function admin(...args: string[]) {
  const res = spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL, NODE_ENV: 'development', LOG_LEVEL: 'info' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

async function dropDatabase() {
  const raw = await openConnection(`${TEST_SERVER_URL}/mysql`);
  await raw.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
  await raw.end();
}

let db: Db | undefined;
beforeAll(dropDatabase);
afterAll(async () => {
  await db?.$disconnect();
  await dropDatabase();
});

it('makes the first admin on an empty database and prints a one-time password once', async () => {
  const made = admin('create', 'Chief', '--name', '王大队长');
  expect(made.stderr).toContain('migrations applied');
  expect(made.status).toBe(0);
  const lines = made.stdout.trim().split('\n');
  expect(lines[0]).toBe('已创建管理员账号 chief（王大队长）');
  const password = lines.at(-1)!;
  expect(password).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
  expect(made.stderr).not.toContain(password);

  db = createDb(DATABASE_URL, 2);
  const staff = await db.staff.findUniqueOrThrow({ where: { username: 'chief' } });
  expect(staff).toMatchObject({ role: 'ADMIN', displayName: '王大队长', mustChangePassword: true, active: true });
  expect(staff.passwordHash).not.toContain(password);
  const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'staff.created', entityId: String(staff.id) } });
  expect(audit.actorType).toBe('SYSTEM');
  expect(JSON.stringify(audit)).not.toContain(password);

  // The app on that database: the login must change the password before anything else.
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL, LOG_LEVEL: 'silent', WECHAT_FAKE: 'true' });
  const limits = createRateLimits(config);
  try {
    const http = supertest(buildApp({ config, db, log: createLogger('silent'), wechat: createWechat(config, db), exams: createExamRuntime(config), limits }).callback());
    const login = await http.post('/api/auth/staff').send({ username: 'chief', password });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    const auth = { Authorization: `Bearer ${login.body.token}` };
    expect((await http.get('/api/admin/staff').set(auth)).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await http.post('/api/me/password').set(auth).send({ current: password, new: 'a password of my own' })).status).toBe(200);
    expect((await http.get('/api/admin/staff').set(auth)).status).toBe(200);
  } finally {
    await limits.close();
  }
}, 90_000);

it('refuses a username that exists, saying so, and changes nothing', async () => {
  const before = await db!.staff.findUniqueOrThrow({ where: { username: 'chief' } });
  const again = admin('create', 'chief');
  expect(again.status).toBe(1);
  expect(again.stdout).toBe('');
  expect(again.stderr).toContain('用户名 chief 已被使用，没有创建账号');
  expect(await db!.staff.findUniqueOrThrow({ where: { username: 'chief' } })).toEqual(before);
}, 60_000);

it('explains its usage and refuses a username the accounts cannot have', () => {
  const usage = admin('make', 'x');
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('用法：npm run admin -- create <用户名>');
  const bad = admin('create', '管理员');
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('用户名不可用');
}, 60_000);
