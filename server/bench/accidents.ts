// Officer benchmark: with 100,000 accident cases seeded, GET /api/officer/accidents (the unit's
// review queue) and GET /api/officer/accidents/:id (the case view) under load, side by side with a
// minimal node:http + mysql2 server reading the same rows (session check included, as the app makes
// one); prints req/s, p50/p99 and the ratio.
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { freshDatabase, listenForBench, serveBenchApp, startChild, load as loadWith, summarise, type Figures } from './_support';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jiaoguan_bench_accidents';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const POOL = Number(process.env.BENCH_POOL ?? 20);
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const DRIVERS = 2000;
const APP_PORT = 3921;
const RAW_PORT = 3922;
const OFFICER_TOKEN = 'bench-accidents-officer-token-0001';
const STATUSES = ['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'PENDING_REVIEW', 'NEGOTIATING', 'RETURNED', 'EXPIRED', 'CANCELLED', 'CONFIRMED', 'TRANSFERRED'];
const UNITS = 7;

/** Pending cases of unit 6 (tengzhou), the officer's; the case-view load cycles through them. */
const pendingIdsOfUnit = (unitId: number) => {
  const ids: number[] = [];
  for (let id = 1; id <= CASES; id++) if (STATUSES[id % STATUSES.length] === 'PENDING_REVIEW' && (id % UNITS) + 1 === unitId) ids.push(id);
  return ids;
};
const TENGZHOU = 6;

// ------------------------------------------------------------------ the raw baseline server
async function serveRaw() {
  const pool = mysql.createPool({ uri: DATABASE_URL, connectionLimit: POOL, timezone: 'Z' });
  const tokenHash = createHash('sha256').update(OFFICER_TOKEN).digest('hex');
  listenForBench(RAW_PORT, async (req, res) => {
    // The same session check the app makes: the caller's session row and unit.
    const [[session]] = (await pool.query(
      `SELECT s.id, st.unitId FROM LoginSession s JOIN Staff st ON st.id = s.staffId
        WHERE s.tokenHash = ? AND s.revokedAt IS NULL AND s.expiresAt > ? AND st.active = 1`,
      [tokenHash, new Date()],
    )) as [{ unitId: number }[], unknown];
    if (!session) {
      res.writeHead(401).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const caseMatch = /^\/case\/(\d+)$/.exec(url.pathname);
    if (caseMatch) {
      const id = Number(caseMatch[1]);
      const [[c]] = (await pool.query(
        `SELECT c.*, u.code AS unitCode, u.name AS unitName FROM AccidentCase c JOIN Unit u ON u.id = c.unitId WHERE c.id = ? AND c.unitId = ?`,
        [id, TENGZHOU],
      )) as [Record<string, unknown>[], unknown];
      if (!c) {
        res.writeHead(404).end();
        return;
      }
      const [parties] = await pool.query('SELECT * FROM AccidentParty WHERE caseId = ? ORDER BY role', [id]);
      const [files] = await pool.query(
        'SELECT id, slot, sha256, mimeType, sizeBytes, width, height, capturedAt, receivedAt, uploadedById FROM EvidenceFile WHERE caseId = ? ORDER BY id',
        [id],
      );
      const [events] = await pool.query('SELECT * FROM CaseEvent WHERE caseId = ? ORDER BY id', [id]);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...c, parties, files, events }));
      return;
    }
    const [items] = await pool.query(
      `SELECT c.id, c.caseNumber, c.status, c.occurredAt, c.address, c.vehicleCount, c.disputed, c.scenario, c.updatedAt,
              GROUP_CONCAT(p.plate ORDER BY p.role) AS plates
         FROM (SELECT * FROM AccidentCase WHERE unitId = ? AND status = 'PENDING_REVIEW' ORDER BY updatedAt, id LIMIT 20) c
         LEFT JOIN AccidentParty p ON p.caseId = c.id
        GROUP BY c.id ORDER BY c.updatedAt, c.id`,
      [TENGZHOU],
    );
    const [[{ total }]] = (await pool.query(
      `SELECT COUNT(*) AS total FROM AccidentCase WHERE unitId = ? AND status = 'PENDING_REVIEW'`,
      [TENGZHOU],
    )) as [{ total: number }[], unknown];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items, total }));
  });
}

// ------------------------------------------------------------------ the app server
const serveApp = () => serveBenchApp(DATABASE_URL, POOL, APP_PORT);

// ------------------------------------------------------------------ setup, load, report
async function prepareDatabase() {
  const conn = await freshDatabase(DATABASE_URL);
  const now = Date.now();
  const created = new Date(now - 86_400_000);
  await conn.query('INSERT INTO Driver (id, openid, updatedAt) VALUES ?', [
    Array.from({ length: DRIVERS }, (_, k) => [k + 1, `bench-accidents-${k + 1}`, created]),
  ]);
  await conn.query(
    `INSERT INTO Staff (id, username, passwordHash, role, displayName, unitId, updatedAt) VALUES (1, 'bench.officer', 'x', 'OFFICER', '压测民警', ?, ?)`,
    [TENGZHOU, created],
  );
  await conn.query('INSERT INTO LoginSession (tokenHash, staffId, expiresAt) VALUES (?, 1, ?)', [
    createHash('sha256').update(OFFICER_TOKEN).digest('hex'),
    new Date(now + 86_400_000),
  ]);
  const batch = 2000;
  for (let start = 1; start <= CASES; start += batch) {
    const ids = Array.from({ length: Math.min(batch, CASES - start + 1) }, (_, k) => start + k);
    const at = (id: number) => new Date(now - (CASES - id) * 30_000);
    await conn.query(
      `INSERT INTO AccidentCase (id, caseNumber, status, unitId, reporterId, occurredAt, latitude, longitude, address, weather,
         vehicleCount, scenario, atFault, disputed, version, createdAt, updatedAt) VALUES ?`,
      [
        ids.map((id) => [
          id, `SG2026${String(id).padStart(10, '0')}`, STATUSES[id % STATUSES.length], (id % UNITS) + 1, (id % DRIVERS) + 1,
          at(id), 35.1, 117.17, '滕州市善国北路与荆河路交叉口', '晴', 2, 'REAR_END', 'A', id % 3 === 0, 5, at(id), at(id),
        ]),
      ],
    );
    await conn.query(
      `INSERT INTO AccidentParty (caseId, role, driverId, plate, plateType, driverName, licenceNumber, phone, insurer, policyNumber, agreed, answeredAt, joinedAt) VALUES ?`,
      [
        ids.flatMap((id) => [
          [id, 'A', (id % DRIVERS) + 1, '鲁D12345', '02', '张伟', '370402198503121011', '13800000001', '中国人保', 'PICC1', true, at(id), at(id)],
          [id, 'B', ((id + 1) % DRIVERS) + 1, '鲁DD12345', '52', '李娜', '370481199207082021', '13900000002', '平安保险', 'PA1', true, at(id), at(id)],
        ]),
      ],
    );
    await conn.query(
      'INSERT INTO EvidenceFile (caseId, uploadedById, slot, storageKey, sha256, mimeType, sizeBytes, width, height, receivedAt) VALUES ?',
      [
        ids.flatMap((id) =>
          ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT'].map((slot) => [
            id, (id % DRIVERS) + 1, slot, `cases/${id}/${slot.toLowerCase()}.jpg`, createHash('sha256').update(`${id}${slot}`).digest('hex'),
            'image/jpeg', 1_500_000, 1920, 1080, at(id),
          ]),
        ),
      ],
    );
    await conn.query('INSERT INTO CaseEvent (caseId, type, actorType, actorId, fromStatus, toStatus, at) VALUES ?', [
      ids.flatMap((id) => [
        [id, 'CREATED', 'DRIVER', (id % DRIVERS) + 1, null, 'DRAFT', at(id)],
        [id, 'INVITE_OPENED', 'DRIVER', (id % DRIVERS) + 1, 'DRAFT', 'WAITING_FOR_PARTY', at(id)],
        [id, 'PARTY_JOINED', 'DRIVER', ((id + 1) % DRIVERS) + 1, 'WAITING_FOR_PARTY', 'NEGOTIATING', at(id)],
        [id, 'SUBMITTED', 'DRIVER', ((id + 1) % DRIVERS) + 1, 'NEGOTIATING', 'PENDING_REVIEW', at(id)],
      ]),
    ]);
  }
  return conn;
}

function start(mode: 'serve-app' | 'serve-raw'): Promise<ChildProcess> {
  return startChild(__filename, mode, { BENCH_DATABASE_URL: DATABASE_URL });
}

const load = (opts: autocannon.Options) => loadWith({ connections: CONNECTIONS, duration: SECONDS, ...opts });

/** Each request views the next pending case of the officer's unit. */
function caseViews(side: 'app' | 'raw', ids: number[]) {
  let next = 0;
  return [
    {
      method: 'GET' as const,
      setupRequest(req: autocannon.Request) {
        const id = ids[next++ % ids.length];
        return side === 'app'
          ? { ...req, path: `/api/officer/accidents/${id}`, headers: { ...(req.headers ?? {}), authorization: `Bearer ${OFFICER_TOKEN}` } }
          : { ...req, path: `/case/${id}` };
      },
    },
  ];
}

async function main() {
  process.stdout.write(`preparing ${CASES} accident cases (parties, photos, events) in a fresh database…\n`);
  const conn = await prepareDatabase();
  const ids = pendingIdsOfUnit(TENGZHOU);
  const [app, raw] = await Promise.all([start('serve-app'), start('serve-raw')]);
  const auth = { authorization: `Bearer ${OFFICER_TOKEN}` };
  const queueUrl = `http://127.0.0.1:${APP_PORT}/api/officer/accidents?status=PENDING_REVIEW`;
  const runs: Record<string, Figures[]> = { 'queue app': [], 'queue raw': [], 'case app': [], 'case raw': [] };
  try {
    const check = await fetch(queueUrl, { headers: auth });
    const body = (await check.json()) as { total: number; items: unknown[] };
    if (check.status !== 200 || body.items.length === 0) throw new Error(`queue answered ${check.status}`);
    process.stdout.write(`queue of the officer's unit: ${body.total} cases awaiting review\n`);
    await autocannon({ url: queueUrl, headers: auth, connections: 10, duration: 2 });
    await autocannon({ url: `http://127.0.0.1:${RAW_PORT}/queue`, connections: 10, duration: 2 });
    for (let round = 1; round <= ROUNDS; round++) {
      process.stdout.write(`round ${round}/${ROUNDS}…\n`);
      runs['queue app'].push(await load({ url: queueUrl, headers: auth }));
      runs['queue raw'].push(await load({ url: `http://127.0.0.1:${RAW_PORT}/queue` }));
      runs['case app'].push(await load({ url: `http://127.0.0.1:${APP_PORT}`, requests: caseViews('app', ids) }));
      runs['case raw'].push(await load({ url: `http://127.0.0.1:${RAW_PORT}`, requests: caseViews('raw', ids) }));
    }
  } finally {
    app.kill('SIGTERM');
    raw.kill('SIGTERM');
    await conn.end();
  }
  const summary = Object.fromEntries(
    Object.entries(runs).map(([name, rs]) => [
      name,
      summarise(rs),
    ]),
  );
  const lines = [
    `officer review: ${CASES} cases, ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds (medians), loopback`,
    'endpoint                 req/s    p50 ms   p99 ms      2xx   other',
    ...Object.entries(summary).map(
      ([name, f]) =>
        `${name.padEnd(22)} ${f.rps.toFixed(0).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.ok).padStart(8)} ${String(f.other).padStart(7)}`,
    ),
    `queue ratio app/raw: ${(summary['queue app'].rps / summary['queue raw'].rps).toFixed(2)} (target ≥ 0.5)`,
    `case view ratio app/raw: ${(summary['case app'].rps / summary['case raw'].rps).toFixed(2)} (target ≥ 0.5)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (summary['queue app'].other > 0 || summary['case app'].other > 0) process.exitCode = 1;
}

const mode = process.argv[2];
(mode === 'serve-app' ? serveApp() : mode === 'serve-raw' ? serveRaw() : main()).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
