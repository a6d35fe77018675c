// Shared scaffolding of the benchmarks: the app as production runs it, a fresh database,
// child processes for the servers under test, and the load generator.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { createDatabaseIfMissing, migrate, splitDatabaseUrl } from '../src/db/migrate';

/** The benches' servers' APP_SECRET: the learners' tokens are signed with it, as a login would. */
export const BENCH_APP_SECRET = 'bench-secret-not-for-production';

/** The Koa app configured as in production (no workers, no WeChat reachable, silent logs). */
export async function benchApp(databaseUrl: string, poolSize: number) {
  const { buildApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { createDb } = await import('../src/db');
  const { createLogger } = await import('../src/logger');
  const { createWechat } = await import('../src/wechat');
  const config = loadConfig({
    NODE_ENV: 'production',
    APP_SECRET: BENCH_APP_SECRET,
    WECHAT_APPID: 'wx-bench',
    WECHAT_SECRET: 'bench',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    LOG_LEVEL: 'silent',
    RUN_WORKERS: 'false',
  });
  const db = createDb(config.databaseUrl, config.databasePoolSize);
  const { createExamRuntime } = await import('../src/modules/exams/runtime');
  const { createRateLimits } = await import('../src/lib/rate-limit');
  return buildApp({ config, db, log: createLogger('silent'), wechat: createWechat(config, db), exams: createExamRuntime(config), limits: createRateLimits(config) });
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Serves a handler on a loopback port and tells the parent it is ready (a bench child's job); a
 * handler that throws answers 500. Used by the app and by each bench's raw baseline alike.
 */
export function listenForBench(port: number, handler: Handler): Server {
  const server = createServer(async (req, res) => {
    try {
      await handler(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, '127.0.0.1', () => process.send?.('ready'));
  return server;
}

/** Serves the app on a loopback port. */
export async function serveBenchApp(databaseUrl: string, poolSize: number, port: number) {
  listenForBench(port, (await benchApp(databaseUrl, poolSize)).callback());
}

/** Drops and recreates the database from the migrations; returns a connection to fill it. */
export async function freshDatabase(databaseUrl: string) {
  const { database } = splitDatabaseUrl(databaseUrl);
  const server = new URL(databaseUrl);
  server.pathname = '/';
  const admin = await mysql.createConnection(server.toString());
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.end();
  await createDatabaseIfMissing(databaseUrl);
  await migrate(databaseUrl);
  return mysql.createConnection({ uri: databaseUrl, timezone: 'Z' });
}

/** Runs this bench file again as a child in `mode`; resolves once it says it is ready. */
export function startChild(file: string, mode: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...process.execArgv, file, mode], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${mode} exited with ${code}`)));
  });
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
}

export async function load(opts: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ pipelining: 1, ...opts });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Rounds of one endpoint as one line: median rates and latencies, summed counts. */
export function summarise(rs: Figures[]): Figures {
  return {
    rps: median(rs.map((r) => r.rps)),
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    ok: rs.reduce((n, r) => n + r.ok, 0),
    other: rs.reduce((n, r) => n + r.other, 0),
  };
}

// ------------------------------------------------------------------ the booking morning (bench:rush, bench:cluster)
// Learners with logins made by SQL, FIRST_COME sessions of a tenth of a tenth of them, and a rush
// where every learner asks once with its own token; afterwards the seats are checked and cleared.

const rushTokens = new Map<number, string>();
/** Learner i's token, as makeRushLearners minted it. */
export function rushTokenOf(i: number): string {
  const token = rushTokens.get(i);
  if (!token) throw new Error(`no rush learner ${i}`);
  return token;
}
const rushIdNumberOf = (i: number) => `${200000 + Math.floor(i / 1000)}19900101${String(i % 1000).padStart(3, '0')}X`;
const DAY = 86_400_000;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * Learners first…first+count−1, each a driver with a login (`rushTokenOf(i)`, a token like a
 * login's, signed for a server with BENCH_APP_SECRET), made by SQL.
 */
export async function makeRushLearners(conn: mysql.Connection, count: number, first = 1) {
  const { driverTokens } = await import('../src/http/driver-token');
  const tokens = driverTokens(BENCH_APP_SECRET);
  const applied = new Date(Date.now() - 30 * DAY);
  const expires = new Date(Date.now() + 30 * DAY);
  for (let start = first; start < first + count; start += 2000) {
    const ids = Array.from({ length: Math.min(2000, first + count - start) }, (_, k) => start + k);
    await conn.query('INSERT INTO Learner (id, idNumber, name, licenceClass, appliedAt, updatedAt) VALUES ?', [
      ids.map((i) => [i, rushIdNumberOf(i), '压测学员', 'C1', applied, applied]),
    ]);
    await conn.query('INSERT INTO Driver (id, openid, idNumber, realName, updatedAt) VALUES ?', [
      ids.map((i) => [i, `bench-rush-openid-${i}`, rushIdNumberOf(i), '压测学员', applied]),
    ]);
    await conn.query('INSERT INTO LoginSession (tokenHash, driverId, expiresAt) VALUES ?', [
      ids.map((i) => {
        const { token, tokenHash } = tokens.mint(i, expires);
        rushTokens.set(i, token);
        return [tokenHash, i, expires];
      }),
    ]);
  }
}

/** `count` new FIRST_COME sessions at the venue, open now, `seats` each; their ids. */
export async function openRushSessions(conn: mysql.Connection, venueId: number, count: number, seats: number): Promise<number[]> {
  const now = Date.now();
  const ids: number[] = [];
  for (let k = 0; k < count; k++) {
    const [r] = (await conn.query(
      'INSERT INTO ExamSession (subject, licenceClass, venueId, startsAt, capacity, bookingOpensAt, bookingClosesAt, allocation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [1, 'C1', venueId, new Date(now + 12 * DAY), seats, new Date(now - DAY), new Date(now + 9 * DAY), 'FIRST_COME'],
    )) as [{ insertId: number }, unknown];
    ids.push(r.insertId);
  }
  return ids;
}

/** Everything a rush wrote, gone: the learners may ask again in the next one. */
export async function clearRushBookings(conn: mysql.Connection) {
  for (const table of ['ExamBooking', 'MessageCentreEntry', 'NotificationOutbox', 'AuditLog']) await conn.query(`DELETE FROM \`${table}\``);
}

/** CPU ticks (user + system) a process has used so far; NaN when it is gone. */
export function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return NaN;
  }
}

/** The process listening on the database's port (for its CPU), when `ss` can tell. */
export function databasePid(databaseUrl: string): number | undefined {
  const port = new URL(databaseUrl).port || '3306';
  const r = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const m = /pid=(\d+)/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : undefined;
}

export interface Rush {
  /** What is measured (the printed label): app, raw, single, cluster. */
  side: string;
  connections: number;
  learners: number;
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

export interface RushOptions {
  side: string;
  /** The base URL the rush goes to. */
  url: string;
  /** 'app': POST /api/exam/bookings with the learner's token (checks one notification per seat); 'raw': the bench's raw /book. */
  kind: 'app' | 'raw';
  connections: number;
  learners: number;
  /** The first learner's id (makeRushLearners' `first`); 1 unless said. */
  firstLearner?: number;
  venueId: number;
  sessions: number;
  seatsPerSession: number;
  serverPids: number[];
  dbPids: number[];
}

export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/**
 * One rush on fresh sessions: every learner asks once; then checks exactly full, the rest
 * SESSION_FULL, no 5xx, nobody holding two, and (app) one message-centre entry and one outbox row
 * per confirmed learner; then clears the bookings. `conn` must read every write the rush made (on
 * a Galera node: a session with wsrep_sync_wait).
 */
export async function runRush(conn: mysql.Connection, o: RushOptions): Promise<Rush> {
  const sessions = await openRushSessions(conn, o.venueId, o.sessions, o.seatsPerSession);
  const r: Rush = {
    side: o.side, connections: o.connections, learners: o.learners, seconds: 0, lastSeatMs: 0, confirmed: [], refused: [],
    refusedOther: 0, fivexx: 0, other: 0, errors: 0, serverCpuMs: 0, dbCpuMs: 0, check: [],
  };
  let next = 0;
  const requests = [
    {
      method: 'POST' as const,
      path: o.kind === 'app' ? '/api/exam/bookings' : '/book',
      setupRequest(req: autocannon.Request) {
        const i = (o.firstLearner ?? 1) + (next++ % o.learners);
        const sessionId = sessions[i % o.sessions];
        const headers = { ...(req.headers ?? {}), 'content-type': 'application/json' };
        if (o.kind === 'app') return { ...req, headers: { ...headers, authorization: `Bearer ${rushTokenOf(i)}` }, body: JSON.stringify({ sessionId }) };
        return { ...req, headers, body: JSON.stringify({ sessionId, learnerId: i }) };
      },
      onResponse(status: number, body: string) {
        if (status === 409 && !body.includes('"SESSION_FULL"')) r.refusedOther++;
      },
    },
  ];
  const sum = (pids: number[]) => pids.reduce((n, pid) => n + cpuTicks(pid), 0);
  const before = { server: sum(o.serverPids), db: sum(o.dbPids) };
  const started = performance.now();
  const instance = autocannon({ url: o.url, connections: o.connections, amount: o.learners, requests, pipelining: 1, timeout: 30 }) as unknown as autocannon.Instance &
    PromiseLike<autocannon.Result>;
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
  r.serverCpuMs = (((sum(o.serverPids) - before.server) / TICKS) * 1000) / o.learners;
  r.dbCpuMs = (((sum(o.dbPids) - before.db) / TICKS) * 1000) / o.learners;
  if (next !== o.learners) r.check.push(`${next} requests sent for ${o.learners} learners`);

  // Verify: exactly the seats taken, each once, by a learner told so, who was notified once.
  const seats = o.sessions * o.seatsPerSession;
  const [held] = (await conn.query(
    `SELECT s.id, s.capacity, s.confirmedCount, COUNT(b.id) AS held
       FROM ExamSession s LEFT JOIN ExamBooking b ON b.sessionId = s.id AND b.status = 'CONFIRMED'
      WHERE s.id IN (?) GROUP BY s.id`,
    [sessions],
  )) as [{ capacity: number; confirmedCount: number; held: number }[], unknown];
  const wrong = held.filter((s) => Number(s.held) !== s.capacity || s.confirmedCount !== s.capacity).length;
  if (wrong) r.check.push(`${wrong} sessions not exactly full`);
  if (r.confirmed.length !== seats) r.check.push(`${r.confirmed.length} told CONFIRMED for ${seats} seats`);
  if (r.refused.length + r.confirmed.length !== o.learners || r.refusedOther) {
    r.check.push(`${o.learners - r.confirmed.length} not confirmed, ${r.refused.length - r.refusedOther} of them SESSION_FULL`);
  }
  if (r.fivexx || r.other || r.errors) r.check.push(`${r.fivexx} 5xx, ${r.other} other statuses, ${r.errors} errors`);
  const [[dup]] = (await conn.query(
    'SELECT COUNT(*) AS n FROM (SELECT learnerId FROM ExamBooking GROUP BY learnerId, subject HAVING COUNT(*) > 1) d',
  )) as [{ n: number }[], unknown];
  if (Number(dup.n)) r.check.push(`${dup.n} learners with two bookings`);
  if (o.kind === 'app') {
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
  await clearRushBookings(conn);
  return r;
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');

export const RUSH_HEADER = 'side      answ/s  cf p50 cf p99 rf p50 rf p99 last-ms  cpu/req  db/req   check';

/** One rush as a line under RUSH_HEADER. */
export function rushLine(r: Rush) {
  const cells = [
    `${r.side} ${r.connections}`.padEnd(8),
    f0(r.learners / r.seconds).padStart(8),
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
