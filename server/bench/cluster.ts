// `npm run bench:cluster`: the booking morning of bench:rush twice, in one run: through nginx on the
// cluster of `npm run cluster` (two servers, each on its own Galera node of three) and on one server
// with one MariaDB (the local one, a database of its own). Both servers are `server/src/main.ts` with
// the same settings (no workers in the server, the cluster's fake WeChat); the cluster's two workers
// are stopped for the rushes, so both sides do the same work. Rushes alternate (single, cluster, …)
// after a warm-up of each; every learner asks once with its own token; after each rush the seats are
// checked (exactly full, the rest SESSION_FULL, no 5xx, nobody twice, one notice per seat) and cleared.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mysql from 'mysql2/promise';
import { BENCH_APP_SECRET, RUSH_HEADER, databasePid, freshDatabase, makeRushLearners, pct, runRush, rushLine, type Rush, type RushOptions } from './_support';

const ROOT = path.resolve(__dirname, '../..');
const LEARNERS = Number(process.env.CLUSTER_BENCH_LEARNERS ?? 3_000);
const SESSIONS = 10;
const SEATS_PER_SESSION = Math.max(1, Math.floor(LEARNERS / 10 / SESSIONS));
const CONNECTIONS = Number(process.env.CLUSTER_BENCH_CONNECTIONS ?? 100);
const REPEATS = Number(process.env.CLUSTER_BENCH_REPEATS ?? 2);
/** The single side's database: on the local MariaDB, dropped and made again. */
const SINGLE_DATABASE_URL = process.env.CLUSTER_BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jiaoguan_bench_cluster';
const SINGLE_PORT = Number(process.env.CLUSTER_BENCH_SINGLE_PORT ?? 3941);
const NGINX_PORT = Number(process.env.CLUSTER_BENCH_PORT ?? 3942);
const DB_BASE_PORT = Number(process.env.CLUSTER_BENCH_DB_PORT ?? 4456);
/** Each cluster server has a pool of this many; the single server twice as many (the same in all). */
const POOL = 10;
/** The cluster's learners start here (its database holds the demo data's own). */
const FIRST = 1_000_001;

interface Side {
  label: 'single' | 'cluster';
  url: string;
  conn: mysql.Connection;
  venueId: number;
  firstLearner: number;
  serverPids: number[];
  dbPids: number[];
}

function rushOn(side: Side, learners: number): Promise<Rush> {
  const o: RushOptions = {
    side: side.label,
    kind: 'app',
    url: side.url,
    connections: CONNECTIONS,
    learners,
    firstLearner: side.firstLearner,
    venueId: side.venueId,
    sessions: SESSIONS,
    seatsPerSession: Math.max(1, Math.floor(learners / 10 / SESSIONS)),
    serverPids: side.serverPids,
    dbPids: side.dbPids,
  };
  return runRush(side.conn, o);
}

async function waitForReady(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

async function venue(conn: mysql.Connection) {
  const [r] = (await conn.query(`INSERT INTO Venue (name, address) VALUES ('压测考场', '压测路1号')`)) as [{ insertId: number }, unknown];
  return r.insertId;
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');

async function main() {
  for (const name of ['WECHAT_APPID', 'WECHAT_SECRET', 'SMS_SECRET_ID', 'SMS_SECRET_KEY', 'SMS_PROVIDER']) delete process.env[name];
  process.stdout.write(`bench:cluster: ${LEARNERS} learners for ${SESSIONS * SEATS_PER_SESSION} seats in ${SESSIONS} FIRST_COME sessions, ${CONNECTIONS} connections, ${REPEATS} rushes a side\n`);
  const serverEnv = { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: String(POOL), APP_SECRET: BENCH_APP_SECRET };
  const { startCluster } = await import(pathToFileURL(path.join(ROOT, 'scripts/cluster.mjs')).href);
  const cluster = await startCluster({ port: NGINX_PORT, listen: `127.0.0.1:${NGINX_PORT}`, dbBasePort: DB_BASE_PORT, echo: false, h5: false, env: serverEnv,
    fakePort: NGINX_PORT + 1, fakeSmsPort: NGINX_PORT + 2, s3Port: NGINX_PORT + 3 });
  let single: ChildProcess | undefined;
  const conns: mysql.Connection[] = [];
  try {
    // The booking path alone on both sides: the cluster's workers stop (the single server has none).
    for (const w of cluster.workers) await cluster.kill(w.name, 'SIGTERM');
    const pidOf = (name: string) => cluster.procs.get(name).child.pid as number;

    // ---------------------------------------------------------------- the cluster side: learners on node1
    const node1 = await mysql.createConnection({ host: '127.0.0.1', port: cluster.nodes[0].port, user: 'root', database: 'jiaoguan', timezone: 'Z' });
    conns.push(node1);
    // Every check reads what both servers wrote through their nodes.
    await node1.query('SET SESSION wsrep_sync_wait = 1');
    for (const table of ['ExamBooking', 'MessageCentreEntry', 'NotificationOutbox', 'AuditLog']) await node1.query(`DELETE FROM \`${table}\``);
    await makeRushLearners(node1, LEARNERS, FIRST);
    const clusterSide: Side = {
      label: 'cluster', url: cluster.url, conn: node1, venueId: await venue(node1), firstLearner: FIRST,
      serverPids: cluster.servers.map((s: { name: string }) => pidOf(s.name)), dbPids: cluster.nodes.map((n: { name: string }) => pidOf(n.name)),
    };

    // ---------------------------------------------------------------- the single side: one server, the local MariaDB
    const conn = await freshDatabase(SINGLE_DATABASE_URL);
    conns.push(conn);
    await makeRushLearners(conn, LEARNERS);
    single = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env, ...serverEnv, DATABASE_URL: SINGLE_DATABASE_URL, DATABASE_POOL_SIZE: String(2 * POOL), HOST: '127.0.0.1', PORT: String(SINGLE_PORT),
        RUN_WORKERS: 'false', INSTANCE_NAME: 'single', WECHAT_FAKE: 'true', WECHAT_API_BASE: cluster.fakeUrl, SMS_PROVIDER: 'off',
      },
    });
    const singleUrl = `http://127.0.0.1:${SINGLE_PORT}`;
    await waitForReady(singleUrl, 60_000);
    const dbPid = databasePid(SINGLE_DATABASE_URL);
    const singleSide: Side = { label: 'single', url: singleUrl, conn, venueId: await venue(conn), firstLearner: 1, serverPids: [single.pid!], dbPids: dbPid ? [dbPid] : [] };

    // ---------------------------------------------------------------- warm-up, then alternated rushes
    const warm = Math.min(LEARNERS, 1000);
    await rushOn(singleSide, warm);
    await rushOn(clusterSide, warm);
    process.stdout.write(`${RUSH_HEADER}\n`);
    const rushes: Rush[] = [];
    for (let k = 0; k < REPEATS; k++) {
      for (const side of [singleSide, clusterSide]) {
        const r = await rushOn(side, LEARNERS);
        rushes.push(r);
        process.stdout.write(`${rushLine(r)}\n`);
      }
    }
    const of = (label: string) => rushes.filter((r) => r.side === label);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rate = (rs: Rush[]) => mean(rs.map((r) => r.learners / r.seconds));
    const p = (rs: Rush[], which: 'confirmed' | 'refused', q: number) => mean(rs.map((r) => pct(r[which], q)));
    const [s, c] = [of('single'), of('cluster')];
    const failed = rushes.some((r) => r.check.length > 0);
    process.stdout.write(
      [
        'single: one server, the local MariaDB (shared with whatever else runs there); cluster: nginx, two servers, each on its own Galera node of three, on this one machine',
        'answ/s: answers per second over the whole rush; cf/rf: latency (ms) of confirmations (201) and refusals (409 SESSION_FULL); cpu/req, db/req: CPU ms per request of the server(s) and of MariaDB (all three nodes on the cluster)',
        `means: single ${f0(rate(s))} answers/s, p50/p99 confirmations ${f0(p(s, 'confirmed', 50))}/${f0(p(s, 'confirmed', 99))} ms, refusals ${f0(p(s, 'refused', 50))}/${f0(p(s, 'refused', 99))} ms`,
        `       cluster ${f0(rate(c))} answers/s, p50/p99 confirmations ${f0(p(c, 'confirmed', 50))}/${f0(p(c, 'confirmed', 99))} ms, refusals ${f0(p(c, 'refused', 50))}/${f0(p(c, 'refused', 99))} ms`,
        `cluster/single: answers/s ${f2(rate(c) / rate(s))}, p99 confirmations ${f2(p(c, 'confirmed', 99) / p(s, 'confirmed', 99))}, `
          + `server CPU per request ${f2(mean(c.map((r) => r.serverCpuMs)) / mean(s.map((r) => r.serverCpuMs)))}, database CPU per request ${f2(mean(c.map((r) => r.dbCpuMs)) / mean(s.map((r) => r.dbCpuMs)))}`,
        `checks: ${failed ? 'FAILED (see the lines above)' : 'every rush exactly full (no overbooking), every other learner told SESSION_FULL, no 5xx, nobody booked twice, one notice per confirmed learner'}`,
      ].join('\n') + '\n',
    );
    if (failed) process.exitCode = 1;
  } finally {
    await Promise.all(conns.map((c) => c.end().catch(() => undefined)));
    if (single) {
      const stopped = new Promise((r) => single!.once('exit', r));
      single.kill('SIGTERM');
      await stopped;
    }
    await cluster.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
