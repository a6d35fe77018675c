// Drops this run's databases.
import { TEST_SERVER_URL, TEST_WORKERS, testDatabaseName } from './databases';
import { openConnection } from './sql';

export default async function globalTeardown() {
  const conn = await openConnection(TEST_SERVER_URL);
  try {
    for (let w = 1; w <= TEST_WORKERS; w++) await conn.query(`DROP DATABASE IF EXISTS \`${testDatabaseName(String(w))}\``);
  } finally {
    await conn.end();
  }
}
