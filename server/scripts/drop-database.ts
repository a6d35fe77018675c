// Drops the database named in DATABASE_URL (used to give browser tests a fresh one).
import * as mariadb from 'mariadb';
import { splitDatabaseUrl } from '../src/db/migrate';
import { connectionOptions } from '../src/lib/database-url';

async function main() {
  const url = process.env.DATABASE_URL ?? '';
  const { database } = splitDatabaseUrl(url);
  if (!/_e2e$|_test(_\d+)?$/.test(database)) throw new Error(`refusing to drop ${database}: not a test database`);
  const conn = await mariadb.createConnection({ ...connectionOptions(url), database: undefined });
  await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await conn.end();
}

main().catch((err) => {
  console.error(`drop-database: ${err.message}`);
  process.exit(1);
});
