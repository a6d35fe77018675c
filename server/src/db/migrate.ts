// Applies prisma/migrations/*/migration.sql in order and keeps Prisma's _prisma_migrations
// bookkeeping (checksum = sha256 of the file), because the Prisma CLI's migrate commands need a
// schema-engine binary that cannot be downloaded here. A changed applied migration is refused.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as mariadb from 'mariadb';
import { connectionOptions } from '../lib/database-url';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../prisma/migrations');

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** The database a URL names, refused unless it is a plain identifier (it is put into SQL). */
export function splitDatabaseUrl(databaseUrl: string): { database: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`unsafe database name "${database}"`);
  return { database };
}

export async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  const { database } = splitDatabaseUrl(databaseUrl);
  const conn = await mariadb.createConnection({ ...connectionOptions(databaseUrl), database: undefined });
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}

const BOOKKEEPING_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
  id VARCHAR(36) PRIMARY KEY NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  finished_at DATETIME(3),
  migration_name VARCHAR(255) NOT NULL,
  logs TEXT,
  rolled_back_at DATETIME(3),
  started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies pending migrations; returns the names applied now. Safe to run from several processes. */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  await createDatabaseIfMissing(databaseUrl);
  const conn = await mariadb.createConnection({ ...connectionOptions(databaseUrl), multipleStatements: true });
  const applied: string[] = [];
  try {
    // One migrator at a time per database.
    const [lock] = (await conn.query("SELECT GET_LOCK(CONCAT(DATABASE(), '.migrate'), 60) AS ok")) as { ok: number | bigint | null }[];
    if (Number(lock.ok) !== 1) throw new Error('could not take the migration lock within 60 s');
    await conn.query(BOOKKEEPING_TABLE);
    const rows = (await conn.query('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations')) as AppliedRow[];
    const byName = new Map(rows.filter((r) => !r.rolled_back_at).map((r) => [r.migration_name, r]));
    for (const m of readMigrations(dir)) {
      const done = byName.get(m.name);
      if (done) {
        if (!done.finished_at) throw new Error(`migration ${m.name} failed earlier; fix the database by hand`);
        if (done.checksum !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
        continue;
      }
      const id = randomUUID();
      await conn.query(
        'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)',
        [id, m.checksum, m.name],
      );
      try {
        await conn.query(m.sql);
      } catch (err) {
        await conn.query('UPDATE _prisma_migrations SET logs = ? WHERE id = ?', [String(err), id]);
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      await conn.query(
        'UPDATE _prisma_migrations SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?',
        [id],
      );
      applied.push(m.name);
    }
    await conn.query("SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.migrate'))");
  } finally {
    await conn.end();
  }
  return applied;
}
