// Test database naming: one database per Jest worker and per run (jt_<run pid>_<worker>), so
// parallel runs on one machine never share or drop each other's data.
export const TEST_SERVER_URL = (process.env.TEST_DATABASE_SERVER_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
export const TEST_WORKERS = 2;

/** Set by global-setup in the Jest parent; workers inherit it. */
export const runId = () => process.env.JIAOGUAN_TEST_RUN ?? String(process.pid);

export function testDatabaseName(worker = process.env.JEST_WORKER_ID ?? '1', run = runId()): string {
  return `jt_${run}_${worker}`;
}

export function testDatabaseUrl(worker?: string): string {
  return `${TEST_SERVER_URL}/${testDatabaseName(worker)}`;
}
