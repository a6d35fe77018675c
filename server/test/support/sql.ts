// Raw SQL in tests goes through the app's own driver (mariadb), never a second one.
import { createConnection, type Connection } from 'mariadb';

/** A single connection to `url` (mysql://user:pass@host:port[/database]), in UTC, numbers as numbers. */
export function openConnection(url: string): Promise<Connection> {
  const u = new URL(url);
  return createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, '') || undefined,
    timezone: 'Z',
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
