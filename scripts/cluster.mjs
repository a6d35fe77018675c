// `npm run cluster`: the same system as `npm start`, past one process, on this machine: a
// three-node MariaDB Galera cluster (Debian's galera-4), two servers and two workers each talking to
// a different node (through a database proxy, nginx's stream module, that moves to the other nodes
// while theirs refuses connections), one fake WeChat with the fake SMS gateway, a local S3-compatible
// object store (s3rver) holding every process's evidence files, and Debian's nginx on PORT in front
// of both servers. Every node, log and config lives in one temporary folder, removed again on
// Ctrl-C / SIGTERM.
//
// Also a module: `startCluster()` brings it all up and answers a handle to stop it, kill one
// process or read the nodes (scripts/test-cluster.mjs).
import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  ROOT, ensureDebianPackages, ensureDependencies, ensureH5Build, ensurePrismaClient, fail, freePort, portOpen,
  prepareDatabase, say, sleep, waitForReady,
} from './lib.mjs';

const MARIADBD = '/usr/sbin/mariadbd';
const GALERA = '/usr/lib/galera/libgalera_smm.so';
const NGINX = '/usr/sbin/nginx';
const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';
const DATABASE = 'jiaoguan';
const run = promisify(execFile);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** A port nobody listens on (we bind it for a moment), or a clear failure naming who needs it. */
function assertFree(port, what) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => fail(`port ${port} (${what}) is in use; stop what listens there or choose another (PORT, FAKE_WECHAT_PORT, CLUSTER_DB_PORT)`));
    probe.listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}

/** One SQL statement on a node through the client, as root over TCP; the rows as arrays of strings. */
export async function nodeQuery(node, sql) {
  const { stdout } = await run('mariadb', ['--protocol=tcp', '-h', '127.0.0.1', '-P', String(node.port), '-uroot', '-N', '-B', '-e', sql]);
  return stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
}

async function wsrepStatus(node) {
  const rows = await nodeQuery(node, "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready')");
  return Object.fromEntries(rows);
}

function nodeConfig(node, nodes, runAs) {
  const gcomm = nodes.map((n) => `127.0.0.1:${n.gcommPort}`).join(',');
  return `[mysqld]
${runAs ? `user=${runAs}` : ''}
datadir=${node.dir}/data
socket=${node.dir}/mysqld.sock
pid-file=${node.dir}/mysqld.pid
log-error=${node.dir}/error.log
port=${node.port}
bind-address=127.0.0.1
# Small: three nodes, two servers and two workers share two cores.
innodb_buffer_pool_size=64M
innodb_log_file_size=32M
# Durability comes from the other nodes here (a write set is on every node before COMMIT answers).
innodb_flush_log_at_trx_commit=2
performance_schema=OFF
max_connections=200
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=${GALERA}
wsrep_cluster_name=jiaoguan-local
wsrep_node_name=${node.name}
wsrep_node_address=127.0.0.1:${node.gcommPort}
wsrep_cluster_address=gcomm://${gcomm}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${node.gcommPort};ist.recv_addr=127.0.0.1:${node.istPort};gcache.size=64M"
wsrep_sst_receive_address=127.0.0.1:${node.sstPort}
wsrep_sst_method=rsync
`;
}

function nginxConfig(dir, listen, servers) {
  return `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # The servers check sizes themselves (imports stream up to IMPORT_MAX_MB).
  client_max_body_size 0;
  proxy_request_buffering off;
  upstream jiaoguan {
${servers.map((s) => `    server 127.0.0.1:${s.port} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen ${listen};
    location / {
      proxy_pass http://jiaoguan;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # One hop: the servers run with TRUST_PROXY_HOPS=1 and take the right-most address.
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A server that is down or refusing: the next one. nginx never resends a POST that reached a
      # server (non-idempotent), so a booking is never made twice by the proxy.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      # Officers' live queue (server-sent events) streams through.
      proxy_buffering off;
    }
  }
}
`;
}

/**
 * The database proxy (nginx's stream module): one port per server and worker, each forwarding to
 * its own Galera node and, while that node refuses connections, to the others (backup), as HAProxy
 * or MaxScale stand in front of a Galera cluster in production. A node that died is tried again
 * after fail_timeout; the pools' connections that went through it break, new ones go elsewhere.
 */
function dbProxyConfig(dir, routes) {
  return `load_module ${STREAM_MODULE};
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
stream {
${routes.map((r) => `  upstream ${r.name} {
    server 127.0.0.1:${r.node.port} max_fails=1 fail_timeout=5s;
${r.backups.map((b) => `    server 127.0.0.1:${b.port} backup;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${r.port};
    proxy_pass ${r.name};
    proxy_connect_timeout 1s;
    # Idle pooled connections stay open (the pools close their own after idleTimeout).
    proxy_timeout 1h;
  }`).join('\n')}
}
`;
}

/**
 * Brings the cluster up. Options: port (nginx, default PORT or 3000), listen (nginx's listen
 * address; default all interfaces, like npm start), dbBasePort (node n uses base + 10·(n−1) for
 * SQL and the next three ports for gcomm, IST and SST; the database proxy listens on base + 30…33
 * for server-1, server-2, worker-1, worker-2), s3Port (s3rver; default CLUSTER_S3_PORT or 4569), fakePort, fakeSmsPort, echo (children's output on our
 * stdout, prefixed by their name), onLine(name, line), env (added to every server and worker),
 * h5 (false: serve whatever h5 build there is, without rebuilding a stale one).
 */
export async function startCluster(options = {}) {
  const started = Date.now();
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const listen = options.listen ?? String(port);
  const dbBasePort = options.dbBasePort ?? Number(process.env.CLUSTER_DB_PORT ?? 4306);
  const realWechat = Boolean(process.env.WECHAT_APPID);
  const fakePort = options.fakePort ?? Number(process.env.FAKE_WECHAT_PORT ?? 3001);
  // The fake SMS gateway, as npm start runs it beside the fake WeChat (not with real SMS settings).
  const fakeSms = !realWechat && !process.env.SMS_SECRET_ID && process.env.SMS_PROVIDER !== 'off';
  const fakeSmsPort = options.fakeSmsPort ?? Number(process.env.FAKE_SMS_PORT ?? 3002);
  const echo = options.echo ?? true;
  const s3Port = options.s3Port ?? Number(process.env.CLUSTER_S3_PORT ?? 4569);

  ensureDependencies();
  ensurePrismaClient();
  ensureDebianPackages(MARIADBD, ['mariadb-server', 'galera-4', 'rsync'], 'MariaDB');
  ensureDebianPackages(GALERA, ['galera-4'], 'Galera (galera-4)');
  ensureDebianPackages('/usr/bin/rsync', ['rsync'], 'rsync (Galera state transfer)');
  ensureDebianPackages(NGINX, ['nginx'], 'nginx');
  ensureDebianPackages(STREAM_MODULE, ['libnginx-mod-stream'], "nginx's stream module (the database proxy)");
  if (options.h5 !== false && !ensureH5Build()) fail('the h5 build failed; see the output above');

  const nodes = [1, 2, 3].map((n) => {
    const base = dbBasePort + 10 * (n - 1);
    return { name: `node${n}`, port: base, gcommPort: base + 1, istPort: base + 2, sstPort: base + 3 };
  });
  for (const n of nodes) {
    for (const p of [n.port, n.gcommPort, n.istPort, n.sstPort]) await assertFree(p, `Galera ${n.name}`);
  }
  // Each server and worker: its own node first, the others while it refuses (the proxy's ports follow the nodes').
  const routes = [['server-1', 0], ['server-2', 1], ['worker-1', 2], ['worker-2', 0]].map(([name, k], i) => ({
    name, port: dbBasePort + 30 + i, node: nodes[k], backups: nodes.filter((_, j) => j !== k),
  }));
  for (const r of routes) await assertFree(r.port, `database proxy for ${r.name}`);
  await assertFree(port, 'nginx');
  await assertFree(s3Port, 'the S3-compatible store (s3rver)');
  if (!realWechat) await assertFree(fakePort, 'fake WeChat');
  if (fakeSms) await assertFree(fakeSmsPort, 'fake SMS gateway');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiaoguan-cluster-'));
  chmodSync(dir, 0o755);
  const cluster = new Cluster(dir, echo, options.onLine);
  cluster.installCleanup();
  try {
    // ---------------------------------------------------------------- three Galera nodes
    // The state transfer (rsync) fails when the joiner runs as root: every node runs as mysql.
    const runAs = isRoot() ? 'mysql' : undefined;
    const owner = runAs ? mysqlIds() : undefined;
    for (const n of nodes) {
      n.dir = path.join(dir, n.name);
      n.url = `mysql://root@127.0.0.1:${n.port}/${DATABASE}`;
      mkdirSync(path.join(n.dir, 'data'), { recursive: true });
      n.config = path.join(n.dir, 'my.cnf');
      writeFileSync(n.config, nodeConfig(n, nodes, runAs));
      if (owner) for (const p of [n.dir, path.join(n.dir, 'data')]) chownSync(p, owner.uid, owner.gid);
    }
    cluster.nodes = nodes;
    say(`starting a three-node Galera cluster (ports ${nodes.map((n) => n.port).join(', ')}) in ${dir}`);
    const galeraStarted = Date.now();
    // The first node's data folder; the joiners receive theirs by state transfer.
    await run('mariadb-install-db', [
      `--defaults-file=${nodes[0].config}`, '--auth-root-authentication-method=normal', '--skip-test-db',
      ...(runAs ? [`--user=${runAs}`] : []),
    ]).catch((err) => {
      throw new Error(`mariadb-install-db failed: ${err.stderr || err.message}`);
    });
    await cluster.startNode(nodes[0], ['--wsrep-new-cluster']);
    // Each joiner copies the first node's files (rsync); one at a time, each from a synced donor.
    for (const n of nodes.slice(1)) await cluster.startNode(n);
    const size = (await wsrepStatus(nodes[0])).wsrep_cluster_size;
    if (size !== '3') throw new Error(`the cluster has ${size} nodes, not 3`);
    say(`Galera cluster of 3 nodes synced (${Math.round((Date.now() - galeraStarted) / 1000)} s)`);
    const proxyDir = path.join(dir, 'db-proxy');
    mkdirSync(proxyDir);
    writeFileSync(path.join(proxyDir, 'nginx.conf'), dbProxyConfig(proxyDir, routes));
    cluster.spawn('db-proxy', NGINX, ['-p', proxyDir, '-c', path.join(proxyDir, 'nginx.conf'), '-e', path.join(proxyDir, 'error.log')]);
    for (const r of routes) {
      await cluster.until(() => portOpen('127.0.0.1', r.port, 300), 10_000, `the database proxy did not listen: ${tail(path.join(proxyDir, 'error.log'))}`);
      r.url = `mysql://root@127.0.0.1:${r.port}/${DATABASE}`;
    }
    cluster.dbRoutes = routes;
    const via = (name) => routes.find((r) => r.name === name);

    // ---------------------------------------------------------------- the object store
    // Evidence and documents go to the bucket (STORAGE=s3); each process's own UPLOAD_DIR stays
    // empty, so a file one server serves that another received came through the bucket.
    const bucket = 'jiaoguan-evidence';
    const s3Dir = path.join(dir, 's3');
    mkdirSync(s3Dir);
    cluster.spawnNode('s3', ['scripts/s3-local.mjs', String(s3Port), s3Dir, bucket], {});
    await cluster.until(() => portOpen('127.0.0.1', s3Port), 20_000, `s3rver did not start: ${tail(path.join(cluster.logs, 's3.log'))}`);
    cluster.s3 = { url: `http://127.0.0.1:${s3Port}`, bucket, dir: s3Dir };

    // ---------------------------------------------------------------- schema and demo data, as npm start
    const uploadDir = path.join(dir, 'uploads');
    const shared = {
      DEMO_DATA: 'true',
      UPLOAD_DIR: uploadDir,
      STORAGE: 's3',
      S3_ENDPOINT: cluster.s3.url,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      ...(realWechat ? {} : { WECHAT_FAKE: 'true', WECHAT_API_BASE: `http://127.0.0.1:${fakePort}`, FAKE_WECHAT_PORT: String(fakePort) }),
      ...(fakeSms ? { SMS_ENDPOINT: `http://127.0.0.1:${fakeSmsPort}`, FAKE_SMS_PORT: String(fakeSmsPort) } : {}),
    };
    prepareDatabase(nodes[0].url, { seed: true, env: shared });

    // ---------------------------------------------------------------- the fake WeChat (and SMS), once
    if (!realWechat) {
      cluster.spawnNode('fake-wechat', ['server/src/wechat/fake/main.ts'], {
        FAKE_WECHAT_PORT: String(fakePort),
        DEMO_DATA: 'true',
        ...(fakeSms ? { FAKE_SMS_PORT: String(fakeSmsPort) } : { FAKE_SMS_PORT: '' }),
      });
      await cluster.until(() => portOpen('127.0.0.1', fakePort), 20_000, 'the fake WeChat did not start');
      if (fakeSms) await cluster.until(() => portOpen('127.0.0.1', fakeSmsPort), 20_000, 'the fake SMS gateway did not start');
    }

    // ---------------------------------------------------------------- two servers, two workers
    const common = { ...shared, DATABASE_POOL_SIZE: '10', ...(options.env ?? {}) };
    const servers = [];
    for (const [i, node] of [nodes[0], nodes[1]].entries()) {
      const name = `server-${i + 1}`;
      const serverPort = await freePort();
      servers.push({ name, port: serverPort, node: node.name, url: `http://127.0.0.1:${serverPort}`, uploadDir: path.join(dir, `uploads-${name}`) });
      cluster.spawnNode(name, ['server/src/main.ts'], {
        ...common,
        DATABASE_URL: via(name).url,
        HOST: '127.0.0.1',
        PORT: String(serverPort),
        RUN_WORKERS: 'false',
        TRUST_PROXY_HOPS: '1',
        INSTANCE_NAME: name,
        UPLOAD_DIR: path.join(dir, `uploads-${name}`),
      });
    }
    const workers = [];
    for (const [i, node] of [nodes[2], nodes[0]].entries()) {
      const name = `worker-${i + 1}`;
      workers.push({ name, node: node.name });
      cluster.spawnNode(name, ['server/src/worker.ts'], { ...common, DATABASE_URL: via(name).url, INSTANCE_NAME: name, UPLOAD_DIR: path.join(dir, `uploads-${name}`) });
    }
    cluster.servers = servers;
    cluster.workers = workers;
    // Generous: four processes load the code at once, on a machine that may be busy.
    for (const s of servers) {
      if (!(await waitForReady(s.url, 180_000))) throw new Error(`${s.name} did not become ready within 3 minutes:\n${tail(path.join(cluster.logs, `${s.name}.log`))}`);
    }

    // ---------------------------------------------------------------- nginx in front
    const nginxDir = path.join(dir, 'nginx');
    mkdirSync(nginxDir);
    writeFileSync(path.join(nginxDir, 'nginx.conf'), nginxConfig(nginxDir, listen, servers));
    cluster.spawn('nginx', NGINX, ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf'), '-e', path.join(nginxDir, 'error.log')]);
    cluster.url = `http://127.0.0.1:${port}`;
    cluster.port = port;
    if (!(await waitForReady(cluster.url, 20_000))) {
      throw new Error(`nginx did not answer /readyz within 20 s: ${tail(path.join(nginxDir, 'error.log'))}`);
    }
    cluster.fakeUrl = realWechat ? undefined : `http://127.0.0.1:${fakePort}`;
    cluster.fakeSmsUrl = fakeSms ? `http://127.0.0.1:${fakeSmsPort}` : undefined;
    cluster.upMs = Date.now() - started;
    return cluster;
  } catch (err) {
    await cluster.stop();
    fail(`the cluster did not come up: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function mysqlIds() {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('mysql:'));
  if (!line) fail('there is no mysql user (it comes with mariadb-server)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function tail(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** What startCluster started: processes by name, in start order, and how to stop them. */
class Cluster {
  constructor(dir, echo, onLine) {
    this.dir = dir;
    this.echo = echo;
    this.onLine = onLine;
    /** name → { child, exited, expected } */
    this.procs = new Map();
    this.logs = path.join(dir, 'logs');
    mkdirSync(this.logs);
    this.stopping = undefined;
  }

  /** Starts a process; its output goes to logs/<name>.log (and to our stdout, prefixed, when echoing). */
  spawn(name, cmd, args, env = {}) {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(path.join(this.logs, `${name}.log`), { flags: 'a' });
    const proc = { name, child, expected: false, start: [cmd, args, env] };
    proc.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        log.write(`${line}\n`);
        if (this.echo) process.stdout.write(`[${name}] ${line}\n`);
        this.onLine?.(name, line);
      });
    }
    proc.exited.then(({ code, signal }) => {
      log.end();
      if (!proc.expected && !this.stopping) say(`${name} exited (${signal ?? `code ${code}`}); see ${path.join(this.logs, `${name}.log`)}`);
    });
    this.procs.set(name, proc);
    return proc;
  }

  /** A TypeScript entry of the server workspace, as npm start runs it. */
  spawnNode(name, args, env) {
    return this.spawn(name, process.execPath, ['--import', 'tsx', ...args], env);
  }

  async startNode(node, extra = []) {
    const proc = this.spawn(node.name, MARIADBD, [`--defaults-file=${node.config}`, ...extra]);
    await this.until(async () => {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
        throw new Error(`${node.name} stopped while starting:\n${tail(path.join(node.dir, 'error.log'))}`);
      }
      if (!(await portOpen('127.0.0.1', node.port, 300))) return false;
      const status = await wsrepStatus(node).catch(() => ({}));
      return status.wsrep_local_state_comment === 'Synced' && status.wsrep_ready === 'ON';
    }, 180_000, `${node.name} did not reach Synced within 3 minutes:\n${tail(path.join(node.dir, 'error.log'))}`);
  }

  async until(check, timeoutMs, message) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (await check()) return;
      await sleep(250);
    }
    throw new Error(message);
  }

  /** Sends a signal to one process (SIGKILL in the fault tests); its exit is then expected. */
  async kill(name, signal = 'SIGKILL') {
    const proc = this.procs.get(name);
    if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    proc.expected = true;
    proc.child.kill(signal);
    await proc.exited;
  }

  /** Starts a stopped (or killed) process again as it was started; a server: once it is ready. */
  async restart(name) {
    const old = this.procs.get(name);
    if (!old) throw new Error(`no process ${name}`);
    await this.kill(name, 'SIGTERM');
    this.spawn(name, ...old.start);
    const server = this.servers?.find((s) => s.name === name);
    return server ? waitForReady(server.url, 60_000) : true;
  }

  /** Kills one Galera node's mariadbd (SIGKILL: no clean shutdown, as a crash or a pulled plug). */
  async killNode(name) {
    await this.kill(name, 'SIGKILL');
  }

  /**
   * Starts a stopped or killed Galera node again (it rejoins through IST when the donor's gcache
   * still holds what it missed, else by a full state transfer); resolves once it is Synced.
   * Answers how it caught up: 'IST', 'SST' or 'unknown' (read from its error log).
   */
  async restartNode(name) {
    const node = this.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no node ${name}`);
    await this.kill(name, 'SIGTERM');
    const log = path.join(node.dir, 'error.log');
    const before = existsSync(log) ? readFileSync(log, 'utf8').length : 0;
    await this.startNode(node);
    const since = readFileSync(log, 'utf8').slice(before);
    if (/IST received|Receiving IST/i.test(since)) return 'IST';
    if (/SST (received|succeeded|complete)|Requesting state transfer.*SST|State transfer.*complete/i.test(since) && !/IST/.test(since)) return 'SST';
    return 'unknown';
  }

  /** Stops everything in reverse start order (nodes last), then removes the folder. */
  stop() {
    this.stopping ??= (async () => {
      const all = [...this.procs.values()].reverse();
      const isNode = (p) => /^node\d$/.test(p.name);
      const stopAll = async (procs) =>
        Promise.all(
          procs.map(async (p) => {
            if (p.child.exitCode !== null || p.child.signalCode !== null) return;
            p.expected = true;
            p.child.kill('SIGTERM');
            const killer = setTimeout(() => p.child.kill('SIGKILL'), 20_000);
            await p.exited;
            clearTimeout(killer);
          }),
        );
      await stopAll(all.filter((p) => !isNode(p)));
      await stopAll(all.filter(isNode));
      rmSync(this.dir, { recursive: true, force: true });
    })();
    return this.stopping;
  }

  /** Ctrl-C and SIGTERM stop everything; a crash of this script kills what it started. */
  installCleanup() {
    const onSignal = (signal) => {
      say(`${signal}: stopping the cluster`);
      this.stop().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('exit', () => {
      for (const p of this.procs.values()) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      if (existsSync(this.dir)) rmSync(this.dir, { recursive: true, force: true });
    });
  }
}

// ------------------------------------------------------------------ npm run cluster
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cluster = await startCluster();
  const url = `http://localhost:${cluster.port}`;
  say(`交管服务 (cluster) is running at ${url}  (API docs: ${url}/api/docs; up in ${Math.round(cluster.upMs / 1000)} s)`);
  say(`behind nginx: ${cluster.servers.map((s) => `${s.name} → ${s.node}`).join(', ')}; ${cluster.workers.map((w) => `${w.name} → ${w.node}`).join(', ')} `
    + `(through the database proxy on ${cluster.dbRoutes.map((r) => r.port).join(', ')}: the others when a node refuses)`);
  say(`Galera nodes: ${cluster.nodes.map((n) => `${n.name} 127.0.0.1:${n.port}`).join(', ')} (root, no password)`);
  say(`evidence files in s3rver at ${cluster.s3.url}, bucket ${cluster.s3.bucket} (key and secret S3RVER)`);
  if (cluster.fakeUrl) say(`fake WeChat at ${cluster.fakeUrl}  (sent messages: /__inspect/messages)`);
  if (cluster.fakeSmsUrl) say(`fake SMS gateway at ${cluster.fakeSmsUrl}  (sent SMS: ${cluster.fakeUrl}/__inspect/sms)`);
  say('demo logins (password demo-pass-2026): admin · officer.tengzhou · officer.shizhong · agent1; drivers: type any name');
  say('Ctrl-C stops everything and removes the temporary folder');
}
