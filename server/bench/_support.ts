// Shared scaffolding of the benchmarks: the app as production runs it, a fresh database,
// child processes for the servers under test, and the load generator.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { createDatabaseIfMissing, migrate, splitDatabaseUrl } from '../src/db/migrate';

/** The Koa app configured as in production (no workers, no WeChat reachable, silent logs). */
export async function benchApp(databaseUrl: string, poolSize: number) {
  const { buildApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { createDb } = await import('../src/db');
  const { createLogger } = await import('../src/logger');
  const { createWechat } = await import('../src/wechat');
  const config = loadConfig({
    NODE_ENV: 'production',
    APP_SECRET: 'bench-secret-not-for-production',
    WECHAT_APPID: 'wx-bench',
    WECHAT_SECRET: 'bench',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    LOG_LEVEL: 'silent',
    RUN_WORKERS: 'false',
  });
  const db = createDb(config.databaseUrl, config.databasePoolSize);
  const { createExamRuntime } = await import('../src/modules/exams/runtime');
  const { createRateLimits } = await import('../src/lib/rate-limit');
  return buildApp({ config, db, log: createLogger('silent'), wechat: createWechat(config, db), exams: createExamRuntime(config), limits: createRateLimits(config) });
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Serves a handler on a loopback port and tells the parent it is ready (a bench child's job); a
 * handler that throws answers 500. Used by the app and by each bench's raw baseline alike.
 */
export function listenForBench(port: number, handler: Handler): Server {
  const server = createServer(async (req, res) => {
    try {
      await handler(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, '127.0.0.1', () => process.send?.('ready'));
  return server;
}

/** Serves the app on a loopback port. */
export async function serveBenchApp(databaseUrl: string, poolSize: number, port: number) {
  listenForBench(port, (await benchApp(databaseUrl, poolSize)).callback());
}

/** Drops and recreates the database from the migrations; returns a connection to fill it. */
export async function freshDatabase(databaseUrl: string) {
  const { database } = splitDatabaseUrl(databaseUrl);
  const server = new URL(databaseUrl);
  server.pathname = '/';
  const admin = await mysql.createConnection(server.toString());
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.end();
  await createDatabaseIfMissing(databaseUrl);
  await migrate(databaseUrl);
  return mysql.createConnection({ uri: databaseUrl, timezone: 'Z' });
}

/** Runs this bench file again as a child in `mode`; resolves once it says it is ready. */
export function startChild(file: string, mode: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...process.execArgv, file, mode], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${mode} exited with ${code}`)));
  });
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
}

export async function load(opts: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ pipelining: 1, ...opts });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Rounds of one endpoint as one line: median rates and latencies, summed counts. */
export function summarise(rs: Figures[]): Figures {
  return {
    rps: median(rs.map((r) => r.rps)),
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    ok: rs.reduce((n, r) => n + r.ok, 0),
    other: rs.reduce((n, r) => n + r.other, 0),
  };
}
