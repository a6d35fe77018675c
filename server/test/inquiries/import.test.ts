// POST /api/admin/import/*: CSV and JSON, row validation with line numbers, duplicates, idempotent re-import.
import { createStaff, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';
import {
  LICENCE_HEADER,
  VEHICLE_HEADER,
  VIOLATION_HEADER,
  csv,
  idNumber,
  importCsv,
  importJson,
  vin,
} from './helpers';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  await createStaff(ctx, { username: 'admin1', role: 'ADMIN' });
  admin = await loginStaff(ctx, 'admin1');
});

const ID1 = idNumber('37040219850312101');
const ID2 = idNumber('37040219900101202');
const VIN1 = vin('LSVAU2A3', '7N218345');

describe('licence import', () => {
  it('creates valid rows and rejects bad ones with their line numbers, writing nothing for them', async () => {
    const body = csv(LICENCE_HEADER, [
      [ID1, '张伟', 'C1', '2015-03-10', '2027-03-10', 'A', 3],
      [ID1.slice(0, 17) + (ID1[17] === '1' ? '2' : '1'), '李四', 'C1', '2015-03-10', '2027-03-10', 'A', 0],
      [ID2, '王芳', 'Z9', '2015-03-10', '2027-03-10', 'A', 0],
      [ID2, '王芳', 'C2', '2015-03-10', '2027-03-10', 'A', 'x'],
      [ID2, '王芳', 'C2', '2015-02-30', '2027-03-10', 'A', 0],
    ]);
    const res = await importCsv(ctx, admin, 'licences', body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0, rejectedCount: 4 });
    expect(res.body.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6]);
    expect(res.body.rejected[0].reason).toMatch(/身份证/);
    expect(res.body.rejected[1].reason).toMatch(/准驾车型/);
    expect(await ctx.db.licence.count()).toBe(1);
  });

  it('takes the holder\'s phone and file number (the identity proofs), checked, and keeps them on a re-import without them', async () => {
    const header = [...LICENCE_HEADER, 'phone', 'fileNumber'];
    const res = await importCsv(ctx, admin, 'licences', csv(header, [
      [ID1, '张伟', 'C1', '2015-03-10', '2027-03-10', 'A', 3, '13800138000', '370400123456'],
      [ID2, '王芳', 'C2', '2016-05-01', '2028-05-01', 'A', 0, '12345', ''],
      [ID2, '王芳', 'C2', '2016-05-01', '2028-05-01', 'A', 0, '', '3704001234'],
    ]));
    expect(res.body).toMatchObject({ created: 1, rejectedCount: 2 });
    expect(res.body.rejected.map((r: { reason: string }) => r.reason)).toEqual([expect.stringMatching(/手机号码/), expect.stringMatching(/档案编号/)]);
    await importCsv(ctx, admin, 'licences', csv(LICENCE_HEADER, [[ID1, '张伟', 'C1', '2015-03-10', '2027-03-10', 'A', 6]]));
    expect(await ctx.db.licence.findUniqueOrThrow({ where: { idNumber: ID1 } })).toMatchObject({ phone: '13800138000', fileNumber: '370400123456', points: 6 });
    // The holder sees them masked.
    const d = await loginDriver(ctx);
    await ctx.db.driver.update({ where: { id: d.id }, data: { idNumber: ID1, realName: '张伟', identityBoundAt: new Date() } });
    const own = await ctx.http.get('/api/me/licence').set('Authorization', `Bearer ${d.token}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ phone: '138****8000', fileNumber: '********3456' });
  });

  it('updates on re-import instead of duplicating, and counts a repeated key in one file as an update', async () => {
    const rows = [
      [ID1, '张伟', 'C1', '2015-03-10', '2027-03-10', 'A', 3],
      [ID2, '王芳', 'C2', '2016-05-01', '2028-05-01', 'A', 0],
      [ID1, '张伟', 'C1', '2015-03-10', '2027-03-10', 'A', 6],
    ];
    const first = await importCsv(ctx, admin, 'licences', csv(LICENCE_HEADER, rows));
    expect(first.body).toMatchObject({ created: 2, updated: 1, rejected: [] });
    const again = await importCsv(ctx, admin, 'licences', csv(LICENCE_HEADER, rows));
    expect(again.body).toMatchObject({ created: 0, updated: 3, rejected: [] });
    expect(await ctx.db.licence.count()).toBe(2);
    expect((await ctx.db.licence.findUniqueOrThrow({ where: { idNumber: ID1 } })).points).toBe(6);
  });

  it('answers 400 for a header with missing or unknown columns and writes nothing', async () => {
    const res = await importCsv(ctx, admin, 'licences', 'idNumber,name,klass\n' + `${ID1},张伟,C1\n`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/klass/);
    // Missing columns are named in Chinese with the column name the file must use.
    expect(res.body.error.message).toMatch(/缺少列：准驾车型（licenceClass）、初次领证日期（firstIssuedAt）/);
    expect(await ctx.db.licence.count()).toBe(0);
  });

  it('names a missing or wrong value of a row by its Chinese field name', async () => {
    const res = await importJson(ctx, admin, 'licences', [
      { idNumber: ID1, name: '', licenceClass: 'C1', firstIssuedAt: '2015-03-10', validUntil: '2027-03-10', status: 'A', points: 3 },
      { idNumber: ID2, name: '王芳', licenceClass: 'C1', firstIssuedAt: '2015-03-10', validUntil: '2027-03-10', status: 'A', points: 'x' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.rejected.map((r: { reason: string }) => r.reason)).toEqual(['缺少姓名（name）', '记分（points） 应为整数']);
  });

  it('takes a JSON array with element positions as line numbers', async () => {
    const res = await importJson(ctx, admin, 'licences', [
      { idNumber: ID1, name: '张伟', licenceClass: 'C1', firstIssuedAt: '2015-03-10', validUntil: '2027-03-10', status: 'A', points: 3 },
      { idNumber: ID2, name: '王芳', licenceClass: 'C1', firstIssuedAt: '2015-03-10', validUntil: '2027-03-10', status: 'QQ', points: 0 },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0, rejected: [{ line: 2 }] });
    expect(res.body.rejected[0].reason).toMatch(/状态代码/);
  });

  it('answers 400 for broken JSON, 415 for other content types, 403 for non-admins', async () => {
    const broken = await ctx.http
      .post('/api/admin/import/licences')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send('[{"idNumber": "1"');
    expect(broken.status).toBe(400);
    const xml = await ctx.http
      .post('/api/admin/import/licences')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/xml')
      .send('<a/>');
    expect(xml.status).toBe(415);
    const driver = await loginDriver(ctx);
    const forbidden = await importCsv(ctx, driver.token, 'licences', csv(LICENCE_HEADER, []));
    expect(forbidden.status).toBe(403);
    expect(await ctx.db.licence.count()).toBe(0);
  });
});

describe('streamed bodies', () => {
  it('takes a JSON array far over the 1 MB JSON limit, since import bodies are streamed', async () => {
    const rows = Array.from({ length: 9000 }, (_, i) => ({
      plate: `鲁B${String(i % 1000).padStart(5, '0')}`,
      occurredAt: `2026-03-${String(1 + Math.floor(i / 1000)).padStart(2, '0')} 10:00:00`,
      place: '枣庄市市中区光明大道与君山路交叉口东100米',
      code: '1625',
      description: '驾驶机动车违反道路交通信号灯通行的',
      fineFen: 20000,
      points: 6,
      status: 'UNPROCESSED',
    }));
    const body = JSON.stringify(rows);
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await importJson(ctx, admin, 'violations', rows);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 9000, updated: 0, rejected: [] });
    expect(await ctx.db.violation.count()).toBe(9000);
  });

  it('numbers CSV lines by where each record starts, counting newlines inside quoted fields and blank lines', async () => {
    const body =
      VIOLATION_HEADER.join(',') +
      '\n' +
      '鲁D12345,2026-01-05 08:30:00,"解放路\n东段",1625,闯红灯,20000,6,UNPROCESSED\n' +
      '\n' +
      '鲁D12345,2026-01-06 08:30:00,光明路,1625,闯红灯,20000,7,UNPROCESSED\n';
    const res = await importCsv(ctx, admin, 'violations', body);
    expect(res.body).toMatchObject({ created: 1, rejected: [{ line: 5 }] });
    expect((await ctx.db.violation.findFirstOrThrow()).place).toBe('解放路\n东段');
  });
});

describe('vehicle import', () => {
  it('checks plates (new-energy included) and VIN check digits, and refuses a plate held by another VIN', async () => {
    const VIN2 = vin('LFV2A21K', '56A12345');
    const VIN3 = vin('LGBH52E0', 'Y1234567');
    const badVin = VIN1.slice(0, 8) + (VIN1[8] === '1' ? '2' : '1') + VIN1.slice(9);
    const res = await importCsv(
      ctx,
      admin,
      'vehicles',
      csv(VEHICLE_HEADER, [
        ['鲁D12345', '02', VIN1, ID1, '大众', '朗逸', '2020-01-01', '2026-01-01', 'A'],
        ['鲁DD12345', '52', VIN2, ID1, '比亚迪', '秦', '2022-01-01', '2028-01-01', 'A'],
        ['鲁D12345', '02', VIN3, ID2, '吉利', '帝豪', '2021-01-01', '2027-01-01', 'A'],
        ['鲁DI2345', '02', VIN3, ID2, '吉利', '帝豪', '2021-01-01', '2027-01-01', 'A'],
        ['鲁D54321', '02', badVin, ID2, '吉利', '帝豪', '2021-01-01', '2027-01-01', 'A'],
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, updated: 0, rejectedCount: 3 });
    expect(res.body.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5, 6]);
    expect(res.body.rejected[0].reason).toMatch(/号牌/);
    expect(res.body.rejected[2].reason).toMatch(/车辆识别代号/);
    const again = await importCsv(
      ctx,
      admin,
      'vehicles',
      csv(VEHICLE_HEADER, [['鲁D99999', '02', VIN3, ID2, '吉利', '帝豪', '2021-01-01', '2027-01-01', 'A']]),
    );
    expect(again.body).toMatchObject({ created: 1, rejected: [] });
    expect(await ctx.db.vehicle.count()).toBe(3);
  });
});

describe('violation import', () => {
  it('upserts on plate, plate type, time and code; re-import updates the status and never duplicates', async () => {
    const rows = [
      ['鲁D12345', '2026-01-05 08:30:00', '解放路与光明路口', '1625', '闯红灯', 20000, 6, 'UNPROCESSED'],
      ['鲁D12345', '2026-01-06 09:00:00', '光明路', '1039', '违法停车', 10000, 0, 'PROCESSED'],
      ['鲁D12345', '2026-01-06 09:00:00', '光明路', 'ABC', '违法停车', 10000, 0, 'PROCESSED'],
      ['鲁D12345', '2026-01-07 09:00:00', '光明路', '1039', '违法停车', 10000, 2, 'PROCESSED'],
    ];
    const first = await importCsv(ctx, admin, 'violations', csv(VIOLATION_HEADER, rows));
    expect(first.body).toMatchObject({ created: 2, updated: 0, rejectedCount: 2 });
    expect(first.body.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5]);
    rows[0][7] = 'PAID';
    const again = await importCsv(ctx, admin, 'violations', csv(VIOLATION_HEADER, rows.slice(0, 2)));
    expect(again.body).toMatchObject({ created: 0, updated: 2, rejected: [] });
    expect(await ctx.db.violation.count()).toBe(2);
    expect((await ctx.db.violation.findFirstOrThrow({ where: { code: '1625' } })).status).toBe('PAID');
    expect(await ctx.db.auditLog.count({ where: { action: 'import.violations' } })).toBe(2);
  });

  it('takes an optional plateType: the same plate, time and code on two plate types are two violations', async () => {
    const header = ['plate', 'plateType', ...VIOLATION_HEADER.slice(1)];
    const withType = await importCsv(
      ctx,
      admin,
      'violations',
      csv(header, [
        ['鲁D12345', '01', '2026-01-05 08:30:00', '光明路', '1039', '违法停车', 15000, 0, 'UNPROCESSED'],
        ['鲁D12345', '2', '2026-01-05 08:30:00', '光明路', '1039', '违法停车', 10000, 0, 'UNPROCESSED'],
        ['鲁DD12345', '', '2026-01-05 08:30:00', '光明路', '1039', '违法停车', 10000, 0, 'UNPROCESSED'],
        ['鲁D12345', '01', '2026-01-05 08:30:00', '光明路', '1039', '违法停车', 16000, 0, 'UNPROCESSED'],
      ]),
    );
    expect(withType.status).toBe(200);
    expect(withType.body).toMatchObject({ created: 3, updated: 1, rejected: [] });
    const stored = await ctx.db.violation.findMany({ orderBy: [{ plate: 'asc' }, { plateType: 'asc' }] });
    expect(stored.map((v) => `${v.plate} ${v.plateType} ${v.fineFen}`)).toEqual(['鲁D12345 01 16000', '鲁D12345 02 10000', '鲁DD12345 52 10000']);

    // Without the column: the small-car code, so this updates the 02 row and leaves the 01 one alone.
    const without = await importCsv(
      ctx,
      admin,
      'violations',
      csv(VIOLATION_HEADER, [['鲁D12345', '2026-01-05 08:30:00', '光明路', '1039', '违法停车', 10000, 0, 'PAID']]),
    );
    expect(without.body).toMatchObject({ created: 0, updated: 1, rejected: [] });
    const byType = await ctx.db.violation.findMany({ where: { plate: '鲁D12345' }, orderBy: { plateType: 'asc' } });
    expect(byType.map((v) => `${v.plateType} ${v.status}`)).toEqual(['01 UNPROCESSED', '02 PAID']);

    const json = await importJson(ctx, admin, 'violations', [
      { plate: '鲁D54321', plateType: 1, occurredAt: '2026-01-06 09:00', place: '人民路', code: '1352', description: '超速', fineFen: 20000, points: 3, status: 'UNPROCESSED' },
      { plate: '鲁D54321', occurredAt: '2026-01-06 09:00', place: '人民路', code: '1352', description: '超速', fineFen: 20000, points: 3, status: 'UNPROCESSED' },
    ]);
    expect(json.body).toMatchObject({ created: 2, updated: 0, rejected: [] });
    expect((await ctx.db.violation.findMany({ where: { plate: '鲁D54321' }, orderBy: { plateType: 'asc' } })).map((v) => v.plateType)).toEqual(['01', '02']);
  });

  it('rejects an unknown plate type, or one that does not fit the plate, with its line and writes nothing for it', async () => {
    const header = ['plate', 'plateType', ...VIOLATION_HEADER.slice(1)];
    const res = await importCsv(
      ctx,
      admin,
      'violations',
      csv(header, [
        ['鲁D12345', '99', '2026-01-05 08:30:00', '光明路', '1039', '违法停车', 10000, 0, 'UNPROCESSED'],
        ['鲁DD12345', '02', '2026-01-05 08:30:00', '光明路', '1039', '违法停车', 10000, 0, 'UNPROCESSED'],
        ['鲁D12345', '52', '2026-01-05 08:30:00', '光明路', '1039', '违法停车', 10000, 0, 'UNPROCESSED'],
        ['鲁D12345', '小型汽车', '2026-01-05 08:30:00', '光明路', '1039', '违法停车', 10000, 0, 'UNPROCESSED'],
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 0, rejectedCount: 4 });
    expect(res.body.rejected.map((r: { line: number }) => r.line)).toEqual([2, 3, 4, 5]);
    expect(res.body.rejected[0].reason).toMatch(/plateType 号牌种类代码 99 不认识/);
    expect(res.body.rejected[1].reason).toMatch(/52/);
    expect(res.body.rejected[2].reason).toMatch(/新能源号牌应为8位/);
    expect(res.body.rejected[3].reason).toMatch(/号牌种类/);
    expect(await ctx.db.violation.count()).toBe(0);
  });

  it('streams a file of several batches and keeps a quoted field with a comma intact', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => [
      `鲁A${String(10000 + (i % 500)).padStart(5, '0')}`,
      `2026-02-${String(1 + Math.floor(i / 500)).padStart(2, '0')} 10:00:00`,
      '"人民路,近学校"',
      '1352',
      '超速',
      20000,
      3,
      'UNPROCESSED',
    ]);
    const res = await importCsv(ctx, admin, 'violations', csv(VIOLATION_HEADER, many));
    expect(res.body).toMatchObject({ created: 2500, updated: 0, rejected: [] });
    expect(await ctx.db.violation.count()).toBe(2500);
    expect((await ctx.db.violation.findFirstOrThrow()).place).toBe('人民路,近学校');
  });
});
