// Creates each worker's database from the migrations, so every run starts from the SQL files;
// drops databases left behind by runs whose process is gone.
import { migrate } from '../../src/db/migrate';
import { TEST_SERVER_URL, TEST_WORKERS, testDatabaseName, testDatabaseUrl } from './databases';
import { openConnection } from './sql';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalSetup() {
  process.env.JIAOGUAN_TEST_RUN = String(process.pid);
  const conn = await openConnection(TEST_SERVER_URL);
  try {
    const rows: Record<string, string>[] = await conn.query("SHOW DATABASES LIKE 'jt\\_%'");
    for (const row of rows) {
      const name = Object.values(row)[0];
      const pid = Number(/^jt_(\d+)_\d+$/.exec(name)?.[1]);
      if (pid && !alive(pid)) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
    for (let w = 1; w <= TEST_WORKERS; w++) await conn.query(`DROP DATABASE IF EXISTS \`${testDatabaseName(String(w))}\``);
  } finally {
    await conn.end();
  }
  for (let w = 1; w <= TEST_WORKERS; w++) await migrate(testDatabaseUrl(String(w)));
}
