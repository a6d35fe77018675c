// Each proactive notice told once across two worker processes running the job at the same moment:
// under the daily lease one runs and the other skips; and with no lease at all (two bare scans
// racing) the told-once key alone keeps every notice to one message-centre entry and one outbox row.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startTestContext, type TestContext } from '../support/context';
import { testDatabaseUrl } from '../support/databases';
import { idNumber, vin } from '../inquiries/helpers';
import { dayFrom, todayAtTen } from './proactive-helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const now = todayAtTen();
const DRIVERS = 150;
const KINDS = 4;

/** DRIVERS bound drivers, each with a licence expiring and at 9 points, a vehicle due and a new violation of it. */
async function world() {
  const ids = Array.from({ length: DRIVERS }, (_, i) => idNumber(`370402198503${String(10000 + i).slice(-5)}`));
  await ctx.db.driver.createMany({
    data: ids.map((id, i) => ({ openid: `race-openid-${i}`, unionid: `race-unionid-${i}`, idNumber: id, realName: '张伟', identityBoundAt: new Date() })),
  });
  const drivers = await ctx.db.driver.findMany({ orderBy: { id: 'asc' } });
  await ctx.db.licence.createMany({
    data: ids.map((id) => ({ idNumber: id, name: '张伟', licenceClass: 'C1', firstIssuedAt: new Date('2015-03-09T16:00:00Z'), validUntil: dayFrom(now, 60), status: 'A', points: 9 })),
  });
  await ctx.db.vehicle.createMany({
    data: ids.map((id, i) => ({
      plate: `鲁D${String(10000 + i).slice(-5)}`, plateType: '02', vin: vin('LSVAU2A3', `7N${String(100000 + i).slice(-6)}`), ownerIdNumber: id,
      brand: '大众', model: '朗逸', registeredAt: new Date('2020-01-01T00:00:00Z'), inspectionDueAt: dayFrom(now, 20), status: 'A',
    })),
  });
  const vehicles = await ctx.db.vehicle.findMany({ orderBy: { id: 'asc' } });
  await ctx.db.driverVehicle.createMany({ data: vehicles.map((v, i) => ({ driverId: drivers[i]!.id, vehicleId: v.id })) });
  await ctx.db.violation.createMany({
    data: vehicles.map((v) => ({
      plate: v.plate, plateType: v.plateType, occurredAt: new Date(now.getTime() - 2 * 86_400_000), place: '光明大道', code: '1625',
      description: '闯红灯', fineFen: 20000, points: 6, status: 'UNPROCESSED' as const,
    })),
  });
}

interface Child {
  proc: ChildProcess;
  ready: Promise<void>;
  result: Promise<{ ran: boolean; told: Record<string, number> }>;
}

function startChild(mode: 'daily' | 'scan'): Child {
  const proc = spawn('npx', ['tsx', path.join(__dirname, 'proactive-child.ts')], {
    cwd: path.join(__dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: 'silent', PROACTIVE_NOW: now.toISOString(), PROACTIVE_MODE: mode },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (c) => (err += c));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (c) => {
      out += c;
      if (out.startsWith('ready\n')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`child exited ${code} before ready: ${err}`)));
  });
  const result = new Promise<{ ran: boolean; told: Record<string, number> }>((resolve, reject) => {
    proc.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
      resolve(JSON.parse(out.split('\n')[1]!));
    });
  });
  result.catch(() => undefined);
  return { proc, ready, result };
}

async function race(mode: 'daily' | 'scan') {
  const children = [startChild(mode), startChild(mode)];
  try {
    await Promise.all(children.map((c) => c.ready));
    // Both told to go at the same moment.
    for (const c of children) c.proc.stdin!.write('go\n');
    return await Promise.all(children.map((c) => c.result));
  } finally {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
  }
}

async function expectEachToldOnce() {
  const total = DRIVERS * KINDS;
  expect(await ctx.db.proactiveNotice.count()).toBe(total);
  expect(await ctx.db.messageCentreEntry.count()).toBe(total);
  expect(await ctx.db.notificationOutbox.count()).toBe(total);
  const perDriverKind = await ctx.db.messageCentreEntry.groupBy({ by: ['driverId', 'event'], _count: { _all: true } });
  expect(perDriverKind).toHaveLength(total);
  expect(perDriverKind.every((g) => g._count._all === 1)).toBe(true);
}

it('each proactive notice told once across two worker processes running the daily job at the same time: one runs, one skips', async () => {
  await world();
  const results = await race('daily');
  expect(results.map((r) => r.ran).sort()).toEqual([false, true]);
  const winner = results.find((r) => r.ran)!;
  expect(winner.told).toEqual({ 'violation.new': DRIVERS, 'vehicle.inspection_due': DRIVERS, 'licence.expiring': DRIVERS, 'licence.points_high': DRIVERS });
  await expectEachToldOnce();
}, 300_000);

it('each proactive notice told once when two processes scan at once with no lease: the told-once key decides', async () => {
  await world();
  const results = await race('scan');
  // Between them they told every notice exactly once, however the work fell.
  for (const kind of ['violation.new', 'vehicle.inspection_due', 'licence.expiring', 'licence.points_high']) {
    expect(results[0]!.told[kind]! + results[1]!.told[kind]!).toBe(DRIVERS);
  }
  await expectEachToldOnce();
}, 300_000);
