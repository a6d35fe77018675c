// The exam rush machinery: what one app instance keeps in memory between requests. Built once
// where the app is assembled (deps.ts: `exams`), so each instance, and each test, has its own.
// Nothing here may ever take a seat: seats are only taken by the conditional update in booking-sql.ts.
import type { CalendarOverrides } from '@jiaoguan/contracts/time';
import type { Config } from '../../config';
import type { Page } from '../../lib/pagination';
import type { SessionRow, SessionView } from './sessions';
import { Redis } from 'ioredis';

/**
 * Admission to the booking transaction: at most `limit` at a time, the rest wait here in order
 * (not for a pool connection, which times out). A rush thus never turns into pool timeouts, and
 * those admitted after a session filled up are refused without a transaction.
 */
export class AdmissionGate {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(readonly limit: number) {}

  async enter(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

/** What the database says of a FIRST_COME session's seats: full (and by whom), or not. */
export type SeatSnapshot = { full: true; holders: ReadonlySet<number> } | { full: false; why?: 'gone' | 'not-open' | 'closed' | 'seats-left' };

/**
 * FIRST_COME sessions found full lately, with the driver accounts holding their seats: in a
 * rush every other driver is refused from memory, before any query of theirs, while a holder who
 * asks again still gets their own booking back. The set is complete when taken: a full session
 * gains no booking until a seat is freed, and freeing one clears the mark (`seatFreed`: at once on
 * this instance, on the others through Redis when REDIS_URL is set, else within `ttlMs`). After
 * `ttlMs` the database is asked again, once for all who ask meanwhile. Only refusals can be stale.
 */
export class FullSessionMemo {
  private full = new Map<number, { until: number; holders: ReadonlySet<number> }>();
  private loading = new Map<number, Promise<SeatSnapshot>>();
  /** Counts the seats freed per session, so that a look-up begun before one is not kept. */
  private freed = new Map<number, number>();

  constructor(
    readonly ttlMs: number,
    /** Tells the other instances (Redis), when there is a way to. */
    private readonly announce?: (sessionId: number) => void,
  ) {}

  isFull(sessionId: number): boolean {
    const hit = this.full.get(sessionId);
    return hit !== undefined && hit.until > Date.now();
  }

  /** The holders of a session known full, or null when it is not known full (ask the database). */
  async fullHolders(sessionId: number, load: () => Promise<SeatSnapshot>): Promise<ReadonlySet<number> | null> {
    const hit = this.full.get(sessionId);
    if (!hit) return null;
    if (hit.until > Date.now()) return hit.holders;
    const snapshot = await this.recheck(sessionId, load);
    return snapshot.full ? snapshot.holders : null;
  }

  /** Asks the database once for everyone asking at the same time; a full answer is remembered. */
  recheck(sessionId: number, load: () => Promise<SeatSnapshot>): Promise<SeatSnapshot> {
    const pending = this.loading.get(sessionId);
    if (pending) return pending;
    const freedBefore = this.freed.get(sessionId) ?? 0;
    const p = load()
      .then((snapshot) => {
        // A seat freed while the database was read: what it said may be older than that.
        if ((this.freed.get(sessionId) ?? 0) !== freedBefore) return { full: false } as const;
        if (snapshot.full) this.markFull(sessionId, snapshot.holders);
        else this.full.delete(sessionId);
        return snapshot;
      })
      .finally(() => this.loading.delete(sessionId));
    this.loading.set(sessionId, p);
    return p;
  }

  markFull(sessionId: number, holders: ReadonlySet<number> = new Set()): void {
    this.full.set(sessionId, { until: Date.now() + this.ttlMs, holders });
  }

  /**
   * A seat of the session may be free again (a cancellation, a larger capacity, a session
   * cancelled or changed): never refuse it from memory, here or on the other instances.
   */
  seatFreed(sessionId: number): void {
    this.forget(sessionId);
    this.announce?.(sessionId);
  }

  /** Clears this instance's mark only (what another instance's `seatFreed` does here). */
  forget(sessionId: number): void {
    this.freed.set(sessionId, (this.freed.get(sessionId) ?? 0) + 1);
    this.full.delete(sessionId);
  }
}

/** The Redis channel on which instances tell each other what their caches must forget. */
export const RUNTIME_CHANNEL = 'jiaoguan:exam:runtime';

/** What one instance tells the others: a seat of a session may be free, or which caches are stale. */
type RuntimeMessage = { seatFreed: number } | { changed: 'sessions' | 'counts' | 'calendar' };

/**
 * With REDIS_URL, every instance hears what another changed at once (pub/sub: nothing is kept, an
 * instance that was away relies on the TTLs); without it, each waits out its TTLs.
 */
function runtimeChannel(redisUrl: string, hear: (message: RuntimeMessage) => void): { tell: (message: RuntimeMessage) => void; close: () => void } {
  const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  // A failed publish leaves the other instances their TTLs; nothing else depends on Redis here.
  publisher.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  void subscriber.subscribe(RUNTIME_CHANNEL).catch(() => undefined);
  subscriber.on('message', (_channel: string, text: string) => {
    try {
      hear(JSON.parse(text) as RuntimeMessage);
    } catch {
      // not one of ours
    }
  });
  return {
    tell: (message) => void publisher.publish(RUNTIME_CHANNEL, JSON.stringify(message)).catch(() => undefined),
    close: () => {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/**
 * A small cache with single-flight refresh: a write through this instance bumps the version, and
 * the next read fetches again while concurrent readers share that one fetch. Other instances see
 * a change at once with REDIS_URL (the runtime channel), else within the TTL. A TTL of 0 caches nothing.
 */
export class ReadCache<T> {
  private version = 0;
  private entries = new Map<string, { at: number; version: number; value: Promise<T> }>();

  constructor(readonly ttlMs: number, private readonly maxEntries = 500) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === this.version && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    if (this.ttlMs > 0) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      const entry = { at: Date.now(), version: this.version, value };
      this.entries.set(key, entry);
      value.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
    }
    return value;
  }

  invalidate(): void {
    this.version++;
  }
}

export interface ExamRuntime {
  /** Admission to the seat transaction (a pool's worth at a time). */
  gate: AdmissionGate;
  /** FIRST_COME sessions found full lately; `fullSessions.seatFreed(id)` whenever a seat may be free again. */
  fullSessions: FullSessionMemo;
  /** The public session list by filter (EXAM_LIST_CACHE_MS). */
  sessionList: ReadCache<Page<SessionView>>;
  /** A session's facts for the rules (at least 2 s): a stale window cannot let a booking through. */
  sessionFacts: ReadCache<SessionRow | null>;
  /** The holiday calendar (a minute; changed rarely, read on every cancellation). */
  calendar: ReadCache<CalendarOverrides>;
  /** A session's facts changed (times, window, capacity, allocation): drop both session caches. */
  sessionsChanged(): void;
  /** Only counts changed (a booking or cancellation): drop the list, keep the facts. */
  countsChanged(): void;
  /** The calendar days were set. */
  calendarChanged(): void;
  /** Ends the Redis connections of the runtime channel, when there are any. */
  close(): void;
}

export interface ExamRuntimeOptions {
  /** How long a session found full is refused from memory (default 1 s). */
  fullMemoMs?: number;
}

export function createExamRuntime(config: Config, options: ExamRuntimeOptions = {}): ExamRuntime {
  const sessionList = new ReadCache<Page<SessionView>>(config.exams.listCacheMs);
  const sessionFacts = new ReadCache<SessionRow | null>(Math.max(config.exams.listCacheMs, 2000));
  const calendar = new ReadCache<CalendarOverrides>(60_000, 1);
  const forget = {
    sessions() {
      sessionList.invalidate();
      sessionFacts.invalidate();
    },
    counts() {
      sessionList.invalidate();
    },
    calendar() {
      calendar.invalidate();
    },
  };
  const channel = config.redisUrl
    ? runtimeChannel(config.redisUrl, (message) => {
        if ('seatFreed' in message && Number.isInteger(message.seatFreed)) fullSessions.forget(message.seatFreed);
        else if ('changed' in message && message.changed in forget) forget[message.changed]();
      })
    : undefined;
  const fullSessions: FullSessionMemo = new FullSessionMemo(options.fullMemoMs ?? 1000, channel && ((sessionId) => channel.tell({ seatFreed: sessionId })));
  const changed = (what: keyof typeof forget) => {
    forget[what]();
    channel?.tell({ changed: what });
  };
  return {
    // Two connections stay free for everything else the instance does meanwhile.
    gate: new AdmissionGate(Math.max(1, config.databasePoolSize - 2)),
    fullSessions,
    sessionList,
    sessionFacts,
    calendar,
    sessionsChanged: () => changed('sessions'),
    countsChanged: () => changed('counts'),
    calendarChanged: () => changed('calendar'),
    close() {
      channel?.close();
    },
  };
}
