// `npm run test:cluster`: brings up the cluster of `npm run cluster` (three Galera nodes, two
// servers behind nginx, two workers) on ports of its own, then proves on it, printing what each
// step saw:
//   (a) a booking stampede through nginx: 2,000 learners, one FIRST_COME session of 100 seats →
//       exactly 100 confirmed, the rest SESSION_FULL, no 5xx, answers from both servers;
//   (b) the same with one server killed (SIGKILL) midway → still exactly 100, none lost or doubled;
//   (c) the outbox with two workers on two nodes: every message sent once;
//   (d) leases: the workers' lease job ran once in its period, and the lease helper raced on
//       three nodes has exactly one holder every round;
//   (g) a photo uploaded straight to server-1 is served by server-2 (the same bytes, SHA-256
//       checked), the file in the S3-compatible store (s3rver), in neither server's folder;
//   (e) one Galera node (server-2's) killed (SIGKILL) during a booking rush and started again: the
//       rush still fills exactly, the node rejoins (IST) and holds the writes made without it;
//   (f) a worker killed (SIGKILL) mid-batch with the outbox full: no message lost, none sent twice
//       by two live workers, the dead worker's claim expires and the other worker takes it.
// TEST_CLUSTER_SHORT=1 (npm test): fewer learners and messages, without (b) and (f).
// Ends with one line "N passed, M failed"; exit status 1 when anything failed.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { ROOT, freePort, say } from './lib.mjs';
import { startCluster } from './cluster.mjs';

const SHORT = ['1', 'true'].includes(process.env.TEST_CLUSTER_SHORT ?? '');
const LEARNERS = SHORT ? 600 : 2_000;
const SEATS = SHORT ? 60 : 100;
/** How long a dispatcher's claim holds its rows (the dispatcher's default claimMs). */
const CLAIM_MS = 60_000;
const PARALLEL = 100;
const DAY = 86_400_000;
const started = Date.now();
const results = [];
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

function check(name, ok, saw) {
  results.push({ name, ok });
  process.stdout.write(`  ${ok ? '✓' : '✗'} ${name}${saw ? ` — ${saw}` : ''}\n`);
}

// The test sees its own cluster with the fakes, whatever the shell has configured.
for (const name of ['WECHAT_APPID', 'WECHAT_SECRET', 'SMS_SECRET_ID', 'SMS_SECRET_KEY', 'SMS_PROVIDER']) delete process.env[name];
const syncs = [];
const jobFailures = [];
/** The errors the servers and workers logged, by process and message: shown when a check fails. */
const errors = new Map();
const port = await freePort();
const cluster = await startCluster({
  port,
  listen: `127.0.0.1:${port}`,
  dbBasePort: Number(process.env.TEST_CLUSTER_DB_PORT ?? 4406),
  fakePort: await freePort(),
  fakeSmsPort: await freePort(),
  s3Port: await freePort(),
  echo: false,
  h5: false,
  onLine(name, line) {
    if (line.includes('"level":50') || line.includes('"level":60')) {
      let key = line.slice(0, 200);
      try {
        const entry = JSON.parse(line);
        key = `${name}: ${entry.msg} ${entry.err?.message ?? ''}`.slice(0, 400);
      } catch {
        // not a JSON line
      }
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
    if (!name.startsWith('worker-')) return;
    if (line.includes('official-account followers synced')) syncs.push({ name, at: Date.now() });
    if (line.includes('"job failed"')) jobFailures.push({ name, line: line.slice(0, 300) });
  },
});
say(`cluster up in ${secs(cluster.upMs)} at ${cluster.url}`);

const { default: mariadb } = await import('mariadb');
const pools = cluster.nodes.map((n) =>
  mariadb.createPool({ host: '127.0.0.1', port: n.port, user: 'root', database: 'jiaoguan', connectionLimit: 3, timezone: 'Z', bigIntAsNumber: true, insertIdAsNumber: true }),
);
const [node1, node2, node3] = pools;
/** The pools of the nodes that are up ((e) kills node2 for a while). */
const down = new Set();
const livePools = () => pools.filter((_, k) => !down.has(k));
/** A read that sees every write committed anywhere in the cluster before it. */
const causal = (pool, sql, values = []) => pool.query(`SET STATEMENT wsrep_sync_wait = 1 FOR ${sql}`, values);

/** Summed over the nodes: commits refused by certification or aborted for a replicated write (1213 to the client). */
const certificationFailures = () => wsrepCounters(['wsrep_local_cert_failures', 'wsrep_local_bf_aborts']);
/** Summed over the nodes: reads that waited for their node to catch up (wsrep_sync_wait). */
const causalReads = () => wsrepCounters(['wsrep_causal_reads']);

async function wsrepCounters(names) {
  let total = 0;
  for (const pool of livePools()) {
    const rows = await pool.query(`SHOW GLOBAL STATUS WHERE Variable_name IN (${names.map(() => '?').join(', ')})`, names);
    for (const r of rows) total += Number(r.Value);
  }
  return total;
}

try {
  // ---------------------------------------------------------------- learners, made by SQL on node 3
  const tokenOf = (i) => `cluster-test-token-${String(i).padStart(8, '0')}`;
  const idNumberOf = (i) => `${100000 + Math.floor(i / 1000)}19900101${String(i % 1000).padStart(3, '0')}X`;
  const FIRST = 1_000_001;
  const cohort = (k) => Array.from({ length: LEARNERS }, (_, j) => FIRST + k * LEARNERS + j);
  // (a), (b) and (e) each a cohort of their own (one active booking per learner and subject).
  const everyone = [...cohort(0), ...cohort(1), ...cohort(2)];
  const t = Date.now();
  const applied = new Date(t - 30 * DAY);
  const expires = new Date(t + 30 * DAY);
  for (let start = 0; start < everyone.length; start += 1000) {
    const ids = everyone.slice(start, start + 1000);
    const conn = await node3.getConnection();
    try {
      await conn.beginTransaction();
      await conn.batch('INSERT INTO Learner (id, idNumber, name, licenceClass, appliedAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
        ids.map((i) => [i, idNumberOf(i), '集群学员', 'C1', applied, applied]));
      await conn.batch('INSERT INTO Driver (id, openid, idNumber, realName, identityBoundAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)',
        ids.map((i) => [i, `cluster-openid-${i}`, idNumberOf(i), '集群学员', applied, applied]));
      await conn.batch('INSERT INTO LoginSession (tokenHash, driverId, expiresAt) VALUES (?, ?, ?)',
        ids.map((i) => [createHash('sha256').update(tokenOf(i)).digest('hex'), i, expires]));
      // Two grants each: the booking's confirmation and the outbox step's message.
      await conn.batch("INSERT INTO SubscriptionQuota (driverId, templateKey, remaining, accepted, updatedAt) VALUES (?, 'exam_booking', 2, 2, ?)",
        ids.map((i) => [i, applied]));
      await conn.commit();
    } finally {
      conn.release();
    }
  }
  const venue = await node3.query("INSERT INTO Venue (name, address) VALUES ('集群测试考场', '测试路1号')");
  const session = async () => {
    const r = await node3.query(
      `INSERT INTO ExamSession (subject, licenceClass, venueId, startsAt, capacity, bookingOpensAt, bookingClosesAt, allocation)
       VALUES (1, 'C1', ?, ?, ?, ?, ?, 'FIRST_COME')`,
      [venue.insertId, new Date(t + 12 * DAY), SEATS, new Date(t - DAY), new Date(t + 9 * DAY)],
    );
    return r.insertId;
  };
  const sessionA = await session();
  const sessionB = await session();
  for (const pool of [node1, node2]) await causal(pool, 'SELECT COUNT(*) FROM LoginSession');
  say(`${everyone.length} learners with logins and grants made by SQL on node3 (${secs(Date.now() - t)}); sessions ${sessionA} and ${sessionB}, ${SEATS} seats each`);

  /**
   * Every learner books once, PARALLEL at a time; a 502/503/504 (and 500 with `retryOn`) or a
   * broken connection is asked again (a booking is idempotent per learner).
   */
  async function stampede(ids, sessionId, { onAnswer, retryOn = [502, 503, 504] } = {}) {
    const answers = new Map();
    const askedAgain = [];
    const askedAgainBy = [];
    let next = 0;
    const book = async (i) => {
      for (let attempt = 1; ; attempt++) {
        let res;
        try {
          res = await fetch(`${cluster.url}/api/exam/bookings`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokenOf(i)}`, 'content-type': 'application/json' },
            body: JSON.stringify({ sessionId }),
          });
        } catch (err) {
          if (attempt < 5) {
            askedAgain.push(0);
            continue;
          }
          return { status: 0, code: String(err.cause?.code ?? err.message) };
        }
        const body = await res.json().catch(() => ({}));
        const answer = { status: res.status, instance: res.headers.get('x-instance'), code: body.error?.code, booking: body.status, attempts: attempt };
        if (retryOn.includes(res.status) && attempt < 5) {
          askedAgain.push(res.status);
          askedAgainBy.push(answer.instance ?? 'nginx');
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        return answer;
      }
    };
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < ids.length) {
          const i = ids[next++];
          const answer = await book(i);
          answers.set(i, answer);
          onAnswer?.(answer);
        }
      }),
    );
    const final = ids.map((i) => [i, answers.get(i)]);
    const tally = (f) => final.filter(([, a]) => f(a)).length;
    const byInstance = {};
    for (const [, a] of final) byInstance[a.instance ?? 'none'] = (byInstance[a.instance ?? 'none'] ?? 0) + 1;
    return {
      final,
      confirmed: new Set(final.filter(([, a]) => [200, 201].includes(a.status) && a.booking === 'CONFIRMED').map(([i]) => i)),
      full: tally((a) => a.status === 409 && a.code === 'SESSION_FULL'),
      other: final.filter(([, a]) => !([200, 201].includes(a.status) && a.booking === 'CONFIRMED') && !(a.status === 409 && a.code === 'SESSION_FULL')),
      fivexx: tally((a) => a.status >= 500 || a.status === 0),
      byInstance,
      retried: askedAgain.length,
      askedAgain,
      askedAgainBy,
    };
  }

  /** What every node says about a session: its count, its confirmed rows, learners holding two. */
  async function seatsOnEveryNode(sessionId) {
    const out = [];
    for (const pool of livePools()) {
      const [s] = await causal(pool, 'SELECT confirmedCount FROM ExamSession WHERE id = ?', [sessionId]);
      const rows = await causal(pool, "SELECT learnerId FROM ExamBooking WHERE sessionId = ? AND status = 'CONFIRMED'", [sessionId]);
      out.push({ count: Number(s.confirmedCount), learners: rows.map((r) => Number(r.learnerId)) });
    }
    const [dup] = await causal(node1, `SELECT COUNT(*) AS n FROM (SELECT learnerId FROM ExamBooking WHERE activeKey IS NOT NULL
                                          GROUP BY learnerId, subject HAVING COUNT(*) > 1) d`);
    return { nodes: out, doubled: Number(dup.n) };
  }
  const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

  // ---------------------------------------------------------------- (a) the stampede
  process.stdout.write(`(a) booking stampede: ${LEARNERS} learners, ${SEATS} seats, ${PARALLEL} at a time, through nginx\n`);
  let cert = await certificationFailures();
  let causal0 = await causalReads();
  let t0 = Date.now();
  const a = await stampede(cohort(0), sessionA);
  const aMs = Date.now() - t0;
  const certA = (await certificationFailures()) - cert;
  const causalA = (await causalReads()) - causal0;
  const aDb = await seatsOnEveryNode(sessionA);
  process.stdout.write(`    ${secs(aMs)} (${Math.round(LEARNERS / (aMs / 1000))} bookings/s); answers by server ${JSON.stringify(a.byInstance)}; `
    + `certification conflicts on the nodes ${certA}, retries that waited for their node ${causalA}\n`);
  check(`exactly ${SEATS} confirmed answers, the rest SESSION_FULL`, a.confirmed.size === SEATS && a.full === LEARNERS - SEATS,
    `${a.confirmed.size} confirmed, ${a.full} SESSION_FULL, ${a.other.length} other${a.other.length ? ` (${JSON.stringify(a.other.slice(0, 3).map(([, x]) => x))})` : ''}`);
  check('no 5xx', a.fivexx === 0 && a.retried === 0, `${a.fivexx} 5xx, ${a.retried} asked again`);
  check('answers from both servers', Boolean(a.byInstance['server-1'] && a.byInstance['server-2']), JSON.stringify(a.byInstance));
  check(`every node: count ${SEATS}, the confirmed learners exactly those answered`, aDb.nodes.every((n) => n.count === SEATS && sameSet(new Set(n.learners), a.confirmed)) && aDb.doubled === 0,
    `counts ${aDb.nodes.map((n) => n.count).join('/')}, rows ${aDb.nodes.map((n) => n.learners.length).join('/')}, learners with two bookings ${aDb.doubled}`);

  // ---------------------------------------------------------------- (b) one server killed midway
  if (SHORT) process.stdout.write('(b) skipped in the short form\n');
  else {
    process.stdout.write(`(b) the same with server-1 killed (SIGKILL) after 30 confirmed answers\n`);
    cert = await certificationFailures();
    causal0 = await causalReads();
    t0 = Date.now();
    let confirmedSoFar = 0;
    let killedAt;
    const b = await stampede(cohort(1), sessionB, {
      onAnswer(answer) {
        if (answer.booking === 'CONFIRMED' && ++confirmedSoFar === 30 && !killedAt) {
          killedAt = Date.now();
          void cluster.kill('server-1', 'SIGKILL');
        }
      },
    });
    const bMs = Date.now() - t0;
    const certB = (await certificationFailures()) - cert;
    const causalB = (await causalReads()) - causal0;
    const bDb = await seatsOnEveryNode(sessionB);
    const firstTry5xx = b.askedAgain.filter((s) => s >= 500).length;
    process.stdout.write(`    ${secs(bMs)}; server-1 killed ${killedAt ? secs(killedAt - t0) : 'never'} in; answers by server ${JSON.stringify(b.byInstance)}; `
      + `${b.retried} asked again (${firstTry5xx} answered 5xx by nginx, the rest broken connections); certification conflicts ${certB}, retries that waited ${causalB}\n`);
    check(`still exactly ${SEATS} confirmed, the rest SESSION_FULL`, b.confirmed.size === SEATS && b.full === LEARNERS - SEATS,
      `${b.confirmed.size} confirmed, ${b.full} SESSION_FULL, ${b.other.length} other${b.other.length ? ` (${JSON.stringify(b.other.slice(0, 3).map(([, x]) => x))})` : ''}`);
    check('no booking lost or doubled: every node holds exactly the learners told CONFIRMED', bDb.nodes.every((n) => n.count === SEATS && sameSet(new Set(n.learners), b.confirmed)) && bDb.doubled === 0,
      `counts ${bDb.nodes.map((n) => n.count).join('/')}, rows ${bDb.nodes.map((n) => n.learners.length).join('/')}, learners with two bookings ${bDb.doubled}`);
    check('after the kill nginx answered from server-2 alone, no final 5xx', b.fivexx === 0 && Boolean(killedAt), `final 5xx ${b.fivexx}`);
    const back = await cluster.restart('server-1');
    // nginx tries a server that failed again after its fail_timeout (5 s).
    const seen = new Set();
    const backAt = Date.now();
    while (back && !(seen.has('server-1') && seen.has('server-2')) && Date.now() - backAt < 20_000) {
      seen.add((await fetch(`${cluster.url}/readyz`)).headers.get('x-instance'));
      await new Promise((r) => setTimeout(r, 100));
    }
    check('server-1 restarted, nginx sends to it again', seen.has('server-1') && seen.has('server-2'),
      `${[...seen].join(', ')} answered /readyz within ${secs(Date.now() - backAt)} of the restart`);
  }

  // ---------------------------------------------------------------- (c) the outbox, two workers on two nodes
  const OUTBOX = SHORT ? LEARNERS : 2_000;
  process.stdout.write(`(c) outbox: ${OUTBOX} more messages at once (written on node2), worker-1 on node3 and worker-2 on node1 dispatching\n`);
  cert = await certificationFailures();
  const failuresBefore = jobFailures.length;
  t0 = Date.now();
  const startsAt = new Date(t + 12 * DAY);
  const rows = cohort(0).slice(0, OUTBOX).map((i, k) => {
    // A venue of its own makes each message's data unique (the page names the booking list, not the booking).
    const payload = JSON.stringify({ bookingId: 900_000 + k, subject: 1, startsAt, venue: `集群测试考场${k}` });
    return [i, `cluster-test:${k}`, payload, new Date(t0), new Date(t0), new Date(t0)];
  });
  await node2.batch(
    `INSERT INTO NotificationOutbox (driverId, channel, event, templateKey, dedupeKey, payload, nextAttemptAt, createdAt, updatedAt, status, attempts, quotaHeld)
     VALUES (?, 'SUBSCRIBE', 'exam.booking_confirmed', 'exam_booking', ?, ?, ?, ?, ?, 'PENDING', 0, false)`,
    rows,
  );
  // Due now or claimed (a claim moves nextAttemptAt a minute on); the reminders wait for the day before the exam.
  const soon = new Date(t0 + 3_600_000);
  let pending = -1;
  while (Date.now() - t0 < 120_000) {
    [{ n: pending }] = await causal(node1, "SELECT COUNT(*) AS n FROM NotificationOutbox WHERE status = 'PENDING' AND nextAttemptAt <= ? AND driverId >= ?", [soon, FIRST]);
    if (Number(pending) === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const cMs = Date.now() - t0;
  const certC = (await certificationFailures()) - cert;
  const outbox = await causal(node1, `SELECT o.id, o.status, o.attempts, o.payload, d.openid FROM NotificationOutbox o JOIN Driver d ON d.id = o.driverId
                                       WHERE o.nextAttemptAt <= ? AND d.id >= ?`, [soon, FIRST]);
  const byStatus = {};
  for (const r of outbox) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const { items } = await (await fetch(`${cluster.fakeUrl}/__inspect/messages?path=${encodeURIComponent('/cgi-bin/message/subscribe/send')}`)).json();
  const sends = new Map();
  for (const m of items) {
    if (m.errcode !== 0 || !String(m.body?.touser).startsWith('cluster-openid-')) continue;
    const key = `${m.body.touser} ${m.body.page} ${JSON.stringify(m.body.data)}`;
    sends.set(key, (sends.get(key) ?? 0) + 1);
  }
  const twice = [...sends.values()].filter((n) => n > 1).length;
  const expected = outbox.filter((r) => r.status === 'SENT').length;
  const confirmations = SEATS * (SHORT ? 1 : 2);
  process.stdout.write(`    ${secs(cMs)} until none due was pending; outbox rows by status ${JSON.stringify(byStatus)}; `
    + `certification conflicts ${certC}; worker job failures ${jobFailures.length - failuresBefore}\n`);
  check('every due message sent: none pending, none failed', Number(pending) === 0 && expected === outbox.length && expected === OUTBOX + confirmations,
    `${expected} of ${outbox.length} SENT (${OUTBOX} + ${confirmations} booking confirmations expected)`);
  check('each message reached WeChat once', twice === 0 && sends.size === expected,
    `${[...sends.values()].reduce((x, y) => x + y, 0)} sends for ${sends.size} distinct messages, ${twice} sent more than once`);
  const mostAttempts = Math.max(...outbox.map((r) => Number(r.attempts)));
  check('no row claimed twice (one attempt each)', mostAttempts === 1, `most attempts on a row: ${mostAttempts}`);

  // ---------------------------------------------------------------- (d) leases
  process.stdout.write('(d) leases\n');
  const [lease] = await causal(node1, "SELECT holder, expiresAt FROM Lease WHERE name LIKE '%follower%'");
  const sinceStart = Date.now() - (started + cluster.upMs);
  check('the follower sync (a lease job of both workers) ran once in its period', syncs.length === 1 && Boolean(lease),
    `${syncs.length} run(s) ${JSON.stringify(syncs.map((s) => s.name))} in the ${secs(sinceStart)} since both workers started; lease held until ${lease ? new Date(lease.expiresAt).toISOString() : 'none'}`);
  t0 = Date.now();
  const race = spawnSync(process.execPath, ['--import', 'tsx', 'server/test/cluster/lease-race.ts', ...cluster.nodes.map((n) => n.url)], { cwd: ROOT, encoding: 'utf8' });
  let tally;
  try {
    tally = JSON.parse(race.stdout.trim().split('\n').pop());
  } catch {
    tally = undefined;
  }
  const oneEach = (xs) => xs && xs[1] === tally.rounds;
  check('the lease helper raced on three nodes: exactly one holder every round (new and expired)', Boolean(tally) && oneEach(tally.fresh) && oneEach(tally.expired),
    tally ? `${tally.rounds} rounds × 2, rounds by number of holders (0/1/2/3): new ${tally.fresh.join('/')}, expired ${tally.expired.join('/')} (${secs(Date.now() - t0)})` : `it failed: ${race.stderr.slice(-500)}`);

  // ---------------------------------------------------------------- (g) an upload served by the other server
  process.stdout.write('(g) a photo uploaded straight to server-1, read back straight from server-2 (each with an empty folder of its own, the files in s3rver)\n');
  {
    const [one, two] = cluster.servers;
    const { png } = await tsImport('../server/src/lib/png.ts', import.meta.url);
    // Reports are taken at any hour here (the demo units keep service hours).
    await node1.query('UPDATE Unit SET serviceHours = NULL');
    const ask = async (server, method, route, token, body) => {
      const res = await fetch(`${server.url}${route}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
        body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
      });
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, instance: res.headers.get('x-instance'), type, body: type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer()) };
    };
    const login = await ask(one, 'POST', '/api/auth/wechat', undefined, { code: `fake:cluster-photo:${Date.now()}` });
    const token = login.body.token;
    const reported = await ask(one, 'POST', '/api/accidents', token, {
      occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      location: { latitude: 35.1, longitude: 117.17, address: '滕州市善国北路与荆河路交叉口' },
      vehicleCount: 2,
      eligibility: { injuries: false, vehiclesDrivable: true, licencesValid: true, insured: true, impaired: false },
    });
    const caseId = reported.body.id;
    const idBase = '37040219850312101';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const idCheck = '10X98765432'[[...idBase].reduce((sum, d, k) => sum + Number(d) * weights[k], 0) % 11];
    const details = await ask(one, 'PUT', `/api/accidents/${caseId}/parties/me`, token, {
      plate: '鲁D12345', driverName: '张伟', licenceNumber: idBase + idCheck, phone: '13800000001', insurer: '中国人保', policyNumber: 'PICC2026001', collisionPart: '车头',
    });
    const bytes = png(800, 600, 7);
    const sha = (b) => createHash('sha256').update(b).digest('hex');
    const form = new FormData();
    form.append('slot', 'OVERVIEW_FRONT');
    form.append('file', new Blob([bytes], { type: 'image/png' }), 'photo.png');
    const uploaded = await ask(one, 'POST', `/api/accidents/${caseId}/photos`, token, form);
    const served = await ask(two, 'GET', `/api/accidents/${caseId}/photos/${uploaded.body?.id}`, token);
    const [row] = uploaded.body?.id ? await causal(node1, 'SELECT storageKey, sha256 FROM EvidenceFile WHERE id = ?', [uploaded.body.id]) : [];
    const filesUnder = (dir) => {
      try {
        return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
      } catch {
        return [];
      }
    };
    const localFiles = cluster.servers.map((s) => filesUnder(s.uploadDir).length);
    const inBucket = row ? filesUnder(cluster.s3.dir).filter((f) => f.includes(row.storageKey)).length : 0;
    const steps = `login ${login.status}, report ${reported.status}, details ${details.status}, upload ${uploaded.status} by ${uploaded.instance}, read ${served.status} by ${served.instance}`;
    check('the photo uploaded through server-1 is served by server-2, the same bytes', uploaded.status === 201 && served.status === 200
      && uploaded.instance === 'server-1' && served.instance === 'server-2' && Buffer.isBuffer(served.body) && Buffer.compare(served.body, bytes) === 0,
      `${steps}; ${bytes.length} bytes sent, ${Buffer.isBuffer(served.body) ? served.body.length : JSON.stringify(served.body).slice(0, 200)} bytes served`);
    check('SHA-256: what server-2 served is what was sent and what the upload recorded', Boolean(row) && Buffer.isBuffer(served.body) && sha(served.body) === sha(bytes) && row.sha256 === sha(bytes),
      `sent ${sha(bytes).slice(0, 16)}…, served ${Buffer.isBuffer(served.body) ? sha(served.body).slice(0, 16) : '—'}…, recorded ${row?.sha256?.slice(0, 16) ?? '—'}… (key ${row?.storageKey ?? '—'})`);
    check('the file lives in the bucket, in neither server\'s folder', localFiles.every((n) => n === 0) && inBucket > 0,
      `files in the servers' folders ${localFiles.join('/')}; files of its key in s3rver's folder ${inBucket}`);
  }

  // ---------------------------------------------------------------- (e) one Galera node killed and brought back
  const killAfter = Math.round(SEATS / 3);
  process.stdout.write(`(e) node2 (server-2's node) killed (SIGKILL) after ${killAfter} confirmations of a rush of ${LEARNERS} learners for ${SEATS} seats, then started again\n`);
  const sessionC = await session();
  for (const pool of [node1, node2]) await causal(pool, 'SELECT COUNT(*) FROM ExamSession WHERE id = ?', [sessionC]);
  t0 = Date.now();
  let nodeKilledAt;
  let nodeKilled;
  let confirmedE = 0;
  const e = await stampede(cohort(2), sessionC, {
    retryOn: [500, 502, 503, 504],
    onAnswer(answer) {
      if (answer.booking === 'CONFIRMED' && ++confirmedE === killAfter && !nodeKilledAt) {
        nodeKilledAt = Date.now();
        down.add(1);
        nodeKilled = cluster.killNode('node2');
      }
    },
  });
  const eMs = Date.now() - t0;
  await nodeKilled;
  // Galera drops the node once its group communication gives up on it (suspect timeout, 5 s).
  const wsrep1 = async () => Object.fromEntries((await node1.query("SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_cluster_status')")).map((r) => [r.Variable_name, r.Value]));
  let without = await wsrep1();
  while (without.wsrep_cluster_size !== '2' && Date.now() - nodeKilledAt < 30_000) {
    await new Promise((r) => setTimeout(r, 250));
    without = await wsrep1();
  }
  const eBy = {};
  for (const [k, by] of e.askedAgainBy.entries()) eBy[`${by} ${e.askedAgain[k]}`] = (eBy[`${by} ${e.askedAgain[k]}`] ?? 0) + 1;
  process.stdout.write(`    ${secs(eMs)}; node2 killed ${nodeKilledAt ? secs(nodeKilledAt - t0) : 'never'} in; answers by server ${JSON.stringify(e.byInstance)}; `
    + `asked again (by server and first status) ${JSON.stringify(eBy)}\n`);
  check('the two nodes left go on as the primary component', without.wsrep_cluster_size === '2' && without.wsrep_cluster_status === 'Primary',
    `node1: cluster size ${without.wsrep_cluster_size}, ${without.wsrep_cluster_status}`);
  const eDown = await seatsOnEveryNode(sessionC);
  check(`bookings go on through the other nodes: exactly ${SEATS} confirmed, the rest SESSION_FULL, no final 5xx`,
    e.confirmed.size === SEATS && e.full === LEARNERS - SEATS && e.fivexx === 0
      && eDown.nodes.every((n) => n.count === SEATS && sameSet(new Set(n.learners), e.confirmed)) && eDown.doubled === 0,
    `${e.confirmed.size} confirmed, ${e.full} SESSION_FULL, ${e.other.length} other, final 5xx ${e.fivexx}; node1/node3 counts ${eDown.nodes.map((n) => n.count).join('/')}`);
  check('server-2 went on answering through the database proxy (node1 or node3 behind it)', (e.byInstance['server-2'] ?? 0) >= LEARNERS / 4,
    `server-2 gave ${e.byInstance['server-2'] ?? 0} final answers, server-1 ${e.byInstance['server-1'] ?? 0}; the first answers asked again: ${JSON.stringify(eBy)}`);
  t0 = Date.now();
  const how = await cluster.restartNode('node2');
  const rejoinMs = Date.now() - t0;
  await node2.end();
  pools[1] = mariadb.createPool({ host: '127.0.0.1', port: cluster.nodes[1].port, user: 'root', database: 'jiaoguan', connectionLimit: 3, timezone: 'Z', bigIntAsNumber: true, insertIdAsNumber: true });
  down.delete(1);
  const states = [];
  for (const pool of pools) {
    const st = Object.fromEntries((await pool.query("SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_local_state_comment')")).map((r) => [r.Variable_name, r.Value]));
    states.push(`${st.wsrep_cluster_size}/${st.wsrep_local_state_comment}`);
  }
  check('node2 rejoined: every node in a cluster of 3, Synced', states.every((x) => x === '3/Synced'), `size/state by node ${states.join(', ')}; ${secs(rejoinMs)} to Synced`);
  check('node2 caught up by incremental state transfer (IST)', how === 'IST', `caught up by ${how} (its error log)`);
  // Its own rows, read on node2 without waiting for the cluster (it is Synced: nothing left to apply).
  const [own] = await pools[1].query('SELECT confirmedCount FROM ExamSession WHERE id = ?', [sessionC]);
  const ownRows = await pools[1].query("SELECT learnerId FROM ExamBooking WHERE sessionId = ? AND status = 'CONFIRMED'", [sessionC]);
  check('node2 holds the bookings made while it was down', Number(own.confirmedCount) === SEATS && sameSet(new Set(ownRows.map((r) => Number(r.learnerId))), e.confirmed),
    `node2: count ${own.confirmedCount}, ${ownRows.length} confirmed rows, the same learners as answered: ${sameSet(new Set(ownRows.map((r) => Number(r.learnerId))), e.confirmed)}`);
  const seenE = new Set();
  const againAt = Date.now();
  let ready2 = false;
  while (!(ready2 && seenE.has('server-2')) && Date.now() - againAt < 30_000) {
    ready2 ||= (await fetch(`${cluster.servers[1].url}/readyz`).catch(() => ({ ok: false }))).ok;
    if (ready2) seenE.add((await fetch(`${cluster.url}/readyz`)).headers.get('x-instance'));
    await new Promise((r) => setTimeout(r, 100));
  }
  check('server-2 answers again once its node is back (its pool reconnects, nginx sends to it)', ready2 && seenE.has('server-2'),
    `server-2 /readyz ${ready2 ? 'ready' : 'not ready'}; through nginx ${[...seenE].join(', ')} within ${secs(Date.now() - againAt)} of the rejoin`);

  // ---------------------------------------------------------------- (f) a worker killed mid-batch
  if (SHORT) process.stdout.write('(f) skipped in the short form\n');
  else {
    const FAULT = 1_500;
    process.stdout.write(`(f) worker-1 killed (SIGKILL) mid-batch with ${FAULT} messages due (WeChat slowed to 200 ms a send); worker-2 takes its claims when they expire (${secs(CLAIM_MS)})\n`);
    const sendPath = '/cgi-bin/message/subscribe/send';
    await fetch(`${cluster.fakeUrl}/__faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: sendPath, delayMs: 200 }) });
    t0 = Date.now();
    const fRows = cohort(1).slice(0, FAULT).map((i, k) => {
      const payload = JSON.stringify({ bookingId: 950_000 + k, subject: 1, startsAt, venue: `集群故障考场${k}` });
      return [i, `cluster-fault:${k}`, payload, new Date(t0), new Date(t0), new Date(t0)];
    });
    await pools[1].batch(
      `INSERT INTO NotificationOutbox (driverId, channel, event, templateKey, dedupeKey, payload, nextAttemptAt, createdAt, updatedAt, status, attempts, quotaHeld)
       VALUES (?, 'SUBSCRIBE', 'exam.booking_confirmed', 'exam_booking', ?, ?, ?, ?, ?, 'PENDING', 0, false)`,
      fRows,
    );
    const ofFault = (m) => JSON.stringify(m.body?.data ?? '').includes('集群故障考场');
    const inspect = async () => (await (await fetch(`${cluster.fakeUrl}/__inspect/messages?path=${encodeURIComponent(sendPath)}`)).json()).items.filter(ofFault);
    // Kill once a good part has gone and sends are in flight (WeChat answers after 200 ms).
    let killAt;
    let deadAt;
    let atKill = { received: 0, inFlight: 0 };
    while (Date.now() - t0 < 60_000) {
      const items = await inspect();
      const inFlight = items.filter((m) => m.errcode === null).length;
      if (items.length >= FAULT / 5 && inFlight >= 20) {
        killAt = Date.now();
        await cluster.kill('worker-1', 'SIGKILL');
        deadAt = Date.now();
        atKill = { received: items.length, inFlight };
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await fetch(`${cluster.fakeUrl}/__faults`, { method: 'DELETE' });
    process.stdout.write(`    worker-1 killed ${killAt ? secs(killAt - t0) : 'never'} in: WeChat had received ${atKill.received} of the ${FAULT}, ${atKill.inFlight} of them not answered yet\n`);
    let left = -1;
    while (Date.now() - t0 < CLAIM_MS + 120_000) {
      [{ n: left }] = await causal(node1, "SELECT COUNT(*) AS n FROM NotificationOutbox WHERE dedupeKey LIKE 'cluster-fault:%' AND status = 'PENDING'");
      if (Number(left) === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const fMs = Date.now() - t0;
    const fOut = await causal(node1, "SELECT id, status, attempts, updatedAt, payload FROM NotificationOutbox WHERE dedupeKey LIKE 'cluster-fault:%'");
    const retaken = fOut.filter((r) => Number(r.attempts) >= 2);
    const retakenVenues = new Set(retaken.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload).venue));
    const items = (await inspect()).filter((m) => m.errcode === 0);
    const arrivals = new Map();
    for (const m of items) {
      const venue = Object.values(m.body.data).map((v) => v.value).find((v) => String(v).includes('集群故障考场'));
      const key = `${m.body.touser} ${venue}`;
      arrivals.set(key, [...(arrivals.get(key) ?? []), { at: Date.parse(m.at), venue }]);
    }
    const twice = [...arrivals.values()].filter((xs) => xs.length > 1);
    // A message may go out twice only when the dead worker had it at WeChat before it died and
    // worker-2 sent it again after the claim expired.
    const allowed = (xs) => xs.length === 2 && retakenVenues.has(xs[0].venue) && xs[0].at <= deadAt && xs[1].at >= deadAt;
    const attemptsOf = new Map(fOut.map((r) => [(typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload).venue, Number(r.attempts)]));
    const odd = twice.filter((xs) => !allowed(xs)).slice(0, 5)
      .map((xs) => `${xs[0].venue}: attempts ${attemptsOf.get(xs[0].venue)}, at ${xs.map((x) => `${((x.at - killAt) / 1000).toFixed(2)}`).join('/')} s from the kill`);
    const takeover = retaken.length ? Math.min(...retaken.map((r) => new Date(r.updatedAt).getTime())) - killAt : NaN;
    process.stdout.write(`    ${secs(fMs)} until none was pending; rows by attempts ${JSON.stringify(fOut.reduce((o, r) => ({ ...o, [r.attempts]: (o[r.attempts] ?? 0) + 1 }), {}))}; `
      + `${retaken.length} rows worker-1 held at its death, sent by worker-2 from ${secs(takeover)} after the kill\n`);
    check('the kill landed mid-batch: worker-1 died holding a claim', Boolean(killAt) && retaken.length > 0, `${retaken.length} rows claimed by worker-1 and not finished`);
    check('no message lost: every row SENT, each reached WeChat', fOut.length === FAULT && fOut.every((r) => r.status === 'SENT') && arrivals.size === FAULT,
      `${fOut.filter((r) => r.status === 'SENT').length} of ${FAULT} SENT, ${arrivals.size} distinct messages accepted by WeChat`);
    check('the dead claim expired and worker-2 took it', retaken.length > 0 && takeover >= CLAIM_MS / 2 && retaken.every((r) => r.status === 'SENT'),
      `first re-sent ${secs(takeover)} after the kill (claims hold ${secs(CLAIM_MS)} from when they were taken)`);
    check('none sent twice by two live workers', twice.every(allowed),
      `${twice.length} messages went out twice, ${twice.filter(allowed).length} of them at WeChat in worker-1 when it died and sent again by worker-2 `
      + '(a crash between WeChat\'s acceptance and the recorded result repeats a message: WeChat\'s send has no idempotency key)'
      + (odd.length ? `; others: ${odd.join('; ')}` : ''));
  }
} catch (err) {
  check('the run itself', false, err instanceof Error ? err.stack : String(err));
} finally {
  await Promise.all(pools.map((p) => p.end()));
  const t = Date.now();
  await cluster.stop();
  say(`cluster stopped and removed (${secs(Date.now() - t)}); test:cluster took ${secs(Date.now() - started)}`);
}
const failed = results.filter((r) => !r.ok).length;
if (failed && errors.size) {
  process.stdout.write('errors the processes logged (count × process: message):\n');
  for (const [key, n] of [...errors].slice(0, 10)) process.stdout.write(`  ${n} × ${key}\n`);
}
process.stdout.write(`${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
