// Pure rules: plate formats, the points cycle across its anniversary, the late-fee cap.
import { plateKind, plateTypeProblem, normalisePlate } from '@jiaoguan/contracts/plate';
import { currentPoints, lateFeeFen, pointsCycle } from '../../src/modules/inquiries/rules';
import { parseImportDate } from '../../src/modules/inquiries/import-rows';

const sh = (s: string) => new Date(`${s}+08:00`);

describe('plates', () => {
  it('accepts ordinary, small and large new-energy plates and rejects I, O and bad lengths', () => {
    expect(plateKind('鲁D12345')).toBe('ORDINARY');
    expect(plateKind(normalisePlate('粤b·d12345'))).toBe('NEV_SMALL');
    expect(plateKind('京ADA1234')).toBe('NEV_SMALL');
    expect(plateKind('甘G23459F')).toBe('NEV_LARGE');
    expect(plateKind('鲁DI2345')).toBeNull();
    expect(plateKind('鲁D1234')).toBeNull();
    expect(plateKind('鲁DZ12345')).toBeNull();
  });

  it('requires new-energy plate types for 8-character plates', () => {
    expect(plateTypeProblem('粤BD12345', '52')).toBeNull();
    expect(plateTypeProblem('粤BD12345', '02')).toMatch(/52/);
    expect(plateTypeProblem('甘G23459F', '51')).toBeNull();
    expect(plateTypeProblem('鲁D12345', '52')).toMatch(/8位/);
    expect(plateTypeProblem('鲁D12345', '99')).toMatch(/号牌种类/);
  });
});

describe('points cycle', () => {
  const licence = { firstIssuedAt: sh('2015-03-10T00:00:00'), points: 6 };

  it('runs from one anniversary of the first issue date (Shanghai) to the next', () => {
    const before = pointsCycle(licence.firstIssuedAt, sh('2026-03-09T23:59:00'));
    expect(before.startsAt.toISOString()).toBe(sh('2025-03-10T00:00:00').toISOString());
    expect(before.endsAt.toISOString()).toBe(sh('2026-03-10T00:00:00').toISOString());
    const after = pointsCycle(licence.firstIssuedAt, sh('2026-03-10T00:00:00'));
    expect(after.startsAt.toISOString()).toBe(sh('2026-03-10T00:00:00').toISOString());
  });

  it('clears points recorded in the previous cycle once the anniversary has passed, unless they reached 12', () => {
    const recorded = sh('2026-02-01T10:00:00');
    expect(currentPoints({ ...licence, pointsRecordedAt: recorded }, sh('2026-03-09T12:00:00'))).toBe(6);
    expect(currentPoints({ ...licence, pointsRecordedAt: recorded }, sh('2026-03-10T00:01:00'))).toBe(0);
    expect(currentPoints({ ...licence, points: 12, pointsRecordedAt: recorded }, sh('2026-03-10T00:01:00'))).toBe(12);
  });

  it('puts a 29 February anniversary on 28 February in other years', () => {
    const cycle = pointsCycle(sh('2008-02-29T00:00:00'), sh('2026-06-01T00:00:00'));
    expect(cycle.startsAt.toISOString()).toBe(sh('2026-02-28T00:00:00').toISOString());
  });
});

describe('late fee', () => {
  const decidedAt = sh('2026-01-01T10:00:00');
  const v = { status: 'PROCESSED', fineFen: 20_000, decidedAt };

  it('is nothing within 15 days of the decision, then 3% of the fine a day', () => {
    expect(lateFeeFen(v, sh('2026-01-16T09:00:00'))).toBe(0);
    expect(lateFeeFen(v, sh('2026-01-17T10:00:00'))).toBe(600);
    expect(lateFeeFen(v, sh('2026-01-26T10:00:00'))).toBe(6000);
  });

  it('never exceeds the fine, and paid or undecided fines carry none', () => {
    expect(lateFeeFen(v, sh('2026-03-01T10:00:00'))).toBe(20_000);
    expect(lateFeeFen(v, sh('2030-01-01T10:00:00'))).toBe(20_000);
    expect(lateFeeFen({ ...v, status: 'PAID' }, sh('2026-03-01T10:00:00'))).toBe(0);
    expect(lateFeeFen({ ...v, status: 'UNPROCESSED', decidedAt: null }, sh('2026-03-01T10:00:00'))).toBe(0);
  });
});

describe('import dates', () => {
  it('reads zone-less dates as Shanghai time and rejects impossible ones', () => {
    expect(parseImportDate('2026-01-05')?.toISOString()).toBe('2026-01-04T16:00:00.000Z');
    expect(parseImportDate('2026-01-05 08:30:00')?.toISOString()).toBe('2026-01-05T00:30:00.000Z');
    expect(parseImportDate('2026-01-05T08:30:00Z')?.toISOString()).toBe('2026-01-05T08:30:00.000Z');
    expect(parseImportDate('2026-02-30')).toBeNull();
    expect(parseImportDate('05/01/2026')).toBeNull();
  });
});
