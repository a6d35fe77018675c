// The Prisma client over the MariaDB driver adapter, sized against MariaDB's max_connections,
// plus a pool of the same driver for the few hottest statements (docs/operations.md counts both).
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { createPool, type PoolConnection } from 'mariadb';
import { queuedPool, type HotPool } from './db/queued-pool';
import { PrismaClient } from './generated/prisma/client';
import { connectionOptions } from './lib/database-url';

/**
 * The Prisma client, and `sql`: plain parameterised SQL on the driver Prisma itself uses. Measured
 * (docs/benchmarks.md): a Prisma statement costs the app several times the Node CPU of the same
 * statement on the driver, and an interactive transaction more again. The authentication look-up
 * on every request, the exam booking rush and the case view use `sql`; everything else Prisma.
 */
export type Db = PrismaClient & { readonly sql: HotPool };

export function createDb(databaseUrl: string, poolSize: number): Db {
  const connection = connectionOptions(databaseUrl);
  const adapter = new PrismaMariaDb(
    { ...connection, connectionLimit: poolSize },
    // Measured (TOOLCHAIN.md): the text protocol is markedly faster than per-query prepares.
    { useTextProtocol: true },
  );
  const client = new PrismaClient({
    adapter,
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  // Created on first use: most processes (workers, scripts) never need it.
  let sql: HotPool | undefined;
  const sqlPool = () =>
    (sql ??= queuedPool(createPool({
      ...connection,
      connectionLimit: poolSize,
      // The pool opens more connections only while fewer than this are idle.
      minimumIdle: 1,
      idleTimeout: 60,
      bigIntAsNumber: true,
      insertIdAsNumber: true,
      // For sendTogether() below. Every statement on this pool takes its values as parameters.
      multipleStatements: true,
    }), poolSize));
  const disconnectPrisma = client.$disconnect.bind(client);
  Object.defineProperty(client, 'sql', { get: sqlPool });
  return Object.assign(client as Db, {
    $disconnect: async () => {
      await Promise.all([disconnectPrisma(), sql?.end()]);
    },
  });
}

/** One parameterised statement, for Prisma's `$executeRawUnsafe` or the driver's `query`. */
export interface SqlStatement {
  sql: string;
  values: unknown[];
}

/**
 * Sends statements as one multi-statement query: one packet, and one wake-up of the database,
 * instead of one per statement (on a small machine shared with the database each costs a context
 * switch; docs/benchmarks.md). Answers one result per statement; the server stops at the first
 * statement that fails and the call rejects.
 */
export async function sendTogether(conn: PoolConnection, statements: readonly SqlStatement[]): Promise<unknown[]> {
  if (statements.length === 1) return [await conn.query(statements[0].sql, statements[0].values)];
  return conn.query(statements.map((s) => s.sql).join(';\n'), statements.flatMap((s) => s.values));
}
