// The insurer's CSV export streams every matching row (not one page of 100), in batches, by the days
// of hand-over; another insurer's rows never appear; no cell can run as a formula.
import { parse } from 'csv-parse/sync';
import { claimBatches, defuse } from '../../src/modules/insurers/claims-csv';
import { claimWhere } from '../../src/modules/insurers/claims';
import { createStaff, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';
import { insurerStaff } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const DAY = 86_400_000;
/** Noon in Shanghai (04:00 UTC) of 2026-11-01 plus `days`. */
const handedOver = (days: number) => new Date(Date.parse('2026-11-01T04:00:00Z') + days * DAY);

/** `count` confirmed cases whose party A's claim went to `code`, one a day from 2026-11-01 round a 30-day cycle. */
async function claims(code: string, count: number, prefix: string, driverName = '张伟') {
  const insurer = await ctx.db.insurer.findUniqueOrThrow({ where: { code } });
  const driver = await loginDriver(ctx);
  const unit = await ctx.db.unit.findUniqueOrThrow({ where: { code: 'tengzhou' } });
  const numbers = Array.from({ length: count }, (_, i) => `SG${prefix}${String(i).padStart(6, '0')}`);
  await ctx.db.accidentCase.createMany({
    data: numbers.map((caseNumber, i) => ({
      caseNumber,
      status: 'CONFIRMED' as const,
      unitId: unit.id,
      reporterId: driver.id,
      occurredAt: handedOver(i % 30),
      address: '滕州市善国北路',
      vehicleCount: 1,
      atFault: 'A' as const,
      documentNumber: `XY${prefix}${String(i).padStart(6, '0')}`,
    })),
  });
  const cases = await ctx.db.accidentCase.findMany({ where: { caseNumber: { in: numbers } }, select: { id: true, caseNumber: true }, orderBy: { id: 'asc' } });
  await ctx.db.accidentParty.createMany({
    data: cases.map((c) => ({ caseId: c.id, role: 'A' as const, driverId: driver.id, plate: '鲁D12345', driverName, phone: '13800000001', insurer: insurer.name })),
  });
  const parties = await ctx.db.accidentParty.findMany({ where: { caseId: { in: cases.map((c) => c.id) } }, select: { id: true, caseId: true }, orderBy: { caseId: 'asc' } });
  await ctx.db.insuranceClaim.createMany({
    data: parties.map((p, i) => ({ caseId: p.caseId, partyId: p.id, insurer: insurer.name, insurerId: insurer.id, policyNumber: `P${i}`, createdAt: handedOver(i % 30) })),
  });
  return insurer;
}

describe('GET /api/insurer/claims/export', () => {
  it('streams every matching claim of the caller’s company, far more than a page, by days of hand-over', async () => {
    await claims('PICC', 1_230, '20261101');
    await claims('PAIC', 40, '20261102', '李娜');
    const picc = await insurerStaff(ctx, 'PICC');
    const all = await ctx.http.get('/api/insurer/claims/export').set({ Authorization: `Bearer ${picc}` }).buffer(true);
    expect(all.status).toBe(200);
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(all.headers['content-disposition']).toContain('claims-PICC-all.csv');
    expect(all.text.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(all.text, { bom: true });
    expect(rows[0].slice(0, 4)).toEqual(['理赔编号', '理赔状态', '保单号', '事故编号']);
    expect(rows).toHaveLength(1 + 1_230);
    expect(rows.slice(1).every((r) => r[9] === '张伟')).toBe(true);
    // Oldest first, each claim once.
    const ids = rows.slice(1).map((r) => Number(r[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(1_230);

    // 10 days (2026-11-03 … 2026-11-12, Shanghai) of a 30-day cycle of 1,230: 41 a day.
    const range = await ctx.http.get('/api/insurer/claims/export?from=2026-11-03&to=2026-11-12').set({ Authorization: `Bearer ${picc}` }).buffer(true);
    const ranged: string[][] = parse(range.text, { bom: true });
    expect(ranged).toHaveLength(1 + 410);
    expect(new Set(ranged.slice(1).map((r) => r[13].slice(0, 10)))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `2026-11-${String(3 + i).padStart(2, '0')}`)));
    expect(ranged[1][13]).toBe('2026-11-03 12:00');
    const audit = await ctx.db.auditLog.findFirstOrThrow({ where: { action: 'personal_data.exported' }, orderBy: { id: 'desc' } });
    expect(audit.details).toMatchObject({ insurer: 'PICC', format: 'csv', rows: 410, filter: { from: '2026-11-03', to: '2026-11-12' } });
  });

  it('reads the rows in batches by id, the same rows whatever the batch', async () => {
    const insurer = await claims('PICC', 57, '20261103');
    const where = claimWhere(insurer.id, {});
    const read = async (batch: number) => {
      const out: number[] = [];
      for await (const r of claimBatches(ctx.db, where, batch)) out.push(r.id);
      return out;
    };
    const whole = await read(500);
    expect(whole).toHaveLength(57);
    expect(await read(10)).toEqual(whole);
    expect(await read(57)).toEqual(whole);
    expect(await read(1)).toEqual(whole);
  });

  it('keeps a cell from running as a spreadsheet formula', async () => {
    for (const v of ['=1+1', '+86', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(defuse(v).startsWith("'")).toBe(true);
    expect(defuse('张伟')).toBe('张伟');
    expect(defuse(null)).toBe('');
    await claims('PICC', 1, '20261104', '=HYPERLINK("x")');
    const picc = await insurerStaff(ctx, 'PICC');
    const res = await ctx.http.get('/api/insurer/claims/export').set({ Authorization: `Bearer ${picc}` }).buffer(true);
    const rows: string[][] = parse(res.text, { bom: true });
    expect(rows[1][9]).toBe(`'=HYPERLINK("x")`);
  });
});

describe('GET /api/admin/insurance-claims?format=csv', () => {
  it('streams every matching claim of every insurer for an admin, the company first; an officer sees only their unit', async () => {
    await claims('PICC', 230, '20261103');
    await claims('PAIC', 40, '20261104', '李娜');
    await createStaff(ctx, { username: 'claims.admin', role: 'ADMIN' });
    await createStaff(ctx, { username: 'officer.tz', role: 'OFFICER', unit: 'tengzhou' });
    await createStaff(ctx, { username: 'officer.other', role: 'OFFICER', unit: 'shizhong' });
    const csvOf = async (username: string, query: Record<string, string> = {}) => {
      const token = await loginStaff(ctx, username);
      const res = await ctx.http.get('/api/admin/insurance-claims').query({ format: 'csv', ...query }).set({ Authorization: `Bearer ${token}` }).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      return parse(res.text, { bom: true }) as string[][];
    };
    const all = await csvOf('claims.admin');
    expect(all[0].slice(0, 3)).toEqual(['保险公司', '理赔编号', '理赔状态']);
    // Far more than one page (100), each claim once.
    expect(all).toHaveLength(1 + 270);
    expect(new Set(all.slice(1).map((r) => r[1])).size).toBe(270);
    expect(all.slice(1).filter((r) => r[0] === '中国人保财险')).toHaveLength(230);
    // Times as a driver reads them: Shanghai, not UTC (the case at 04:00 UTC happened at noon).
    expect(all.slice(1).map((r) => r[6])).toContain('2026-11-01 12:00');
    const paic = await csvOf('claims.admin', { insurer: '平安产险' });
    expect(paic).toHaveLength(1 + 40);
    // Part of the name finds the company, as an admin would type it.
    expect(await csvOf('claims.admin', { insurer: '平安' })).toHaveLength(1 + 40);
    expect(await csvOf('claims.admin', { insurer: '人保' })).toHaveLength(1 + 230);
    expect(await csvOf('officer.tz')).toHaveLength(1 + 270);
    expect(await csvOf('officer.other')).toHaveLength(1);
  });
});
