// Test database naming: one database per Jest worker on the local MariaDB.
export const TEST_SERVER_URL = (process.env.TEST_DATABASE_SERVER_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
export const TEST_WORKERS = 2;

export function testDatabaseUrl(worker = process.env.JEST_WORKER_ID ?? '1'): string {
  return `${TEST_SERVER_URL}/jiaoguan_test_${worker}`;
}
