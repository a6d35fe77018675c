// Drops this run's databases.
import mysql from 'mysql2/promise';
import { TEST_SERVER_URL, TEST_WORKERS, testDatabaseName } from './databases';

export default async function globalTeardown() {
  const conn = await mysql.createConnection(TEST_SERVER_URL);
  try {
    for (let w = 1; w <= TEST_WORKERS; w++) await conn.query(`DROP DATABASE IF EXISTS \`${testDatabaseName(String(w))}\``);
  } finally {
    await conn.end();
  }
}
