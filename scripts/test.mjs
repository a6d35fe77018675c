// `npm test`: prepares what it needs (dependencies, MariaDB, Prisma client, builds, Chromium), then
// runs every test tier and ends with one line: `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_DB_SERVER, ROOT, ensureDependencies, ensureMariadb, ensurePrismaClient, freePort, prepareDatabase,
  run, say, waitForReady,
} from './lib.mjs';

const totals = { passed: 0, failed: 0 };
const results = [];
function record(name, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  results.push(`${failed ? '✖' : '✔'} ${name}: ${passed} passed, ${failed} failed`);
}

/** Runs a command whose last line reads `…: N passed, M failed`. */
function runCounted(name, cmd, args, env = {}) {
  const child = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(child.stdout ?? '');
  process.stderr.write(child.stderr ?? '');
  const match = /(\d+) passed, (\d+) failed\s*$/.exec((child.stdout ?? '').trim());
  if (match) record(name, Number(match[1]), Number(match[2]) + (child.status === 0 || Number(match[2]) ? 0 : 1));
  else record(name, 0, 1);
}

function runJest(name, workspace) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jest-'));
  const out = path.join(dir, 'result.json');
  run('npx', ['jest', '--json', `--outputFile=${out}`], { cwd: path.join(ROOT, workspace) });
  if (!existsSync(out)) return record(name, 0, 1);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  // A suite that fails to load has no failed tests; count it.
  const brokenSuites = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  record(name, r.numPassedTests, r.numFailedTests + brokenSuites);
  rmSync(dir, { recursive: true, force: true });
}

function step(name, cmd, args) {
  say(name);
  const ok = run(cmd, args) === 0;
  record(name, ok ? 1 : 0, ok ? 0 : 1);
  return ok;
}

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  let found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    say('installing Chromium from Debian packages for the browser tests (about 30 s)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
    found = candidates.find((p) => existsSync(p));
  }
  return found;
}

async function browserTests() {
  const chrome = findChromium();
  if (!chrome) {
    say('no Chromium: install it (Debian: apt-get install -y chromium) or set CHROME_PATH to a Chromium binary');
    return record('browser', 0, 1);
  }
  // Overridable so that two checkouts on one machine can run their journeys side by side.
  const databaseUrl = `${DEFAULT_DB_SERVER}/${process.env.E2E_DATABASE_NAME || 'jiaoguan_e2e'}`;
  spawnSync('npx', ['tsx', 'server/scripts/drop-database.ts'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } });
  prepareDatabase(databaseUrl, { seed: true });
  const [port, fakePort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), FAKE_WECHAT_PORT: String(fakePort), LOG_LEVEL: 'warn', DEMO_DATA: 'true', WECHAT_APPID: '', WECHAT_FAKE: 'true' },
  });
  try {
    if (!(await waitForReady(baseUrl))) return record('browser (server did not start)', 0, 1);
    runCounted('browser', 'node', ['miniprogram/e2e/browser.mjs'], { E2E_BASE_URL: baseUrl, FAKE_WECHAT_URL: `http://127.0.0.1:${fakePort}`, CHROME_PATH: chrome });
  } finally {
    // The server is node itself (no npx wrapper), so the signal reaches it; wait for it to stop.
    const stopped = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    server.kill('SIGKILL');
  }
}

const started = Date.now();
ensureDependencies();
ensurePrismaClient();
await ensureMariadb(process.env.TEST_DATABASE_SERVER_URL ?? DEFAULT_DB_SERVER);

step('type-check contracts', 'npm', ['run', 'typecheck', '-w', 'contracts']);
step('type-check server', 'npm', ['run', 'typecheck', '-w', 'server']);
step('type-check mini-program', 'npm', ['run', 'typecheck', '-w', 'miniprogram']);
say('server tests (Jest + supertest, real MariaDB)');
runJest('server', 'server');
say('mini-program unit tests');
runJest('mini-program', 'miniprogram');
const weapp = step('build weapp (production)', 'npm', ['run', 'build:weapp', '-w', 'miniprogram']);
if (weapp) {
  runCounted('check-weapp', 'node', ['miniprogram/e2e/check-weapp.mjs']);
  runCounted('weapp-smoke', 'node', ['miniprogram/e2e/weapp-smoke.cjs']);
}
const h5 = step('build h5 (production)', 'npm', ['run', 'build:h5', '-w', 'miniprogram']);
if (h5) await browserTests();
// Past one process: three Galera nodes, two servers behind nginx, two workers (installs galera-4,
// nginx and its stream module when missing); the short form, about 3 minutes. `npm run test:cluster` runs it whole.
say('cluster tests, short form (TEST_CLUSTER_SHORT=1)');
runCounted('cluster (short)', 'node', ['scripts/test-cluster.mjs'], { TEST_CLUSTER_SHORT: '1' });

process.stdout.write(`\n${results.join('\n')}\n(${Math.round((Date.now() - started) / 1000)} s)\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed ? 1 : 0);
