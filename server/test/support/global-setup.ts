// Recreates each worker's database from the migrations, so every run starts from the SQL files.
import mysql from 'mysql2/promise';
import { migrate } from '../../src/db/migrate';
import { TEST_SERVER_URL, TEST_WORKERS, testDatabaseUrl } from './databases';

export default async function globalSetup() {
  const conn = await mysql.createConnection(TEST_SERVER_URL);
  try {
    for (let w = 1; w <= TEST_WORKERS; w++) await conn.query(`DROP DATABASE IF EXISTS \`jiaoguan_test_${w}\``);
  } finally {
    await conn.end();
  }
  for (let w = 1; w <= TEST_WORKERS; w++) await migrate(testDatabaseUrl(String(w)));
}
