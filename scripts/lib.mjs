// Shared steps of `npm start` and `npm test`: install what is missing, make sure MariaDB is up,
// generate the Prisma client, build the h5 app when stale. Node built-ins only: this runs before
// any dependency is installed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DB_SERVER = 'mysql://root@127.0.0.1:3306';

export function say(message) {
  process.stdout.write(`» ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`✖ ${message}\n`);
  process.exit(1);
}

/** Runs a command in the foreground; returns its exit status. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules/.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('installing dependencies (npm ci; about a minute or two on a fresh machine)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) fail('npm ci failed; see the output above');
}

/** Generates the Prisma client when it is missing or older than schema.prisma. */
export function ensurePrismaClient() {
  const generated = path.join(ROOT, 'server/src/generated/prisma/client.ts');
  const schema = path.join(ROOT, 'prisma/schema.prisma');
  if (existsSync(generated) && statSync(generated).mtimeMs >= statSync(schema).mtimeMs) return;
  say('generating the Prisma client');
  if (run('npm', ['run', 'generate', '-w', 'server']) !== 0) fail('prisma generate failed');
}

export function portOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Installs Debian packages when `binary` is missing (as root, with apt-get); fails with a hint otherwise. */
export function ensureDebianPackages(binary, packages, what, hint = '') {
  if (existsSync(binary)) return;
  if (!isRoot() || !commandExists('apt-get')) {
    fail(`${what} is not installed. Install it (Debian: apt-get install -y ${packages.join(' ')})${hint}`);
  }
  say(`installing ${what} from Debian packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0 || run('apt-get', ['install', '-y', '-qq', ...packages], { env }) !== 0) {
    fail(`could not install ${packages.join(' ')} with apt-get`);
  }
}

/**
 * Makes sure MariaDB answers at the database URL's host: starts a local one that is installed but
 * down, installs it from Debian's packages where it is missing, and lets root in over TCP.
 */
export async function ensureMariadb(databaseUrl) {
  const url = new URL(databaseUrl);
  const host = url.hostname;
  const port = Number(url.port || 3306);
  const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
  if (await portOpen(host, port)) return ensureRootOverTcp(local, url);
  if (!local) fail(`MariaDB at ${host}:${port} does not answer; start it or set DATABASE_URL`);
  ensureDebianPackages('/usr/sbin/mariadbd', ['mariadb-server'], 'MariaDB', ' or set DATABASE_URL');
  say('starting the local MariaDB');
  mkdirSync('/run/mysqld', { recursive: true });
  spawnSync('chown', ['mysql:mysql', '/run/mysqld'], { stdio: 'ignore' });
  // A pid file of its own: matched by program alone, another mariadbd (a Galera node of
  // `npm run cluster`, say) would pass for this one and nothing would start.
  const args = ['--start', '--oknodo', '--background', '--make-pidfile', '--pidfile', `/run/mysqld/jiaoguan-${port}.pid`, '--exec', '/usr/sbin/mariadbd'];
  if (isRoot()) args.push('--', '--user=mysql', '--bind-address=127.0.0.1', `--port=${port}`);
  if (commandExists('start-stop-daemon')) run('start-stop-daemon', args);
  else spawn('/usr/sbin/mariadbd', args.slice(args.indexOf('--') + 1), { detached: true, stdio: 'ignore' }).unref();
  for (let i = 0; i < 60; i++) {
    if (await portOpen(host, port)) return ensureRootOverTcp(local, url);
    await sleep(500);
  }
  fail(`MariaDB did not start within 30 s; see its log (often /var/log/mysql/) or start it yourself`);
}

/** A fresh Debian install lets root in only through the socket; allow TCP with the empty password. */
function ensureRootOverTcp(local, url) {
  if (!local || url.username !== 'root' || url.password || !commandExists('mariadb')) return;
  const tcp = spawnSync('mariadb', ['-h', '127.0.0.1', '-P', url.port || '3306', '-uroot', '-e', 'SELECT 1'], { stdio: 'ignore' });
  if (tcp.status === 0) return;
  say('allowing root to log in to MariaDB over TCP');
  try {
    execFileSync('mariadb', ['-uroot', '-e', "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; FLUSH PRIVILEGES;"], { stdio: 'inherit' });
  } catch {
    fail('MariaDB refuses root over TCP; grant it (see docs/operations.md) or set DATABASE_URL');
  }
}

/** Creates the database, applies migrations and optionally loads the demo data. */
export function prepareDatabase(databaseUrl, { seed = false, quiet = false, env = {} } = {}) {
  const args = ['tsx', 'server/src/db/prepare-cli.ts'];
  if (seed) args.push('--seed');
  if (quiet) args.push('--quiet');
  const status = run('npx', args, { env: { ...process.env, ...env, DATABASE_URL: databaseUrl } });
  if (status !== 0) fail('preparing the database failed');
}

/** Builds the h5 app when dist/h5 is missing or older than its sources. */
export function ensureH5Build({ force = false } = {}) {
  const dist = path.join(ROOT, 'miniprogram/dist/h5/index.html');
  const sources = ['src', 'config', 'package.json', 'babel.config.js'].map((p) => path.join(ROOT, 'miniprogram', p));
  const builtAt = existsSync(dist) ? statSync(dist).mtimeMs : 0;
  if (!force && builtAt > Math.max(...sources.map(newestMtime))) return true;
  say('building the h5 app (about 30 s)');
  return run('npm', ['run', 'build:h5', '-w', 'miniprogram']) === 0;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitForReady(baseUrl, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  return false;
}
