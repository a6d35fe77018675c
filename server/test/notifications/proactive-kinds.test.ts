// Proactive notices: each kind for the right drivers only (29/30 vs 31 days, 89/90 vs 91, 8 vs 9
// points), told once however often the run goes, told again for a new period; a new violation told
// at the import's end, in plain Chinese, opening the page it is about.
import { createStaff, loginStaff, startTestContext, type TestContext } from '../support/context';
import { csv, importCsv } from '../inquiries/helpers';
import {
  DAILY_LEASE,
  nextDailyRun,
  runDailyNotices,
  scanOnce,
} from '../../src/modules/inquiries/proactive-notices';
import { boundDriver, centre, dayFrom, licenceOf, newIdNumber, todayAtTen, vehicleOf } from './proactive-helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const now = todayAtTen();
const DAY = 86_400_000;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('vehicle.inspection_due', () => {
  it('tells the bound owner of a vehicle due in 0, 29 or 30 days, not 31 days nor one overdue, nor a vehicle gone', async () => {
    const due = await Promise.all([0, 29, 30, 31, -1].map(async (n) => {
      const d = await boundDriver(ctx);
      await vehicleOf(ctx, d.idNumber, { inspectionDueAt: dayFrom(now, n) }, d.id);
      return d;
    }));
    const scrapped = await boundDriver(ctx);
    await vehicleOf(ctx, scrapped.idNumber, { inspectionDueAt: dayFrom(now, 10), status: 'E' }, scrapped.id);
    const told = await scanOnce(ctx.db, now);
    expect(told['vehicle.inspection_due']).toBe(3);
    const entries = await centre(ctx, 'vehicle.inspection_due');
    expect(entries.map((e) => e.driverId).sort()).toEqual([due[0]!.id, due[1]!.id, due[2]!.id].sort());
    const of29 = entries.find((e) => e.driverId === due[1]!.id)!;
    expect(of29.title).toBe('机动车年检即将到期');
    expect(of29.body).toMatch(/^您的鲁D\d{5}检验有效期至\d{4}年\d{1,2}月\d{1,2}日，还有29天。/);
    expect(entries.find((e) => e.driverId === due[0]!.id)!.body).toContain('今天到期');
    const vehicle = await ctx.db.vehicle.findFirstOrThrow({ where: { ownerIdNumber: due[1]!.idNumber } });
    expect(of29.link).toBe(`/pages/inquiry/index?tab=vehicles&id=${vehicle.id}`);
  });

  it('tells only the owner who bound the vehicle: not an owner who never bound it, not a driver who bound it and sold it', async () => {
    const owner = await boundDriver(ctx);
    await vehicleOf(ctx, owner.idNumber, { inspectionDueAt: dayFrom(now, 10) }); // not bound
    const seller = await boundDriver(ctx);
    const buyer = newIdNumber();
    await vehicleOf(ctx, buyer, { inspectionDueAt: dayFrom(now, 10) }, seller.id); // bound, then owned by another
    expect((await scanOnce(ctx.db, now))['vehicle.inspection_due']).toBe(0);
    expect(await ctx.db.messageCentreEntry.count()).toBe(0);
  });
});

describe('licence.expiring', () => {
  it('tells the holder of a licence expiring in 89 or 90 days, not 91; a deleted account gets nothing', async () => {
    const [d89, d90, d91, gone] = await Promise.all([89, 90, 91, 30].map(async (n) => {
      const d = await boundDriver(ctx);
      await licenceOf(ctx, d.idNumber, { validUntil: dayFrom(now, n) });
      return d;
    }));
    await ctx.db.driver.update({ where: { id: gone!.id }, data: { deletedAt: new Date() } });
    const told = await scanOnce(ctx.db, now);
    expect(told['licence.expiring']).toBe(2);
    const entries = await centre(ctx, 'licence.expiring');
    expect(entries.map((e) => e.driverId).sort()).toEqual([d89!.id, d90!.id].sort());
    expect(entries.map((e) => e.driverId)).not.toContain(d91!.id);
    const e89 = entries.find((e) => e.driverId === d89!.id)!;
    expect(e89).toMatchObject({ title: '驾驶证即将到期', link: '/pages/inquiry/index?tab=licence' });
    expect(e89.body).toMatch(/还有89天。到期前90日内可以申请换证/);
  });
});

describe('licence.points_high', () => {
  it('tells at 9 points in the current cycle, not at 8, nor for 10 points of a past cycle', async () => {
    const [d8, d9, d12, old] = await Promise.all([8, 9, 12, 10].map(async (points) => {
      const d = await boundDriver(ctx);
      await licenceOf(ctx, d.idNumber, { points });
      return d;
    }));
    // Those 10 points were recorded in the previous cycle (first issued 10 March: the cycle began this year's 10 March or last year's).
    await ctx.db.$executeRaw`UPDATE Licence SET updatedAt = ${new Date(now.getTime() - 400 * DAY)} WHERE idNumber = ${old!.idNumber}`;
    const told = await scanOnce(ctx.db, now);
    expect(told['licence.points_high']).toBe(2);
    const entries = await centre(ctx, 'licence.points_high');
    expect(entries.map((e) => e.driverId).sort()).toEqual([d9!.id, d12!.id].sort());
    expect(entries.map((e) => e.driverId)).not.toContain(d8!.id);
    const e9 = entries.find((e) => e.driverId === d9!.id)!;
    expect(e9.title).toBe('记分提醒');
    expect(e9.body).toMatch(/已记9分，再记3分将满分/);
    expect(entries.find((e) => e.driverId === d12!.id)!.title).toBe('记分已满12分');
  });
});

describe('told once', () => {
  async function world() {
    const d = await boundDriver(ctx);
    await licenceOf(ctx, d.idNumber, { validUntil: dayFrom(now, 60), points: 9 });
    const v = await vehicleOf(ctx, d.idNumber, { inspectionDueAt: dayFrom(now, 20) }, d.id);
    await ctx.db.violation.create({
      data: { plate: v.plate, plateType: v.plateType, occurredAt: new Date(now.getTime() - 3 * DAY), place: '光明大道', code: '1625', description: '闯红灯', fineFen: 20000, points: 6, status: 'UNPROCESSED' },
    });
    return { d, v };
  }

  it('the run twice tells each notice once: one entry, one outbox row, one told-once row each', async () => {
    await world();
    const first = await scanOnce(ctx.db, now);
    expect(first).toEqual({ 'violation.new': 1, 'vehicle.inspection_due': 1, 'licence.expiring': 1, 'licence.points_high': 1 });
    const second = await scanOnce(ctx.db, now);
    expect(second).toEqual({ 'violation.new': 0, 'vehicle.inspection_due': 0, 'licence.expiring': 0, 'licence.points_high': 0 });
    // Next day, the same dates and cycle: still nothing new.
    expect(Object.values(await scanOnce(ctx.db, new Date(now.getTime() + DAY))).every((n) => n === 0)).toBe(true);
    expect(await ctx.db.messageCentreEntry.count()).toBe(4);
    expect(await ctx.db.notificationOutbox.count()).toBe(4);
    expect(await ctx.db.proactiveNotice.count()).toBe(4);
  });

  it('the daily job runs once a day: the second run skips on the lease, which waits for tomorrow 09:00', async () => {
    await world();
    const deps = ctx.deps;
    expect((await runDailyNotices(deps, now)).ran).toBe(true);
    expect(await runDailyNotices(deps, now)).toEqual({ ran: false, told: expect.any(Object) });
    const lease = await ctx.db.lease.findUniqueOrThrow({ where: { name: DAILY_LEASE } });
    expect(lease.expiresAt.toISOString()).toBe(nextDailyRun(now).toISOString());
    expect(await ctx.db.messageCentreEntry.count()).toBe(4);
    // Before 09:00 Shanghai the day's run is not due.
    await ctx.db.lease.deleteMany();
    expect((await runDailyNotices(deps, new Date(dayFrom(now, 1).getTime() + 8 * 3_600_000))).ran).toBe(false);
  });

  it('a failed run gives the lease back for the next tick', async () => {
    await world();
    await ctx.db.$executeRawUnsafe('RENAME TABLE ProactiveNotice TO ProactiveNoticeAway');
    try {
      await expect(runDailyNotices(ctx.deps, now)).rejects.toThrow();
    } finally {
      await ctx.db.$executeRawUnsafe('RENAME TABLE ProactiveNoticeAway TO ProactiveNotice');
    }
    expect(await ctx.db.lease.count()).toBe(0);
    expect(await ctx.db.messageCentreEntry.count()).toBe(0);
    expect((await runDailyNotices(ctx.deps, now)).ran).toBe(true);
    expect(await ctx.db.messageCentreEntry.count()).toBe(4);
  });

  it('a new period is told again: a renewed inspection date, a new expiry date, a new scoring cycle', async () => {
    const { d, v } = await world();
    await scanOnce(ctx.db, now);
    // Two years on: inspected (new due date), licence renewed, 9 points again in the new cycle.
    const later = new Date(now.getTime() + 730 * DAY);
    await ctx.db.vehicle.update({ where: { id: v.id }, data: { inspectionDueAt: dayFrom(later, 15) } });
    await ctx.db.licence.update({ where: { idNumber: d.idNumber }, data: { validUntil: dayFrom(later, 80) } });
    await ctx.db.$executeRaw`UPDATE Licence SET points = 9, updatedAt = ${later} WHERE idNumber = ${d.idNumber}`;
    const again = await scanOnce(ctx.db, later);
    expect(again).toMatchObject({ 'vehicle.inspection_due': 1, 'licence.expiring': 1, 'licence.points_high': 1 });
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: d.id } })).toBe(7);
    const periods = await ctx.db.proactiveNotice.findMany({ where: { kind: 'licence.points_high' }, orderBy: { id: 'asc' } });
    expect(periods).toHaveLength(2);
    expect(periods[0]!.period).not.toBe(periods[1]!.period);
  });
});

describe('violation.new', () => {
  const HEADER = ['plate', 'plateType', 'occurredAt', 'place', 'code', 'description', 'fineFen', 'points', 'status', 'licenceNumber'];

  it('an import tells, at its end, the owner who bound the vehicle and the licence holder recorded; not others, not paid ones; a re-import tells nobody again', async () => {
    await createStaff(ctx, { username: 'admin1', role: 'ADMIN' });
    const admin = await loginStaff(ctx, 'admin1');
    const owner = await boundDriver(ctx);
    const v = await vehicleOf(ctx, owner.idNumber, { plate: '鲁D12345' }, owner.id);
    const holder = await boundDriver(ctx);
    const bystander = await boundDriver(ctx);
    await vehicleOf(ctx, bystander.idNumber, { plate: '鲁D54321' }); // not bound: not told
    const file = csv(HEADER, [
      ['鲁D12345', '02', '2026-11-28 08:30', '枣庄市市中区光明大道与青檀路交叉口', '1625', '驾驶机动车违反道路交通信号灯通行的', 20000, 6, 'UNPROCESSED', ''],
      ['鲁D88888', '02', '2026-11-29 18:05', '薛城区永福路', '1039', '机动车违反规定停放', 10000, 0, 'PROCESSED', holder.idNumber],
      ['鲁D12345', '02', '2026-11-20 10:00', '人民路', '1039', '机动车违反规定停放', 10000, 0, 'PAID', ''],
      ['鲁D54321', '02', '2026-11-29 09:00', '人民路', '1352', '超速', 20000, 3, 'UNPROCESSED', ''],
    ]);
    const res = await importCsv(ctx, admin, 'violations', file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 4, updated: 0, rejected: [] });

    const entries = await centre(ctx, 'violation.new');
    expect(entries.map((e) => e.driverId).sort()).toEqual([owner.id, holder.id].sort());
    const mine = entries.find((e) => e.driverId === owner.id)!;
    const red = await ctx.db.violation.findFirstOrThrow({ where: { plate: '鲁D12345', code: '1625' } });
    expect(mine).toMatchObject({ title: '新的交通违法记录', link: `/pages/inquiry/index?tab=violations&id=${red.id}` });
    expect(mine.body).toBe(
      '鲁D12345于2026年11月28日 08:30在枣庄市市中区光明大道与青檀路交叉口驾驶机动车违反道路交通信号灯通行的，罚款200元，记6分。请在30日内处理，如有异议可以在线咨询。',
    );
    expect(entries.find((e) => e.driverId === holder.id)!.body).toContain('罚款100元，不记分');
    // The driver reads it in the message centre, and the page it opens lists that violation.
    const list = await ctx.http.get('/api/me/notifications').set(auth(owner.token));
    expect(list.body.items).toEqual([expect.objectContaining({ title: '新的交通违法记录', link: mine.link, read: false })]);
    const page = await ctx.http.get('/api/me/violations').set(auth(owner.token));
    expect(page.body.items.map((x: { id: number }) => x.id)).toContain(red.id);
    expect(v.id).toBeGreaterThan(0);

    // The same file again updates the rows and tells nobody twice; nor does the daily sweep.
    const again = await importCsv(ctx, admin, 'violations', file);
    expect(again.body).toMatchObject({ created: 0, updated: 4 });
    expect((await scanOnce(ctx.db, now))['violation.new']).toBe(0);
    expect(await ctx.db.messageCentreEntry.count({ where: { event: 'violation.new' } })).toBe(2);
    expect(await ctx.db.notificationOutbox.count({ where: { event: 'violation.new' } })).toBe(2);
  });

  it('the daily sweep tells violations recorded in the last 5 days that no import end told, and not older ones', async () => {
    const owner = await boundDriver(ctx);
    const v = await vehicleOf(ctx, owner.idNumber, {}, owner.id);
    const row = (code: string, createdAt: Date) => ({
      plate: v.plate, plateType: v.plateType, occurredAt: new Date('2026-11-01T01:00:00Z'), place: '人民路', code, description: '超速', fineFen: 20000, points: 3, status: 'UNPROCESSED' as const, createdAt,
    });
    await ctx.db.violation.createMany({ data: [row('1352', new Date(now.getTime() - 4 * DAY)), row('1353', new Date(now.getTime() - 6 * DAY))] });
    const told = await scanOnce(ctx.db, now);
    expect(told['violation.new']).toBe(1);
    const [entry] = await centre(ctx, 'violation.new');
    expect(entry!.body).toContain('记3分');
  });
});
