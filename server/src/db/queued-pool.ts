// The driver pool of the hot paths behind a queue of its own.
import type { Pool, PoolConnection } from 'mariadb';

/** No connection came free within the wait: the instance is overloaded, asking again later is safe. */
export class PoolBusy extends Error {
  constructor(waitedMs: number) {
    super(`no database connection came free within ${waitedMs} ms`);
  }
}

export interface HotPool {
  query<T = any>(sql: string, values?: unknown[]): Promise<T>;
  /**
   * The same as a prepared statement (binary protocol; the driver keeps each connection's
   * prepared statements): the server skips parsing it again. For the statements every request sends.
   */
  execute<T = any>(sql: string, values?: unknown[]): Promise<T>;
  /** A connection of its own for `work` (a transaction), given back however `work` ends. */
  withConnection<T>(work: (conn: PoolConnection) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

/**
 * At most `size` callers are inside the driver at a time; the rest wait here, in order. When every
 * connection is busy, the driver's own wait builds an Error with its stack and two timers per
 * caller: in a booking rush, with five requests for every connection, that cost about 4% of the
 * server's CPU (docs/benchmarks.md). This queue is a counter and an array. Hand-written because
 * the waiting must be bounded (a caller gives up after `waitMs` and its turn is skipped), which
 * the usual limiters (p-limit) cannot withdraw.
 */
export function queuedPool(pool: Pool, size: number, waitMs = 10_000): HotPool {
  let free = size;
  const waiting: { admit: () => void; gaveUp: boolean }[] = [];

  const admitNext = () => {
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      if (!next.gaveUp) return next.admit();
    }
    free++;
  };

  async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (free > 0) free--;
    else {
      await new Promise<void>((admit, reject) => {
        const waiter = { admit: () => (clearTimeout(timer), admit()), gaveUp: false };
        const timer = setTimeout(() => {
          waiter.gaveUp = true;
          reject(new PoolBusy(waitMs));
        }, waitMs);
        waiting.push(waiter);
      });
    }
    try {
      return await work();
    } finally {
      admitNext();
    }
  }

  return {
    query: (sql, values) => inTurn(() => pool.query(sql, values)),
    execute: (sql, values) => inTurn(() => pool.execute(sql, values)),
    withConnection: (work) =>
      inTurn(async () => {
        const conn = await pool.getConnection();
        try {
          return await work(conn);
        } finally {
          await conn.release();
        }
      }),
    end: () => pool.end(),
  };
}
