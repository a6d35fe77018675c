// DATABASE_URL (mysql://user:password@host:port/database) as the mariadb driver's connection options.
export interface ConnectionOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string | undefined;
  /** Times are stored in UTC whatever the server's zone. */
  timezone: 'Z';
  /** The driver would put a failed statement's values (ID numbers, phones) into its error messages, and so into logs. */
  logParam: false;
}

export function connectionOptions(databaseUrl: string): ConnectionOptions {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, '') || undefined,
    timezone: 'Z',
    logParam: false,
  };
}
