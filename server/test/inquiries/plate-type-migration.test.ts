// The migration that gives violations a plate type backfills the rows imported before it: new-energy
// plates by their form, a plate held by exactly one vehicle by that vehicle, every other row 02.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../../src/db/migrate';
import { TEST_SERVER_URL, testDatabaseName } from '../support/databases';
import { openConnection, queryOnce } from '../support/sql';

const MIGRATION = '20261202110000_violation_plate_type';
const database = `${testDatabaseName()}_platetype`;
const url = `${TEST_SERVER_URL}/${database}`;

async function dropDatabase() {
  const conn = await openConnection(TEST_SERVER_URL);
  await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await conn.end();
}
beforeAll(dropDatabase);
afterAll(dropDatabase);

it('backfills plateType and keys violations on (plate, plateType, occurredAt, code)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  for (const m of readMigrations().filter((m) => m.name < MIGRATION)) {
    cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
  }
  await migrate(url, dir);
  const conn = await openConnection(url);
  try {
    await conn.query(
      `INSERT INTO Vehicle (plate, plateType, vin, ownerIdNumber, brand, model, registeredAt, status, updatedAt) VALUES
         ('鲁D11111', '01', 'LZZ1CLVB0K1234561', '370402198503121011', '重汽', '豪沃', '2019-01-01', 'A', NOW(3)),
         ('鲁D22222', '01', 'LZZ1CLVB0K1234562', '370402198503121011', '重汽', '豪沃', '2019-01-01', 'A', NOW(3)),
         ('鲁D22222', '02', 'LSVAU2A30N2183453', '370402199001012021', '大众', '朗逸', '2020-01-01', 'A', NOW(3))`,
    );
    const violation = (plate: string) =>
      `('${plate}', '2026-01-05 00:30:00', '光明路', '1039', '违法停车', 10000, 0, 'UNPROCESSED', NOW(3))`;
    await conn.query(
      `INSERT INTO Violation (plate, occurredAt, place, code, description, fineFen, points, status, updatedAt) VALUES
         ${['鲁D11111', '鲁D22222', '鲁D33333', '鲁DD12345', '鲁D12345D'].map(violation).join(',')}`,
    );
  } finally {
    await conn.end();
  }
  cpSync(path.join(MIGRATIONS_DIR, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
  expect(await migrate(url, dir)).toEqual([MIGRATION]);

  const rows = await queryOnce<{ plate: string; plateType: string }>(url, 'SELECT plate, plateType FROM Violation ORDER BY plate');
  expect(Object.fromEntries(rows.map((r) => [r.plate, r.plateType]))).toEqual({
    鲁D11111: '01', // held by one large car only
    鲁D22222: '02', // two vehicles: ambiguous, the default
    鲁D33333: '02', // no vehicle
    鲁DD12345: '52', // small new-energy
    鲁D12345D: '51', // large new-energy
  });
  const keys = await queryOnce<{ c: string }>(
    url,
    `SELECT COLUMN_NAME c FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'Violation' AND INDEX_NAME = 'Violation_plate_plateType_occurredAt_code_key'
      ORDER BY SEQ_IN_INDEX`,
  );
  expect(keys.map((k) => k.c)).toEqual(['plate', 'plateType', 'occurredAt', 'code']);
});
