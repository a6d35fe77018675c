// The migration runner: applies in order once, keeps Prisma's bookkeeping, refuses edited history.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, readMigrations } from '../../src/db/migrate';
import { TEST_SERVER_URL, testDatabaseName } from '../support/databases';
import { openConnection, queryOnce } from '../support/sql';

const url = `${TEST_SERVER_URL}/${testDatabaseName()}_mig`;
let dir: string;

function writeMigration(name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

const query = <T>(sql: string) => queryOnce<T>(url, sql);

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  const conn = await openConnection(TEST_SERVER_URL);
  await conn.query(`DROP DATABASE IF EXISTS \`${testDatabaseName()}_mig\``);
  await conn.end();
});
afterAll(async () => {
  const conn = await openConnection(TEST_SERVER_URL);
  await conn.query(`DROP DATABASE IF EXISTS \`${testDatabaseName()}_mig\``);
  await conn.end();
});

describe('migrate', () => {
  it('creates the database, applies migrations in name order and records them like Prisma', async () => {
    writeMigration('20260101000000_a', 'CREATE TABLE t (id INT PRIMARY KEY);');
    writeMigration('20260102000000_b', 'ALTER TABLE t ADD COLUMN n INT NULL;');
    expect(await migrate(url, dir)).toEqual(['20260101000000_a', '20260102000000_b']);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['20260101000000_a', '20260102000000_b']);
    expect(rows[0].checksum).toBe(readMigrations(dir)[0].checksum);
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it('applies nothing the second time and only new migrations later', async () => {
    writeMigration('20260101000000_a', 'CREATE TABLE t (id INT PRIMARY KEY);');
    await migrate(url, dir);
    expect(await migrate(url, dir)).toEqual([]);
    writeMigration('20260103000000_c', 'CREATE TABLE u (id INT PRIMARY KEY);');
    expect(await migrate(url, dir)).toEqual(['20260103000000_c']);
  });

  it('refuses a migration changed after it was applied', async () => {
    writeMigration('20260101000000_a', 'CREATE TABLE t (id INT PRIMARY KEY);');
    await migrate(url, dir);
    writeMigration('20260101000000_a', 'CREATE TABLE t (id BIGINT PRIMARY KEY);');
    await expect(migrate(url, dir)).rejects.toThrow(/changed after it was applied/);
  });

  it('records a failed migration and refuses to go on until it is fixed by hand', async () => {
    writeMigration('20260101000000_bad', 'CREATE TABLE broken (');
    await expect(migrate(url, dir)).rejects.toThrow(/20260101000000_bad failed/);
    await expect(migrate(url, dir)).rejects.toThrow(/failed earlier/);
  });

  it('lets two processes migrate at once without applying anything twice', async () => {
    writeMigration('20260101000000_a', 'CREATE TABLE t (id INT PRIMARY KEY);');
    const [a, b] = await Promise.all([migrate(url, dir), migrate(url, dir)]);
    expect([...a, ...b]).toEqual(['20260101000000_a']);
  });
});
