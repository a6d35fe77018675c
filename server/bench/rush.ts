// The booking morning: ten learners for every seat. Learners, drivers and logins are made by SQL;
// each rush opens ten FIRST_COME sessions whose seats are a tenth of the learners, and every learner
// asks once (every request a different learner with its own token). The app (POST
// /api/exam/bookings) and a raw baseline (node:http + mysql2: the conditional UPDATE and the
// INSERT, nothing else) take turns (raw, app, raw, app) at each connection count, on the same
// database; after each rush the bookings are checked and cleared.
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { freshDatabase, listenForBench, serveBenchApp, startChild } from './_support';

const DATABASE_URL = process.env.RUSH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jiaoguan_bench_rush';
const LEARNERS = Number(process.env.RUSH_LEARNERS ?? 30_000);
const SESSIONS = 10;
const SEATS_PER_SESSION = Math.max(1, Math.floor(LEARNERS / 10 / SESSIONS));
const CONNECTIONS = (process.env.RUSH_CONNECTIONS ?? '100,200').split(',').map(Number);
const REPEATS = Number(process.env.RUSH_REPEATS ?? 2);
const POOL = Number(process.env.RUSH_POOL ?? 20);
/** App processes behind one port (node:cluster); 1 runs the app as `npm start` does. */
const APP_PROCESSES = Number(process.env.RUSH_APP_PROCESSES ?? 1);
const APP_PORT = Number(process.env.RUSH_APP_PORT ?? 3921);
const RAW_PORT = Number(process.env.RUSH_RAW_PORT ?? 3922);
const DAY = 86_400_000;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

const tokenOf = (i: number) => `bench-rush-token-${String(i).padStart(8, '0')}`;
const idNumberOf = (i: number) => `${200000 + Math.floor(i / 1000)}19900101${String(i % 1000).padStart(3, '0')}X`;

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
async function serveApp() {
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
  await conn.query(`INSERT INTO Venue (id, name, address) VALUES (1, '压测考场', '压测路1号')`);
  const applied = new Date(Date.now() - 30 * DAY);
  const expires = new Date(Date.now() + 30 * DAY);
  for (let start = 1; start <= LEARNERS; start += 2000) {
    const ids = Array.from({ length: Math.min(2000, LEARNERS - start + 1) }, (_, k) => start + k);
    await conn.query('INSERT INTO Learner (id, idNumber, name, licenceClass, appliedAt, updatedAt) VALUES ?', [
      ids.map((i) => [i, idNumberOf(i), '压测学员', 'C1', applied, applied]),
    ]);
    await conn.query('INSERT INTO Driver (id, openid, idNumber, realName, updatedAt) VALUES ?', [
      ids.map((i) => [i, `bench-rush-openid-${i}`, idNumberOf(i), '压测学员', applied]),
    ]);
    await conn.query('INSERT INTO LoginSession (tokenHash, driverId, expiresAt) VALUES ?', [
      ids.map((i) => [createHash('sha256').update(tokenOf(i)).digest('hex'), i, expires]),
    ]);
  }
  return conn;
}

let nextSession = 1;
/** Ten new FIRST_COME sessions, open now, each with a tenth of a tenth of the learners' seats. */
async function openSessions(conn: mysql.Connection): Promise<number[]> {
  const now = Date.now();
  const ids = Array.from({ length: SESSIONS }, () => nextSession++);
  await conn.query(
    'INSERT INTO ExamSession (id, subject, licenceClass, venueId, startsAt, capacity, bookingOpensAt, bookingClosesAt, allocation) VALUES ?',
    [ids.map((id) => [id, 1, 'C1', 1, new Date(now + 12 * DAY), SEATS_PER_SESSION, new Date(now - DAY), new Date(now + 9 * DAY), 'FIRST_COME'])],
  );
  return ids;
}

/** Everything a rush wrote, gone: the learners may ask again in the next one. */
async function clearBookings(conn: mysql.Connection) {
  for (const table of ['ExamBooking', 'MessageCentreEntry', 'NotificationOutbox', 'AuditLog']) await conn.query(`DELETE FROM \`${table}\``);
}

// ------------------------------------------------------------------ CPU of a process
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return NaN;
  }
}

/** The process listening on the database's port (for its CPU), when `ss` can tell. */
function databasePid(): number | undefined {
  const port = new URL(DATABASE_URL).port || '3306';
  const r = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const m = /pid=(\d+)/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : undefined;
}

// ------------------------------------------------------------------ one rush
interface Rush {
  side: 'app' | 'raw';
  connections: number;
  seconds: number;
  lastSeatMs: number;
  confirmed: number[];
  refused: number[];
  refusedOther: number;
  fivexx: number;
  other: number;
  errors: number;
  serverCpuMs: number;
  dbCpuMs: number;
  check: string[];
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function rush(conn: mysql.Connection, side: 'app' | 'raw', connections: number, serverPids: number[], dbPid: number | undefined, learners = LEARNERS): Promise<Rush> {
  const sessions = await openSessions(conn);
  const r: Rush = { side, connections, seconds: 0, lastSeatMs: 0, confirmed: [], refused: [], refusedOther: 0, fivexx: 0, other: 0, errors: 0, serverCpuMs: 0, dbCpuMs: 0, check: [] };
  let next = 0;
  const requests = [
    {
      method: 'POST' as const,
      path: side === 'app' ? '/api/exam/bookings' : '/book',
      setupRequest(req: autocannon.Request) {
        const i = 1 + (next++ % learners);
        const sessionId = sessions[i % SESSIONS];
        const headers = { ...(req.headers ?? {}), 'content-type': 'application/json' };
        if (side === 'app') return { ...req, headers: { ...headers, authorization: `Bearer ${tokenOf(i)}` }, body: JSON.stringify({ sessionId }) };
        return { ...req, headers, body: JSON.stringify({ sessionId, learnerId: i }) };
      },
      onResponse(status: number, body: string) {
        if (status === 409 && !body.includes('"SESSION_FULL"')) r.refusedOther++;
      },
    },
  ];
  const before = { server: serverPids.map(cpuTicks), db: dbPid ? cpuTicks(dbPid) : NaN };
  const started = performance.now();
  const instance = autocannon({ url: `http://127.0.0.1:${side === 'app' ? APP_PORT : RAW_PORT}`, connections, amount: learners, requests, pipelining: 1, timeout: 30 }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  let lastAnswer = started;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    lastAnswer = performance.now();
    if (status === 201) {
      r.confirmed.push(ms);
      r.lastSeatMs = performance.now() - started;
    } else if (status === 409) r.refused.push(ms);
    else if (status >= 500) r.fivexx++;
    else r.other++;
  });
  const result = await instance;
  // Until the last answer: autocannon itself notices the end only at its next one-second tick.
  r.seconds = (lastAnswer - started) / 1000;
  r.errors = result.errors + result.timeouts;
  const after = { server: serverPids.map(cpuTicks), db: dbPid ? cpuTicks(dbPid) : NaN };
  const ticks = after.server.reduce((n, t, k) => n + t - before.server[k], 0);
  r.serverCpuMs = ((ticks / TICKS) * 1000) / learners;
  r.dbCpuMs = (((after.db - before.db) / TICKS) * 1000) / learners;
  if (next !== learners) r.check.push(`${next} requests sent for ${learners} learners`);

  // Verify: exactly the seats taken, each once, by a learner told so, who was notified once.
  const seats = SESSIONS * SEATS_PER_SESSION;
  const [held] = (await conn.query(
    `SELECT s.id, s.capacity, s.confirmedCount, COUNT(b.id) AS held
       FROM ExamSession s LEFT JOIN ExamBooking b ON b.sessionId = s.id AND b.status = 'CONFIRMED'
      WHERE s.id IN (?) GROUP BY s.id`,
    [sessions],
  )) as [{ capacity: number; confirmedCount: number; held: number }[], unknown];
  const wrong = held.filter((s) => Number(s.held) !== s.capacity || s.confirmedCount !== s.capacity).length;
  if (wrong) r.check.push(`${wrong} sessions not exactly full`);
  if (r.confirmed.length !== seats) r.check.push(`${r.confirmed.length} told CONFIRMED for ${seats} seats`);
  if (r.refused.length + r.confirmed.length !== learners || r.refusedOther) r.check.push(`${learners - r.confirmed.length} not confirmed, ${r.refused.length - r.refusedOther} of them SESSION_FULL`);
  if (r.fivexx || r.other || r.errors) r.check.push(`${r.fivexx} 5xx, ${r.other} other statuses, ${r.errors} errors`);
  const [[dup]] = (await conn.query(
    'SELECT COUNT(*) AS n FROM (SELECT learnerId FROM ExamBooking GROUP BY learnerId, subject HAVING COUNT(*) > 1) d',
  )) as [{ n: number }[], unknown];
  if (Number(dup.n)) r.check.push(`${dup.n} learners with two bookings`);
  if (side === 'app') {
    // Each confirmed learner's driver: one message-centre entry and one outbox row of the confirmation.
    for (const table of ['MessageCentreEntry', 'NotificationOutbox']) {
      const [[n]] = (await conn.query(
        `SELECT COUNT(*) AS confirmed,
                SUM(CASE WHEN (SELECT COUNT(*) FROM \`${table}\` t WHERE t.driverId = b.learnerId AND t.event = 'exam.booking_confirmed') = 1 THEN 1 ELSE 0 END) AS once
           FROM ExamBooking b WHERE b.status = 'CONFIRMED'`,
      )) as [{ confirmed: number; once: number }[], unknown];
      if (Number(n.once) !== Number(n.confirmed)) r.check.push(`${table}: ${n.once} of ${n.confirmed} confirmed learners notified exactly once`);
    }
  }
  await clearBookings(conn);
  return r;
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

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function line(r: Rush) {
  const cells = [
    `${r.side} ${r.connections}`.padEnd(8),
    f0(LEARNERS / r.seconds).padStart(8),
    f0(pct(r.confirmed, 50)).padStart(6),
    f0(pct(r.confirmed, 99)).padStart(6),
    f0(pct(r.refused, 50)).padStart(6),
    f0(pct(r.refused, 99)).padStart(6),
    f0(r.lastSeatMs).padStart(8),
    f2(r.serverCpuMs).padStart(8),
    f2(r.dbCpuMs).padStart(8),
    `  ${r.check.length ? r.check.join('; ') : 'ok'}`,
  ];
  return cells.join(' ');
}

async function main() {
  process.stdout.write(
    `preparing ${LEARNERS} learners with logins; ${SESSIONS} sessions × ${SEATS_PER_SESSION} seats per rush; app processes: ${APP_PROCESSES}\n`,
  );
  const conn = await prepareDatabase();
  const dbPid = databasePid();
  const [app, raw] = await Promise.all([startApp(), start('serve-raw')]);
  const rushes: Rush[] = [];
  const header = 'side      answ/s  cf p50 cf p99 rf p50 rf p99 last-ms  cpu/req  db/req   check';
  try {
    // Warm both (JIT, pools) with a small rush each, not counted.
    const warm = Math.min(LEARNERS, 3000);
    await rush(conn, 'raw', 50, raw.pids, dbPid, warm);
    await rush(conn, 'app', 50, app.pids, dbPid, warm);
    process.stdout.write(`${header}\n`);
    for (const connections of CONNECTIONS) {
      for (let k = 0; k < REPEATS; k++) {
        for (const side of ['raw', 'app'] as const) {
          const r = await rush(conn, side, connections, side === 'app' ? app.pids : raw.pids, dbPid);
          rushes.push(r);
          process.stdout.write(`${line(r)}\n`);
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
