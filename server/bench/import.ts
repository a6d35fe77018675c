// Import benchmark: streams 1,000,000 violation rows as CSV into POST /api/admin/import/violations (rows/s,
// the server's peak memory), then GET /api/me/violations under 50 connections beside a node:http + mysql2
// server doing the same look-up (session, plates, violations with late fees), and prints the ratio.
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { benchApp, freshDatabase, listenForBench, startChild } from './_support';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jiaoguan_bench_import';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const POOL = Number(process.env.BENCH_POOL ?? 20);
/** Violations spread over this many plates (20 per plate for a million rows). */
const PLATES = 50_000;
const APP_PORT = 3921;
const RAW_PORT = 3922;
const DAY = 86_400_000;
const ADMIN_TOKEN = 'bench-import-admin-token-0000000001';
const DRIVER_TOKEN = 'bench-import-driver-token-000000001';
const DRIVER_ID_NUMBER = '11010519491231002X';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const plateOf = (i: number) => `鲁A${String(i % PLATES).padStart(5, '0')}`;

// ------------------------------------------------------------------ servers (child processes)
async function serveApp() {
  const app = await benchApp(DATABASE_URL, POOL);
  let peak = 0;
  let heap = 0;
  setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50).unref();
  process.on('message', (m) => {
    if (m === 'peak') {
      process.send?.({ peak, heap });
      peak = 0;
      heap = 0;
    }
  });
  // A million-row upload outlasts Node's default request timeout.
  listenForBench(APP_PORT, app.callback()).requestTimeout = 0;
}

async function serveRaw() {
  const { lateFeeFen } = await import('../src/modules/inquiries/rules');
  const pool = mysql.createPool({ uri: DATABASE_URL, connectionLimit: POOL, timezone: 'Z' });
  listenForBench(RAW_PORT, async (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const [sessions] = (await pool.query(
      `SELECT d.id, d.idNumber FROM LoginSession s JOIN Driver d ON d.id = s.driverId
        WHERE s.tokenHash = ? AND s.revokedAt IS NULL AND s.expiresAt > ?`,
      [sha(token), new Date()],
    )) as [{ id: number; idNumber: string }[], unknown];
    const me = sessions[0];
    if (!me) {
      res.writeHead(401).end();
      return;
    }
    const cols = 'x.id, x.plate, x.plateType, x.occurredAt, x.place, x.code, x.description, x.fineFen, x.points, x.status, x.decidedAt';
    const [rows] = (await pool.query(
      `SELECT ${cols} FROM Violation x
         JOIN Vehicle v ON v.plate = x.plate AND v.plateType = x.plateType AND v.ownerIdNumber = ?
         JOIN DriverVehicle dv ON dv.vehicleId = v.id AND dv.driverId = ?
       UNION SELECT ${cols} FROM Violation x WHERE x.licenceNumber = ?
       ORDER BY occurredAt DESC, id DESC`,
      [me.idNumber, me.id, me.idNumber],
    )) as [{ fineFen: number; points: number; status: string; decidedAt: Date | null }[], unknown];
    const now = new Date();
    let fine = 0;
    let fee = 0;
    const items = rows.map((r) => {
      const f = lateFeeFen(r, now);
      if (r.status !== 'PAID') {
        fine += r.fineFen;
        fee += f;
      }
      return { ...r, lateFeeFen: f, amountDueFen: r.status === 'PAID' ? 0 : r.fineFen + f };
    });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ items: items.slice(0, 20), total: items.length, totals: { fineFen: fine, lateFeeFen: fee } }));
  });
}

function start(mode: 'serve-app' | 'serve-raw'): Promise<ChildProcess> {
  return startChild(__filename, mode, { BENCH_DATABASE_URL: DATABASE_URL });
}

/** The server's peak resident memory and peak V8 heap in use since the last call. */
const peakOf = (child: ChildProcess) =>
  new Promise<{ peak: number; heap: number }>((resolve) => {
    child.once('message', (m) => resolve(m as { peak: number; heap: number }));
    child.send('peak');
  });

// ------------------------------------------------------------------ setup, import, look-up
async function prepareDatabase() {
  const conn = await freshDatabase(DATABASE_URL);
  const expires = new Date(Date.now() + 30 * DAY);
  await conn.query(`INSERT INTO Staff (id, username, passwordHash, role, displayName, updatedAt) VALUES (1, 'bench.admin', 'x', 'ADMIN', '压测管理员', NOW(3))`);
  await conn.query(`INSERT INTO Driver (id, openid, idNumber, realName, updatedAt) VALUES (1, 'bench-openid', ?, '压测车主', NOW(3))`, [DRIVER_ID_NUMBER]);
  await conn.query('INSERT INTO LoginSession (tokenHash, staffId, expiresAt) VALUES (?, 1, ?), (?, NULL, ?)', [sha(ADMIN_TOKEN), expires, sha(DRIVER_TOKEN), expires]);
  await conn.query('UPDATE LoginSession SET driverId = 1 WHERE tokenHash = ?', [sha(DRIVER_TOKEN)]);
  await conn.query(
    `INSERT INTO Vehicle (id, plate, plateType, vin, ownerIdNumber, brand, model, registeredAt, status, updatedAt)
     VALUES (1, ?, '02', 'LSVAU2A37N2183456', ?, '大众', '朗逸', '2020-01-01', 'A', NOW(3))`,
    [plateOf(7), DRIVER_ID_NUMBER],
  );
  await conn.query('INSERT INTO DriverVehicle (driverId, vehicleId) VALUES (1, 1)');
  return conn;
}

/** The CSV file, produced as it is sent. */
function* csvChunks(): Generator<string> {
  yield 'plate,plateType,occurredAt,place,code,description,fineFen,points,status,decidedAt\n';
  const base = Date.UTC(2025, 0, 1);
  const statuses = ['UNPROCESSED', 'PROCESSED', 'PAID'];
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    const at = new Date(base + i * 60_000).toISOString();
    const status = statuses[i % 3];
    const decided = status === 'UNPROCESSED' ? '' : new Date(base + i * 60_000 + DAY).toISOString();
    buf += `${plateOf(i)},02,${at},薛城区人民路${i % 100}号,1625,闯红灯,20000,6,${status},${decided}\n`;
    if (buf.length > 64_000) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

function upload(): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: APP_PORT, method: 'POST', path: '/api/admin/import/violations', headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN_TOKEN}` } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    const chunks = csvChunks();
    const pump = () => {
      for (let next = chunks.next(); !next.done; next = chunks.next()) {
        if (!req.write(next.value)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

async function lookup(port: number) {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/api/me/violations`,
    headers: { authorization: `Bearer ${DRIVER_TOKEN}` },
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx + r.errors + r.timeouts };
}

async function main() {
  const conn = await prepareDatabase();
  const app = await start('serve-app');
  const raw = await start('serve-raw');
  const lines: string[] = [];
  try {
    await peakOf(app);
    const t0 = process.hrtime.bigint();
    const res = await upload();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const { peak, heap } = await peakOf(app);
    const outcome = JSON.parse(res.body) as { created: number; updated: number; rejectedCount: number };
    const [[{ n }]] = (await conn.query('SELECT COUNT(*) AS n FROM Violation')) as unknown as [[{ n: number }]];
    const rate = Math.round(ROWS / seconds);
    lines.push(
      `import: ${ROWS} violation rows (CSV, streamed) in ${seconds.toFixed(1)} s = ${rate} rows/s; HTTP ${res.status}; ` +
        `created ${outcome.created}, updated ${outcome.updated}, rejected ${outcome.rejectedCount}; rows in table ${n}`,
    );
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    lines.push(`import: server peak RSS ${mb(peak)} MB, peak JS heap in use ${mb(heap)} MB (target < 300 MB); rows/s target >= 20000`);
    await lookup(APP_PORT);
    const a1 = await lookup(APP_PORT);
    const r1 = await lookup(RAW_PORT);
    const a2 = await lookup(APP_PORT);
    const r2 = await lookup(RAW_PORT);
    const appRps = (a1.rps + a2.rps) / 2;
    const rawRps = (r1.rps + r2.rps) / 2;
    lines.push(`look-up GET /api/me/violations (20 rows of 1M, ${CONNECTIONS} connections, ${SECONDS} s x 2): app ${appRps.toFixed(0)} req/s (p99 ${a2.p99} ms, errors ${a1.non2xx + a2.non2xx})`);
    lines.push(`look-up raw mysql2 same rows: ${rawRps.toFixed(0)} req/s (p99 ${r2.p99} ms, errors ${r1.non2xx + r2.non2xx}); ratio app/raw ${(appRps / rawRps).toFixed(2)} (target >= 0.5)`);
  } finally {
    app.kill();
    raw.kill();
    await conn.end();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

const mode = process.argv[2];
(mode === 'serve-app' ? serveApp() : mode === 'serve-raw' ? serveRaw() : main()).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
