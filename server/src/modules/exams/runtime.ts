// The exam rush machinery: what one app instance keeps in memory between requests. Built once
// where the app is assembled (deps.ts: `exams`), so each instance, and each test, has its own.
// Nothing here may ever take a seat: seats are only taken by the conditional update in booking-sql.ts.
import type { CalendarOverrides } from '@jiaoguan/contracts/time';
import type { Config } from '../../config';
import type { Page } from '../../lib/pagination';
import type { SessionRow, SessionView } from './sessions';

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

/**
 * Sessions this instance last found full, for a moment: in a rush the refusals then cost no
 * transaction. A seat freed through this instance clears the mark at once, one freed elsewhere
 * within `ttlMs`. Only refusals can be stale.
 */
export class FullSessionMemo {
  private until = new Map<number, number>();
  constructor(readonly ttlMs: number) {}

  isFull(sessionId: number): boolean {
    const until = this.until.get(sessionId);
    return until !== undefined && until > Date.now();
  }

  markFull(sessionId: number): void {
    this.until.set(sessionId, Date.now() + this.ttlMs);
  }

  seatFreed(sessionId: number): void {
    this.until.delete(sessionId);
  }
}

/**
 * A small cache with single-flight refresh: a write through this instance bumps the version, and
 * the next read fetches again while concurrent readers share that one fetch. Other instances see
 * a change within the TTL. A TTL of 0 caches nothing.
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
  /** FIRST_COME sessions found full lately. */
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
}

export interface ExamRuntimeOptions {
  /** How long a session found full is refused from memory (default 1 s). */
  fullMemoMs?: number;
}

export function createExamRuntime(config: Config, options: ExamRuntimeOptions = {}): ExamRuntime {
  const sessionList = new ReadCache<Page<SessionView>>(config.exams.listCacheMs);
  const sessionFacts = new ReadCache<SessionRow | null>(Math.max(config.exams.listCacheMs, 2000));
  const calendar = new ReadCache<CalendarOverrides>(60_000, 1);
  return {
    // Two connections stay free for everything else the instance does meanwhile.
    gate: new AdmissionGate(Math.max(1, config.databasePoolSize - 2)),
    fullSessions: new FullSessionMemo(options.fullMemoMs ?? 1000),
    sessionList,
    sessionFacts,
    calendar,
    sessionsChanged() {
      sessionList.invalidate();
      sessionFacts.invalidate();
    },
    countsChanged() {
      sessionList.invalidate();
    },
    calendarChanged() {
      calendar.invalidate();
    },
  };
}
