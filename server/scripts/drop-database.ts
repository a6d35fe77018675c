// Drops the database named in DATABASE_URL (used to give browser tests a fresh one).
import mysql from 'mysql2/promise';
import { splitDatabaseUrl } from '../src/db/migrate';

async function main() {
  const { serverUrl, database } = splitDatabaseUrl(process.env.DATABASE_URL ?? '');
  if (!/_e2e$|_test(_\d+)?$/.test(database)) throw new Error(`refusing to drop ${database}: not a test database`);
  const conn = await mysql.createConnection(serverUrl);
  await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await conn.end();
}

main().catch((err) => {
  console.error(`drop-database: ${err.message}`);
  process.exit(1);
});
