// Raw SQL in tests goes through the app's own driver (mariadb), never a second one.
import { createConnection, type Connection } from 'mariadb';
import { connectionOptions } from '../../src/lib/database-url';

/** A single connection to `url` (mysql://user:pass@host:port[/database]), in UTC, numbers as numbers. */
export function openConnection(url: string): Promise<Connection> {
  return createConnection({
    ...connectionOptions(url),
    bigIntAsNumber: true,
    insertIdAsNumber: true,
  });
}

/** Runs one statement on a connection of its own. */
export async function queryOnce<T>(url: string, sql: string, values?: unknown[]): Promise<T[]> {
  const conn = await openConnection(url);
  try {
    return await conn.query(sql, values);
  } finally {
    await conn.end();
  }
}
