// The database errors code turns into contract errors or a second try, recognised the same way
// whether they come through Prisma's model API, Prisma's raw queries or the mariadb driver itself.

type DbError = {
  code?: string;
  errno?: number;
  message?: string;
  meta?: unknown;
};

const describe = (err: unknown) => {
  const e = err as DbError;
  return `${e?.code ?? ''} ${e?.errno ?? ''} ${e?.message ?? ''} ${JSON.stringify(e?.meta ?? {})}`;
};

/** A unique-key violation (MariaDB 1062), optionally on a given column or index name. */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  const e = err as DbError;
  const text = describe(err);
  const unique = e?.code === 'P2002' || e?.errno === 1062 || /UniqueConstraintViolation|Duplicate entry|ER_DUP_ENTRY|\b1062\b/.test(text);
  return unique && (!field || text.includes(field));
}

/**
 * The transaction lost a lock race and was rolled back whole, so running it again is safe:
 * an InnoDB deadlock victim or a Galera certification failure (both 1213), a lock wait timeout
 * (1205), or Prisma's word for either.
 */
export function isLockConflict(err: unknown): boolean {
  const e = err as DbError;
  if (e?.errno === 1213 || e?.errno === 1205 || e?.code === 'P2034') return true;
  return /\b1213\b|\b1205\b|Deadlock found|deadlock|Lock wait timeout|TransactionWriteConflict|WSREP/i.test(describe(err));
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Which errors are worth another attempt (lock conflicts by default). */
  when?: (err: unknown) => boolean;
  /** Milliseconds to wait before attempt n (n ≥ 2); a little jitter keeps racers apart. */
  backoffMs?: (attempt: number) => number;
}

/** Runs `work` again while it fails with a retryable error, up to `attempts` times in all. */
export async function withRetry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 3, when = isLockConflict, backoffMs = (n) => 5 * n + Math.random() * 10 } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (err) {
      if (attempt >= attempts || !when(err)) throw err;
      const wait = backoffMs(attempt + 1);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
