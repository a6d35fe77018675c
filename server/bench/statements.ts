// What one booking costs, step by step: each database step of POST /api/exam/bookings run on its
// own, one after another on one connection (no rush, no lock waits), against a round trip's floor
// and the raw baseline's transaction. Prints MariaDB CPU, this process's CPU and wall time per step.
// The rush benches say how fast the whole is; this one says where its database time goes.
import type { Context } from 'koa';
import { cpuTicks, databasePid, freshDatabase, makeRushLearners, openRushSessions, rushTokenOf } from './_support';

const DATABASE_URL = process.env.STATEMENTS_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jiaoguan_bench_statements';
/** Repetitions of each step per round (each booking step needs a learner of its own). */
const N = Number(process.env.STATEMENTS_N ?? 2000);
const ROUNDS = Number(process.env.STATEMENTS_ROUNDS ?? 3);
const VENUE = 1;
/** Unmeasured runs of each step first: prepared statements made, pages in memory. */
const WARM = 50;

interface Step {
  name: string;
  run: (i: number) => Promise<unknown>;
}

async function main() {
  const conn = await freshDatabase(DATABASE_URL);
  await conn.query(`INSERT INTO Venue (id, name, address) VALUES (${VENUE}, '压测考场', '压测路1号')`);
  // A learner of its own for every booking the steps make.
  const bookingSteps = 3;
  await makeRushLearners(conn, (N + WARM) * bookingSteps * ROUNDS + 1);
  const { createDb, sendTogether } = await import('../src/db');
  const { authenticate } = await import('../src/http/auth');
  const { loadLearnerByIdNumber } = await import('../src/modules/exams/use-cases/learner-sql');
  const { seatTransaction } = await import('../src/modules/exams/use-cases/booking-sql');
  const db = createDb(DATABASE_URL, 1);
  const deps = { db } as Parameters<typeof seatTransaction>[0];
  const dbPid = databasePid(DATABASE_URL);
  if (!dbPid) throw new Error('cannot find the MariaDB process (ss -ltnp) to read its CPU time');

  let nextLearner = 1;
  const idNumberOf = async (i: number) => ((await db.sql.query('SELECT idNumber FROM Learner WHERE id = ?', [i])) as { idNumber: string }[])[0].idNumber;
  const someIdNumber = await idNumberOf(1);
  const login = (token: string) => ({ get: () => `Bearer ${token}`, state: {} }) as unknown as Context;

  async function session() {
    const [id] = await openRushSessions(conn, VENUE, 1, 1_000_000);
    const startsAt = new Date(Date.now() + 20 * 86_400_000);
    return { id, subject: 1, startsAt, allocation: 'FIRST_COME', venue: { id: VENUE, name: '压测考场', address: '压测路1号' } } as never;
  }

  const steps: Step[] = [
    { name: 'a round trip (SELECT 1)', run: () => db.sql.query('SELECT 1') },
    { name: 'login look-up', run: (i) => authenticate(login(rushTokenOf(i)), db, true) },
    { name: 'learner look-up', run: () => loadLearnerByIdNumber(db, someIdNumber) },
    {
      name: 'app: seat transaction',
      run: async () => {
        const s = await sessionFor('app');
        const learner = nextLearner++;
        const now = new Date();
        return seatTransaction(deps, { driverId: learner }, { id: learner } as never, s, { now, ranked: false, sort: now, priority: false, key: `${learner}:1` });
      },
    },
    {
      // The same transaction without its audit row and its notices: what those rows cost.
      name: 'app: the same, no audit/notices',
      run: async () => {
        const s = (await sessionFor('bare')) as unknown as { id: number };
        const learner = nextLearner++;
        const now = new Date();
        return db.sql.withConnection(async (c) => {
          await sendTogether(c, [
            { sql: 'START TRANSACTION', values: [] },
            {
              sql: `SET STATEMENT foreign_key_checks = 0 FOR
                    INSERT INTO ExamBooking (sessionId, learnerId, subject, status, sortTime, activeKey, priority, createdAt, decidedAt)
                    VALUES (?, ?, 1, 'CONFIRMED', ?, ?, false, ?, ?) RETURNING id`,
              values: [s.id, learner, now, `${learner}:1`, now, now],
            },
          ]);
          await sendTogether(c, [
            {
              sql: `UPDATE ExamSession SET confirmedCount = confirmedCount + 1
                     WHERE id = ? AND allocation = 'FIRST_COME' AND confirmedCount < capacity AND bookingOpensAt <= ? AND bookingClosesAt > ?`,
              values: [s.id, now, now],
            },
            { sql: 'SELECT confirmedCount, applicantCount FROM ExamSession WHERE id = ?', values: [s.id] },
          ]);
          await c.commit();
        });
      },
    },
    {
      // bench:rush's and bench:exams' raw baseline: BEGIN, the conditional UPDATE, the INSERT, COMMIT.
      name: 'raw: update + insert',
      run: async () => {
        const s = (await sessionFor('raw')) as unknown as { id: number };
        const learner = nextLearner++;
        const now = new Date();
        return db.sql.withConnection(async (c) => {
          await c.beginTransaction();
          await c.query(
            'UPDATE ExamSession SET confirmedCount = confirmedCount + 1 WHERE id = ? AND confirmedCount < capacity AND bookingOpensAt <= ? AND bookingClosesAt > ?',
            [s.id, now, now],
          );
          await c.query(
            `INSERT INTO ExamBooking (sessionId, learnerId, subject, status, sortTime, activeKey, createdAt, decidedAt) VALUES (?, ?, 1, 'CONFIRMED', ?, ?, ?, ?)`,
            [s.id, learner, now, `${learner}:1`, now, now],
          );
          await c.commit();
        });
      },
    },
  ];
  const sessions = new Map<string, unknown>();
  async function sessionFor(kind: string) {
    if (!sessions.has(kind)) sessions.set(kind, await session());
    return sessions.get(kind) as never;
  }

  const figures = new Map<string, { db: number[]; node: number[]; wall: number[] }>();
  for (let round = 1; round <= ROUNDS; round++) {
    sessions.clear();
    for (const step of steps) {
      for (let k = 0; k < WARM; k++) await step.run(1 + k);
      const ticks0 = cpuTicks(dbPid);
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      for (let k = 0; k < N; k++) await step.run(1 + k);
      const cpu = process.cpuUsage(cpu0);
      const f = figures.get(step.name) ?? { db: [], node: [], wall: [] };
      f.db.push(((cpuTicks(dbPid) - ticks0) * 10) / N);
      f.node.push((cpu.user + cpu.system) / 1000 / N);
      f.wall.push((performance.now() - wall0) / N);
      figures.set(step.name, f);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const f2 = (n: number) => n.toFixed(3);
  process.stdout.write(`one booking's database steps, ${N} each, one after another on one connection, ${ROUNDS} rounds (medians), ms per step\n`);
  process.stdout.write(`${'step'.padEnd(34)} ${'MariaDB'.padStart(8)} ${'Node'.padStart(8)} ${'wall'.padStart(8)}\n`);
  for (const [name, f] of figures) {
    process.stdout.write(`${name.padEnd(34)} ${f2(median(f.db)).padStart(8)} ${f2(median(f.node)).padStart(8)} ${f2(median(f.wall)).padStart(8)}\n`);
  }
  const dbOf = (name: string) => median(figures.get(name)!.db);
  const appDb = dbOf('login look-up') + dbOf('learner look-up') + dbOf('app: seat transaction');
  process.stdout.write(
    `MariaDB per confirmation: app ${f2(appDb)} ms (look-ups ${f2(dbOf('login look-up') + dbOf('learner look-up'))}, transaction ${f2(dbOf('app: seat transaction'))}, ` +
      `of which the audit row and notices ${f2(dbOf('app: seat transaction') - dbOf('app: the same, no audit/notices'))}); raw ${f2(dbOf('raw: update + insert'))} ms; app/raw ${(appDb / dbOf('raw: update + insert')).toFixed(2)}\n`,
  );
  await db.$disconnect();
  await conn.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
