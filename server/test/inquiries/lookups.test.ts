// GET /api/me/licence|vehicles|violations and POST /api/me/vehicles: own records only, masked, throttled binding.
import { loginDriver, startTestContext, type TestContext } from '../support/context';
import { idNumber, vin } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const ID_A = idNumber('37040219850312101');
const ID_B = idNumber('37040219900101202');
const VIN_A = vin('LSVAU2A3', '7N218345');
const VIN_B = vin('LFV2A21K', '56A12345');
const DAY = 86_400_000;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function seed() {
  await ctx.db.licence.createMany({
    data: [
      { idNumber: ID_A, name: '张伟', licenceClass: 'C1', firstIssuedAt: new Date('2015-03-09T16:00:00Z'), validUntil: new Date(Date.now() + 60 * DAY), status: 'A', points: 9 },
      { idNumber: ID_B, name: '王芳', licenceClass: 'C2', firstIssuedAt: new Date('2016-05-01T16:00:00Z'), validUntil: new Date('2032-05-01T16:00:00Z'), status: 'A', points: 0 },
    ],
  });
  await ctx.db.vehicle.createMany({
    data: [
      { plate: '鲁D12345', plateType: '02', vin: VIN_A, ownerIdNumber: ID_A, brand: '大众', model: '朗逸', registeredAt: new Date('2020-01-01'), inspectionDueAt: new Date(Date.now() - 3 * DAY), status: 'A' },
      { plate: '鲁DD12345', plateType: '52', vin: VIN_B, ownerIdNumber: ID_B, brand: '比亚迪', model: '秦', registeredAt: new Date('2022-01-01'), inspectionDueAt: new Date(Date.now() + 400 * DAY), status: 'A' },
    ],
  });
  await ctx.db.violation.createMany({
    data: [
      { plate: '鲁D12345', occurredAt: new Date(Date.now() - 90 * DAY), place: '解放路', code: '1625', description: '闯红灯', fineFen: 20000, points: 6, status: 'PROCESSED', decidedAt: new Date(Date.now() - 80 * DAY) },
      { plate: '鲁D12345', occurredAt: new Date(Date.now() - 10 * DAY), place: '光明路', code: '1039', description: '违法停车', fineFen: 10000, points: 0, status: 'UNPROCESSED' },
      { plate: '鲁D12345', occurredAt: new Date(Date.now() - 200 * DAY), place: '光明路', code: '1039', description: '违法停车', fineFen: 10000, points: 0, status: 'PAID' },
      { plate: '鲁DD12345', plateType: '52', occurredAt: new Date(Date.now() - 5 * DAY), place: '人民路', code: '1352', description: '超速', fineFen: 20000, points: 3, status: 'UNPROCESSED' },
    ],
  });
}

async function boundDriver(id: string) {
  const d = await loginDriver(ctx);
  await ctx.db.driver.update({ where: { id: d.id }, data: { idNumber: id, realName: '某人', identityBoundAt: new Date() } });
  return d;
}

describe('own licence', () => {
  it('shows points, cycle, status in words and advice, with the ID number masked', async () => {
    await seed();
    const a = await boundDriver(ID_A);
    const res = await ctx.http.get('/api/me/licence').set(auth(a.token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '张伟', licenceClass: 'C1', licenceClassText: '小型汽车', statusText: '正常', points: 9, fullPoints: 12 });
    expect(res.body.idNumber).toBe(`${ID_A.slice(0, 6)}********${ID_A.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.toContain(ID_A);
    expect(res.body.advice.join()).toMatch(/再记3分将满分/);
    expect(res.body.advice.join()).toMatch(/换证/);
  });

  it('answers 404 to a driver without identity or without a licence', async () => {
    await seed();
    const none = await loginDriver(ctx);
    expect((await ctx.http.get('/api/me/licence').set(auth(none.token))).status).toBe(404);
    const other = await boundDriver(idNumber('11010519491231002'));
    expect((await ctx.http.get('/api/me/licence').set(auth(other.token))).status).toBe(404);
  });
});

describe('vehicles', () => {
  it('binds by plate and VIN ending only for the owner, masks the VIN and warns of an overdue inspection', async () => {
    await seed();
    const a = await boundDriver(ID_A);
    const wrongOwner = await ctx.http.post('/api/me/vehicles').set(auth(a.token)).send({ plate: '鲁DD12345', vinSuffix: VIN_B.slice(-4) });
    expect(wrongOwner.status).toBe(404);
    const res = await ctx.http.post('/api/me/vehicles').set(auth(a.token)).send({ plate: '鲁d12345', vinSuffix: VIN_A.slice(-6) });
    expect(res.status).toBe(201);
    expect(res.body.vin).toBe(`${VIN_A.slice(0, 3)}**********${VIN_A.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.toContain(VIN_A);
    expect(JSON.stringify(res.body)).not.toContain(ID_A);
    const list = await ctx.http.get('/api/me/vehicles').set(auth(a.token));
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].warnings.join()).toMatch(/逾期未检验/);
    expect(await ctx.db.driverVehicle.count()).toBe(1);
    // Binding it again changes nothing and says so: 200 with the same vehicle.
    const again = await ctx.http.post('/api/me/vehicles').set(auth(a.token)).send({ plate: '鲁D12345', vinSuffix: VIN_A.slice(-4) });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    expect(await ctx.db.driverVehicle.count()).toBe(1);
    expect(await ctx.db.auditLog.count({ where: { action: 'vehicle.bound' } })).toBe(1);
  });

  it('throttles repeated failed binding attempts with 429 and binds nothing', async () => {
    await seed();
    const a = await boundDriver(ID_A);
    for (let i = 0; i < 5; i++) {
      const miss = await ctx.http.post('/api/me/vehicles').set(auth(a.token)).send({ plate: '鲁D12345', vinSuffix: `000${i}` });
      expect(miss.status).toBe(404);
    }
    const blocked = await ctx.http.post('/api/me/vehicles').set(auth(a.token)).send({ plate: '鲁D12345', vinSuffix: VIN_A.slice(-4) });
    expect(blocked.status).toBe(429);
    expect(await ctx.db.driverVehicle.count()).toBe(0);
    expect(blocked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('asks for identity first (422) and rejects a malformed VIN ending (400)', async () => {
    await seed();
    const none = await loginDriver(ctx);
    const res = await ctx.http.post('/api/me/vehicles').set(auth(none.token)).send({ plate: '鲁D12345', vinSuffix: VIN_A.slice(-4) });
    expect(res.status).toBe(422);
    const bad = await ctx.http.post('/api/me/vehicles').set(auth(none.token)).send({ plate: '鲁D12345', vinSuffix: '12' });
    expect(bad.status).toBe(400);
  });
});

describe('violations', () => {
  it('lists only own vehicles’ violations with late fee capped at the fine and outstanding totals', async () => {
    await seed();
    const a = await boundDriver(ID_A);
    await ctx.http.post('/api/me/vehicles').set(auth(a.token)).send({ plate: '鲁D12345', vinSuffix: VIN_A.slice(-4) });
    const res = await ctx.http.get('/api/me/violations').set(auth(a.token));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((v: { plate: string }) => v.plate)).toEqual(['鲁D12345', '鲁D12345', '鲁D12345']);
    const redLight = res.body.items.find((v: { code: string }) => v.code === '1625');
    expect(redLight.lateFeeFen).toBe(20000);
    expect(redLight.amountDueFen).toBe(40000);
    expect(res.body.totals).toEqual({ outstandingCount: 2, fineFen: 30000, lateFeeFen: 20000, amountDueFen: 50000, points: 6 });
  });

  it('gives another driver, and a driver whose vehicle was sold, an empty list', async () => {
    await seed();
    const a = await boundDriver(ID_A);
    await ctx.http.post('/api/me/vehicles').set(auth(a.token)).send({ plate: '鲁D12345', vinSuffix: VIN_A.slice(-4) });
    const b = await boundDriver(ID_B);
    const other = await ctx.http.get('/api/me/violations').set(auth(b.token));
    expect(other.body).toMatchObject({ items: [], total: 0 });
    await ctx.db.vehicle.update({ where: { vin: VIN_A }, data: { ownerIdNumber: ID_B } });
    const sold = await ctx.http.get('/api/me/violations').set(auth(a.token));
    expect(sold.body.total).toBe(0);
    expect((await ctx.http.get('/api/me/vehicles').set(auth(a.token))).body.total).toBe(0);
    const unbind = await ctx.http.delete('/api/me/vehicles/999999').set(auth(b.token));
    expect(unbind.status).toBe(404);
  });

  it('joins on plate AND plate type: the small car and the large car 鲁D88888 of two owners each show their own', async () => {
    const VIN_SMALL = vin('LSVAU2A3', '7N218346');
    const VIN_LARGE = vin('LZZ1CLVB', '2K123456');
    await ctx.db.vehicle.createMany({
      data: [
        { plate: '鲁D88888', plateType: '02', vin: VIN_SMALL, ownerIdNumber: ID_A, brand: '大众', model: '朗逸', registeredAt: new Date('2020-01-01'), status: 'A' },
        { plate: '鲁D88888', plateType: '01', vin: VIN_LARGE, ownerIdNumber: ID_B, brand: '重汽', model: '豪沃', registeredAt: new Date('2019-01-01'), status: 'A' },
      ],
    });
    const at = new Date(Date.now() - 3 * DAY);
    await ctx.db.violation.createMany({
      data: [
        { plate: '鲁D88888', plateType: '02', occurredAt: at, place: '光明路', code: '1039', description: '违法停车', fineFen: 10000, points: 0, status: 'UNPROCESSED' },
        // Same plate, time and code as the small car's: only the plate type tells them apart.
        { plate: '鲁D88888', plateType: '01', occurredAt: at, place: '光明路', code: '1039', description: '违法停车', fineFen: 15000, points: 0, status: 'UNPROCESSED' },
        { plate: '鲁D88888', plateType: '01', occurredAt: new Date(Date.now() - 20 * DAY), place: '京台高速', code: '1636', description: '货车超载', fineFen: 50000, points: 6, status: 'UNPROCESSED' },
      ],
    });
    const a = await boundDriver(ID_A);
    const b = await boundDriver(ID_B);
    const listVehicles = async (token: string) => (await ctx.http.get('/api/me/vehicles').set(auth(token))).body;
    // Binding by plate and VIN ending finds the right one of the two vehicles.
    expect((await ctx.http.post('/api/me/vehicles').set(auth(a.token)).send({ plate: '鲁D88888', vinSuffix: VIN_SMALL.slice(-4) })).status).toBe(201);
    expect((await ctx.http.post('/api/me/vehicles').set(auth(b.token)).send({ plate: '鲁D88888', vinSuffix: VIN_LARGE.slice(-4) })).status).toBe(201);
    expect((await listVehicles(a.token)).items.map((v: { plateType: string }) => v.plateType)).toEqual(['02']);
    expect((await listVehicles(b.token)).items.map((v: { plateType: string }) => v.plateType)).toEqual(['01']);

    const small = (await ctx.http.get('/api/me/violations').set(auth(a.token))).body;
    expect(small.total).toBe(1);
    expect(small.items).toEqual([expect.objectContaining({ plate: '鲁D88888', plateType: '02', plateTypeText: '小型汽车', fineFen: 10000 })]);
    expect(small.totals).toEqual({ outstandingCount: 1, fineFen: 10000, lateFeeFen: 0, amountDueFen: 10000, points: 0 });

    const large = (await ctx.http.get('/api/me/violations').set(auth(b.token))).body;
    expect(large.total).toBe(2);
    expect(large.items.map((v: { plateType: string; fineFen: number }) => `${v.plateType}:${v.fineFen}`)).toEqual(['01:15000', '01:50000']);
    expect(large.totals).toEqual({ outstandingCount: 2, fineFen: 65000, lateFeeFen: 0, amountDueFen: 65000, points: 6 });
    const onlyUnprocessed = (await ctx.http.get('/api/me/violations?status=UNPROCESSED').set(auth(a.token))).body;
    expect(onlyUnprocessed.total).toBe(1);
  });
});
