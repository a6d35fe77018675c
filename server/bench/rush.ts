// The booking morning: ten learners for every seat. Learners, drivers and logins are made by SQL;
// each rush opens ten FIRST_COME sessions whose seats are a tenth of the learners, and every learner
// asks once (every request a different learner with its own token). The app (POST
// /api/exam/bookings) and a raw baseline (node:http + mysql2: the conditional UPDATE and the
// INSERT, nothing else) take turns (raw, app, raw, app) at each connection count, on the same
// database; after each rush the bookings are checked and cleared.
import type { ChildProcess } from 'node:child_process';
import cluster from 'node:cluster';
import mysql from 'mysql2/promise';
import {
  RUSH_HEADER, databasePid, freshDatabase, listenForBench, makeRushLearners, pct, runRush, rushLine, serveBenchApp, startChild,
  type Rush,
} from './_support';

const DATABASE_URL = process.env.RUSH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jiaoguan_bench_rush';
const LEARNERS = Number(process.env.RUSH_LEARNERS ?? 30_000);
const SESSIONS = 10;
/** A tenth of the learners by default; RUSH_SEATS_PER_SESSION=1 measures refusals almost alone. */
const SEATS_PER_SESSION = Number(process.env.RUSH_SEATS_PER_SESSION ?? Math.max(1, Math.floor(LEARNERS / 10 / SESSIONS)));
const CONNECTIONS = (process.env.RUSH_CONNECTIONS ?? '100,200').split(',').map(Number);
const REPEATS = Number(process.env.RUSH_REPEATS ?? 2);
const POOL = Number(process.env.RUSH_POOL ?? 20);
/** App processes behind one port (node:cluster); 1 runs the app as `npm start` does. */
const APP_PROCESSES = Number(process.env.RUSH_APP_PROCESSES ?? 1);
const APP_PORT = Number(process.env.RUSH_APP_PORT ?? 3921);
const RAW_PORT = Number(process.env.RUSH_RAW_PORT ?? 3922);
const VENUE = 1;
/** A folder: the app process(es) write a V8 CPU profile there (node:inspector) when the bench ends. */
const CPU_PROFILE_DIR = process.env.RUSH_CPU_PROFILE;

// ------------------------------------------------------------------ the raw baseline server
async function serveRaw() {
  const pool = mysql.createPool({ uri: DATABASE_URL, connectionLimit: POOL, timezone: 'Z' });
  listenForBench(RAW_PORT, async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const { sessionId, learnerId } = JSON.parse(raw) as { sessionId: number; learnerId: number };
    const conn = await pool.getConnection();
    try {
      const now = new Date();
      await conn.beginTransaction();
      const [upd] = (await conn.query(
        `UPDATE ExamSession SET confirmedCount = confirmedCount + 1
          WHERE id = ? AND confirmedCount < capacity AND bookingOpensAt <= ? AND bookingClosesAt > ?`,
        [sessionId, now, now],
      )) as [{ affectedRows: number }, unknown];
      if (upd.affectedRows !== 1) {
        await conn.rollback();
        res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":{"code":"SESSION_FULL"}}');
        return;
      }
      const [ins] = (await conn.query(
        `INSERT INTO ExamBooking (sessionId, learnerId, subject, status, sortTime, activeKey, createdAt, decidedAt)
         VALUES (?, ?, 1, 'CONFIRMED', ?, ?, ?, ?)`,
        [sessionId, learnerId, now, `${learnerId}:1`, now, now],
      )) as [{ insertId: number }, unknown];
      await conn.commit();
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: ins.insertId, status: 'CONFIRMED' }));
    } catch (err) {
      await conn.rollback();
      throw err;
    } finally {
      conn.release();
    }
  });
}

// ------------------------------------------------------------------ the app server (1 or n processes)
/** Profiles this process from now until SIGTERM, then writes `app-<pid>.cpuprofile` into `dir`. */
async function profileUntilTerm(dir: string) {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  process.once('SIGTERM', async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${dir}/app-${process.pid}.cpuprofile`, JSON.stringify(profile));
    process.exit(0);
  });
}

async function serveApp() {
  if (CPU_PROFILE_DIR && !(APP_PROCESSES > 1 && cluster.isPrimary)) await profileUntilTerm(CPU_PROFILE_DIR);
  if (APP_PROCESSES <= 1) {
    await serveBenchApp(DATABASE_URL, POOL, APP_PORT);
    return;
  }
  if (cluster.isPrimary) {
    let ready = 0;
    const pids: number[] = [];
    for (let k = 0; k < APP_PROCESSES; k++) {
      const worker = cluster.fork();
      pids.push(worker.process.pid!);
      worker.once('message', () => {
        if (++ready === APP_PROCESSES) process.send?.({ pids });
      });
    }
    process.once('SIGTERM', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      process.exit(0);
    });
    return;
  }
  // Each process its share of the pool, so the database sees as many connections as with one.
  await serveBenchApp(DATABASE_URL, Math.max(3, Math.ceil(POOL / APP_PROCESSES)), APP_PORT);
}

// ------------------------------------------------------------------ setup
async function prepareDatabase() {
  const conn = await freshDatabase(DATABASE_URL);
  await conn.query(`INSERT INTO Venue (id, name, address) VALUES (${VENUE}, '压测考场', '压测路1号')`);
  await makeRushLearners(conn, LEARNERS);
  return conn;
}

/** One rush of the app or the raw baseline (on its own port), every learner once. */
function rush(conn: mysql.Connection, side: 'app' | 'raw', connections: number, serverPids: number[], dbPid: number | undefined, learners = LEARNERS): Promise<Rush> {
  return runRush(conn, {
    side,
    kind: side,
    url: `http://127.0.0.1:${side === 'app' ? APP_PORT : RAW_PORT}`,
    connections,
    learners,
    venueId: VENUE,
    sessions: SESSIONS,
    seatsPerSession: SEATS_PER_SESSION,
    serverPids,
    dbPids: dbPid ? [dbPid] : [],
  });
}

// ------------------------------------------------------------------ report
function start(mode: 'serve-app' | 'serve-raw'): Promise<{ child: ChildProcess; pids: number[] }> {
  return new Promise((resolve, reject) => {
    startChild(__filename, mode, { RUSH_DATABASE_URL: DATABASE_URL }).then((child) => resolve({ child, pids: [child.pid!] }), reject);
  });
}

/** The app child, and the pids whose CPU is the app's (the cluster's workers when there are several). */
async function startApp(): Promise<{ child: ChildProcess; pids: number[] }> {
  if (APP_PROCESSES <= 1) return start('serve-app');
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, __filename, 'serve-app'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, RUSH_DATABASE_URL: DATABASE_URL },
  });
  const pids = await new Promise<number[]>((resolve, reject) => {
    child.once('message', (m: { pids: number[] }) => resolve(m.pids));
    child.once('exit', (code) => reject(new Error(`serve-app exited with ${code}`)));
  });
  return { child, pids: [child.pid!, ...pids] };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  process.stdout.write(
    `preparing ${LEARNERS} learners with logins; ${SESSIONS} sessions × ${SEATS_PER_SESSION} seats per rush; app processes: ${APP_PROCESSES}\n`,
  );
  const conn = await prepareDatabase();
  const dbPid = databasePid(DATABASE_URL);
  const [app, raw] = await Promise.all([startApp(), start('serve-raw')]);
  const rushes: Rush[] = [];
  try {
    // Warm both (JIT, pools) with a small rush each, not counted.
    const warm = Math.min(LEARNERS, 3000);
    await rush(conn, 'raw', 50, raw.pids, dbPid, warm);
    await rush(conn, 'app', 50, app.pids, dbPid, warm);
    process.stdout.write(`${RUSH_HEADER}\n`);
    for (const connections of CONNECTIONS) {
      for (let k = 0; k < REPEATS; k++) {
        for (const side of ['raw', 'app'] as const) {
          const r = await rush(conn, side, connections, side === 'app' ? app.pids : raw.pids, dbPid);
          rushes.push(r);
          process.stdout.write(`${rushLine(r)}\n`);
        }
      }
    }
  } finally {
    app.child.kill('SIGTERM');
    raw.child.kill('SIGTERM');
  }
  await conn.end();
  const out = [
    `booking morning: ${LEARNERS} learners, ${SESSIONS * SEATS_PER_SESSION} seats in ${SESSIONS} FIRST_COME sessions, each learner asks once; ${REPEATS} rushes per side and connection count, alternated; loopback`,
    'answ/s: answers per second over the whole rush; cf/rf: latency (ms) of confirmations (201) and refusals (409 SESSION_FULL);',
    'last-ms: when the last seat was confirmed; cpu/req and db/req: CPU ms per request of the server process(es) and of MariaDB',
    `app/raw (pairs run one after the other):`,
  ];
  const failed = rushes.some((r) => r.check.length > 0);
  for (const connections of CONNECTIONS) {
    const pairs = rushes.filter((r) => r.connections === connections);
    const ratios: number[] = [];
    for (let k = 0; k + 1 < pairs.length; k += 2) ratios.push(pairs[k].seconds / pairs[k + 1].seconds);
    const apps = pairs.filter((r) => r.side === 'app');
    const raws = pairs.filter((r) => r.side === 'raw');
    out.push(
      `  ${connections} connections: answers/s ${ratios.map(f2).join(', ')} (median ${f2(median(ratios))}; target ≥ 0.8 at 100)` +
        `; app p99 confirmations ${apps.map((r) => f0(pct(r.confirmed, 99))).join('/')} ms, refusals ${apps.map((r) => f0(pct(r.refused, 99))).join('/')} ms (target ≤ 100)` +
        `; CPU per request app/raw ${f1(median(apps.map((r) => r.serverCpuMs)) / median(raws.map((r) => r.serverCpuMs)))}, MariaDB app/raw ${f1(median(apps.map((r) => r.dbCpuMs)) / median(raws.map((r) => r.dbCpuMs)))}`,
    );
  }
  out.push(`checks: ${failed ? 'FAILED (see the lines above)' : 'every rush exactly full, every other learner told SESSION_FULL, no 5xx, no double booking, each confirmed learner notified once'}`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (failed) process.exitCode = 1;
}

const mode = process.argv[2];
(mode === 'serve-app' ? serveApp() : mode === 'serve-raw' ? serveRaw() : main()).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
