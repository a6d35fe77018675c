// `npm start`: prepares everything on a fresh machine, then runs the server, the fake WeChat and
// the fake SMS gateway (when no real AppID is configured) and the workers, with demo data.
import { spawn } from 'node:child_process';
import {
  DEFAULT_DB_SERVER, ROOT, ensureDependencies, ensureH5Build, ensureMariadb, ensurePrismaClient, fail,
  prepareDatabase, say, waitForReady,
} from './lib.mjs';

const databaseUrl = process.env.DATABASE_URL ?? `${DEFAULT_DB_SERVER}/jiaoguan`;
const port = Number(process.env.PORT ?? 3000);
const fakePort = Number(process.env.FAKE_WECHAT_PORT ?? 3001);
const fakeSmsPort = Number(process.env.FAKE_SMS_PORT ?? 3002);

ensureDependencies();
ensurePrismaClient();
await ensureMariadb(databaseUrl);
const demo = process.env.NODE_ENV !== 'production';
prepareDatabase(databaseUrl, { seed: demo });
if (!ensureH5Build()) fail('the h5 build failed; see the output above');

const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    FAKE_WECHAT_PORT: String(fakePort),
    FAKE_SMS_PORT: String(fakeSmsPort),
    DEMO_DATA: String(demo),
    // The demo runs against the fake WeChat unless real credentials are given; the server itself
    // never falls back to it.
    ...(process.env.WECHAT_APPID ? {} : { WECHAT_FAKE: 'true' }),
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));

if (await waitForReady(`http://127.0.0.1:${port}`)) {
  say(`交管服务 is running at http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`);
  if (!process.env.WECHAT_APPID) say(`fake WeChat at http://127.0.0.1:${fakePort}  (sent messages: /__inspect/messages)`);
  if (!process.env.WECHAT_APPID && !process.env.SMS_SECRET_ID && process.env.SMS_PROVIDER !== 'off') {
    say(`fake SMS gateway at http://127.0.0.1:${fakeSmsPort}  (sent SMS: http://127.0.0.1:${fakePort}/__inspect/sms)`);
  }
  if (demo) {
    say('demo logins (password demo-pass-2026): admin · officer.tengzhou · officer.shizhong · agent1');
    say('drivers: on the login page type any name (simulated WeChat login)');
  }
} else {
  say('the server did not become ready within 60 s; see the log above');
}
