// Booking-rush benchmark: POST /api/exam/bookings (FIRST_COME, authenticated, every rule checked)
// and GET /api/exam/sessions against a minimal node:http + mysql2 server doing only the seat-taking
// UPDATE + INSERT (and only the SELECT), side by side on loopback; then checks nothing overbooked.
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { freshDatabase, listenForBench, serveBenchApp, startChild, load as loadWith, summarise, type Figures } from './_support';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jiaoguan_bench_exams';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const POOL = Number(process.env.BENCH_POOL ?? 20);
/** Learners per side; each books once, so this bounds the bookings a run can make. */
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 60_000);
const APP_PORT = 3911;

const RAW_PORT = 3912;
const DAY = 86_400_000;

const tokenOf = (i: number) => `bench-exams-token-${String(i).padStart(8, '0')}`;
const idNumberOf = (i: number) => `${100000 + Math.floor(i / 1000)}19900101${String(i % 1000).padStart(3, '0')}X`;

// ------------------------------------------------------------------ the raw baseline server
async function serveRaw() {
  const pool = mysql.createPool({ uri: DATABASE_URL, connectionLimit: POOL, timezone: 'Z' });
  listenForBench(RAW_PORT, async (req, res) => {
    if (req.method === 'GET') {
      const [rows] = await pool.query(
        `SELECT s.id, s.subject, s.licenceClass, s.startsAt, s.capacity, s.confirmedCount, s.applicantCount,
                s.bookingOpensAt, s.bookingClosesAt, s.allocation, v.name AS venueName
           FROM ExamSession s JOIN Venue v ON v.id = s.venueId
          WHERE s.startsAt >= ? ORDER BY s.startsAt, s.id LIMIT 20`,
        [new Date()],
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: rows }));
      return;
    }
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
        res.writeHead(409).end('{"error":{"code":"SESSION_FULL"}}');
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

// ------------------------------------------------------------------ the app server
const serveApp = () => serveBenchApp(DATABASE_URL, POOL, APP_PORT);

// ------------------------------------------------------------------ setup, load, report
async function prepareDatabase() {
  const conn = await freshDatabase(DATABASE_URL);
  const now = Date.now();
  await conn.query(`INSERT INTO Venue (id, name, address) VALUES (1, '压测考场', '压测路1号')`);
  const session = (id: number, subject: number, capacity: number, daysAhead: number, allocation: string) => [
    id, subject, 'C1', 1, new Date(now + daysAhead * DAY), capacity, new Date(now - DAY), new Date(now + (daysAhead - 3) * DAY), allocation,
  ];
  // 1: the app's rush session; 2: the raw baseline's; 3–40: more sessions for the list.
  const sessions = [session(1, 1, 1_000_000, 12, 'FIRST_COME'), session(2, 1, 1_000_000, 12, 'FIRST_COME')];
  for (let id = 3; id <= 40; id++) sessions.push(session(id, 1 + (id % 4), 50 + id, 12 + (id % 20), id % 2 ? 'RANKED' : 'FIRST_COME'));
  await conn.query(
    'INSERT INTO ExamSession (id, subject, licenceClass, venueId, startsAt, capacity, bookingOpensAt, bookingClosesAt, allocation) VALUES ?',
    [sessions],
  );
  const applied = new Date(now - 30 * DAY);
  const expires = new Date(now + 30 * DAY);
  for (let start = 1; start <= 2 * LEARNERS; start += 2000) {
    const ids = Array.from({ length: Math.min(2000, 2 * LEARNERS - start + 1) }, (_, k) => start + k);
    await conn.query('INSERT INTO Learner (id, idNumber, name, licenceClass, appliedAt, updatedAt) VALUES ?', [
      ids.map((i) => [i, idNumberOf(i), '压测学员', 'C1', applied, applied]),
    ]);
    await conn.query('INSERT INTO Driver (id, openid, idNumber, realName, updatedAt) VALUES ?', [
      ids.map((i) => [i, `bench-openid-${i}`, idNumberOf(i), '压测学员', applied]),
    ]);
    await conn.query('INSERT INTO LoginSession (tokenHash, driverId, expiresAt) VALUES ?', [
      ids.map((i) => [createHash('sha256').update(tokenOf(i)).digest('hex'), i, expires]),
    ]);
  }
  return conn;
}

function start(mode: 'serve-app' | 'serve-raw'): Promise<ChildProcess> {
  return startChild(__filename, mode, { BENCH_DATABASE_URL: DATABASE_URL });
}

const load = (opts: autocannon.Options) => loadWith({ connections: CONNECTIONS, duration: SECONDS, ...opts });

/** Each request books for the next learner of the side's range, so every booking is a new one. */
function bookingRequests(side: 'app' | 'raw') {
  let next = side === 'app' ? 1 : LEARNERS + 1;
  const last = side === 'app' ? LEARNERS : 2 * LEARNERS;
  return [
    {
      method: 'POST' as const,
      path: side === 'app' ? '/api/exam/bookings' : '/book',
      setupRequest(req: autocannon.Request) {
        const i = next <= last ? next++ : last;
        const headers = { ...(req.headers ?? {}), 'content-type': 'application/json' };
        if (side === 'app') {
          return { ...req, headers: { ...headers, authorization: `Bearer ${tokenOf(i)}` }, body: JSON.stringify({ sessionId: 1 }) };
        }
        return { ...req, headers, body: JSON.stringify({ sessionId: 2, learnerId: i }) };
      },
    },
  ];
}

async function main() {
  process.stdout.write(`preparing ${LEARNERS * 2} learners with logins in a fresh database…\n`);
  const conn = await prepareDatabase();
  const [app, raw] = await Promise.all([start('serve-app'), start('serve-raw')]);
  const runs: Record<string, Figures[]> = { 'book app': [], 'book raw': [], 'list app': [], 'list raw': [] };
  try {
    // Warm both servers (JIT, pools, caches) before measuring.
    await autocannon({ url: `http://127.0.0.1:${APP_PORT}/api/exam/sessions`, connections: 10, duration: 2 });
    await autocannon({ url: `http://127.0.0.1:${RAW_PORT}/sessions`, connections: 10, duration: 2 });
    const appBook = bookingRequests('app');
    const rawBook = bookingRequests('raw');
    // The booking paths warm up too (with learners of their own range, like the measured rounds).
    await load({ url: `http://127.0.0.1:${APP_PORT}`, requests: appBook, duration: 2 });
    await load({ url: `http://127.0.0.1:${RAW_PORT}`, requests: rawBook, duration: 2 });
    for (let round = 1; round <= ROUNDS; round++) {
      process.stdout.write(`round ${round}/${ROUNDS}…\n`);
      runs['book app'].push(await load({ url: `http://127.0.0.1:${APP_PORT}`, requests: appBook }));
      runs['book raw'].push(await load({ url: `http://127.0.0.1:${RAW_PORT}`, requests: rawBook }));
      runs['list app'].push(await load({ url: `http://127.0.0.1:${APP_PORT}/api/exam/sessions` }));
      runs['list raw'].push(await load({ url: `http://127.0.0.1:${RAW_PORT}/sessions` }));
    }
  } finally {
    app.kill('SIGTERM');
    raw.kill('SIGTERM');
  }
  const summary = Object.fromEntries(
    Object.entries(runs).map(([name, rs]) => [
      name,
      summarise(rs),
    ]),
  );
  const lines = [
    `exam booking rush: ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds (medians), loopback`,
    'endpoint                 req/s    p50 ms   p99 ms      2xx   other',
    ...Object.entries(summary).map(
      ([name, f]) =>
        `${name.padEnd(22)} ${f.rps.toFixed(0).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.ok).padStart(8)} ${String(f.other).padStart(7)}`,
    ),
    `booking ratio app/raw: ${(summary['book app'].rps / summary['book raw'].rps).toFixed(2)} (target ≥ 0.5, p99 ≤ 100 ms)`,
    `listing ratio app/raw: ${(summary['list app'].rps / summary['list raw'].rps).toFixed(2)} (target ≥ 0.5)`,
  ];
  const [over] = (await conn.query(
    `SELECT s.id, s.capacity, s.confirmedCount, COUNT(b.id) AS held
       FROM ExamSession s LEFT JOIN ExamBooking b ON b.sessionId = s.id AND b.status = 'CONFIRMED'
      GROUP BY s.id HAVING held > s.capacity OR held <> s.confirmedCount`,
  )) as [unknown[], unknown];
  const [[dup]] = (await conn.query(
    `SELECT COUNT(*) AS n FROM (SELECT learnerId FROM ExamBooking WHERE activeKey IS NOT NULL GROUP BY learnerId, subject HAVING COUNT(*) > 1) d`,
  )) as [{ n: number }[], unknown];
  lines.push(`check: sessions over capacity or with a wrong count: ${over.length}; learners with two active bookings per subject: ${dup.n}`);
  await conn.end();
  process.stdout.write(`${lines.join('\n')}\n`);
  if (over.length > 0 || Number(dup.n) > 0) process.exitCode = 1;
}

const mode = process.argv[2];
(mode === 'serve-app' ? serveApp() : mode === 'serve-raw' ? serveRaw() : main()).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
