// The officers' live queue (GET /api/officer/events, server-sent events): a case of their unit
// entering review (`case.pending`), decided (`case.decided`) or past its review deadline
// (`case.overdue`, the REVIEW_OVERDUE event of use-cases/mark-overdue-reviews.ts) reaches every open
// console at once. A case handed to another unit (HANDED_OVER, use-cases/hand-over-case.ts) is
// `case.pending` for the unit it went to and `case.handedOver` for the unit it left.
//
// The source is the case timeline (CaseEvent), which every instance writes, so a console open on
// one server hears of a case submitted through another without a broker. One poller per process
// reads the timeline while any console is open and fans out to the open consoles of each unit.
// It reads a time window with overlap and remembers what it sent: on Galera, ids from different
// nodes do not commit in id order, so "id > last" alone could skip an event.
import { PassThrough } from 'node:stream';
import type { Db } from '../../db';
import type { Logger } from '../../logger';

export type OfficerEventName = 'case.pending' | 'case.decided' | 'case.overdue' | 'case.handedOver';

export interface OfficerEvent {
  name: OfficerEventName;
  data: { id: number; unit: string; at: string; status: string; caseNumber: string };
}

interface Row {
  eventId: number;
  type: string;
  caseId: number;
  caseNumber: string;
  toStatus: string;
  at: Date;
  unitCode: string;
  /** The unit a handed-over case left. */
  fromUnit: string | null;
}

const PENDING = ['PENDING_REVIEW'];
const DECIDED = ['CONFIRMED', 'RETURNED', 'TRANSFERRED'];
const OVERDUE = 'REVIEW_OVERDUE';
const HANDED_OVER = 'HANDED_OVER';
/** Events are read back this far, so one committed late on another node is still seen. */
const OVERLAP_MS = 10_000;

export interface OfficerEventHubOptions {
  pollMs?: number;
  /** A comment line every so often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
}

export class OfficerEventHub {
  private readonly consoles = new Map<string, Set<PassThrough>>();
  /** The login session behind each open console: a session that ended (logout, deactivation) closes it. */
  private readonly sessions = new Map<PassThrough, number>();
  private readonly sent = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private since = new Date();
  private polling = false;
  private readonly pollMs: number;
  private readonly heartbeatMs: number;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    options: OfficerEventHubOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
  }

  /**
   * A stream of the unit's events for one open console; it ends when the client goes away, or
   * (given its login session) when that session ends: a deactivated officer stops hearing at once.
   */
  open(unitCode: string, onClose: (listener: () => void) => void, sessionId?: number): PassThrough {
    const stream = new PassThrough();
    if (sessionId !== undefined) this.sessions.set(stream, sessionId);
    let set = this.consoles.get(unitCode);
    if (!set) this.consoles.set(unitCode, (set = new Set()));
    set.add(stream);
    // Tell the client how soon to reconnect, and that the stream is live.
    stream.write(`retry: 3000\n: connected\n\n`);
    const close = () => {
      this.sessions.delete(stream);
      set!.delete(stream);
      if (set!.size === 0) this.consoles.delete(unitCode);
      stream.end();
      if (this.consoles.size === 0) this.stop();
    };
    onClose(close);
    this.start();
    return stream;
  }

  /** Consoles open in this process (for tests and the log). */
  get openCount(): number {
    let n = 0;
    for (const set of this.consoles.values()) n += set.size;
    return n;
  }

  close(): void {
    for (const set of this.consoles.values()) for (const s of set) s.end();
    this.consoles.clear();
    this.stop();
  }

  private start() {
    if (this.timer) return;
    this.since = new Date(Date.now() - 1000);
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.heartbeat = setInterval(() => this.broadcastComment('keep-alive'), this.heartbeatMs);
    this.timer.unref();
    this.heartbeat.unref();
  }

  private stop() {
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    this.timer = undefined;
    this.heartbeat = undefined;
  }

  private broadcastComment(text: string) {
    for (const set of this.consoles.values()) for (const s of set) s.write(`: ${text}\n\n`);
  }

  /** One read of the timeline; sends what was not sent yet to the consoles of the case's unit. */
  async poll(): Promise<void> {
    if (this.polling || this.consoles.size === 0) return;
    this.polling = true;
    const readFrom = new Date(this.since.getTime() - OVERLAP_MS);
    const startedAt = new Date();
    try {
      await this.endClosedSessions();
      const units = [...this.consoles.keys()];
      const marks = units.map(() => '?').join(', ');
      const rows = await this.db.$queryRawUnsafe<Row[]>(
        `SELECT e.id AS eventId, e.type, e.caseId, c.caseNumber, COALESCE(e.toStatus, 'PENDING_REVIEW') AS toStatus, e.at, u.code AS unitCode,
                JSON_VALUE(e.details, '$.fromUnit') AS fromUnit
           FROM CaseEvent e JOIN AccidentCase c ON c.id = e.caseId JOIN Unit u ON u.id = c.unitId
          WHERE e.at >= ? AND (e.toStatus IN (${[...PENDING, ...DECIDED].map(() => '?').join(', ')}) OR e.type IN (?, ?))
            AND (u.code IN (${marks}) OR (e.type = ? AND JSON_VALUE(e.details, '$.fromUnit') IN (${marks})))
          ORDER BY e.at, e.id`,
        readFrom,
        ...PENDING,
        ...DECIDED,
        OVERDUE,
        HANDED_OVER,
        ...units,
        HANDED_OVER,
        ...units,
      );
      for (const r of rows) {
        const eventId = Number(r.eventId);
        if (this.sent.has(eventId)) continue;
        this.sent.set(eventId, Date.now());
        const data = { id: Number(r.caseId), unit: r.unitCode, at: new Date(r.at).toISOString(), status: r.toStatus, caseNumber: r.caseNumber };
        if (r.type === HANDED_OVER) {
          this.deliver(r.unitCode, { name: 'case.pending', data }, 'HANDED_OVER');
          if (r.fromUnit) this.deliver(r.fromUnit, { name: 'case.handedOver', data }, 'HANDED_OVER');
          continue;
        }
        this.deliver(r.unitCode, {
          name: r.type === OVERDUE ? 'case.overdue' : PENDING.includes(r.toStatus) ? 'case.pending' : 'case.decided',
          data,
        });
      }
      this.since = startedAt;
      // Forget what fell out of the overlap window.
      const forgetBefore = Date.now() - OVERLAP_MS * 3;
      for (const [id, at] of this.sent) if (at < forgetBefore) this.sent.delete(id);
    } catch (err) {
      this.log.warn({ err }, 'officer events: reading the case timeline failed; will retry');
    } finally {
      this.polling = false;
    }
  }

  /** Ends the streams whose login session is over (revoked, expired, or its account deactivated). */
  private async endClosedSessions(): Promise<void> {
    const ids = [...new Set(this.sessions.values())];
    if (ids.length === 0) return;
    const live = await this.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT s.id FROM LoginSession s JOIN Staff st ON st.id = s.staffId
        WHERE s.id IN (${ids.map(() => '?').join(', ')}) AND s.revokedAt IS NULL AND s.expiresAt > ? AND st.active`,
      ...ids,
      new Date(),
    );
    const open = new Set(live.map((r) => Number(r.id)));
    for (const [stream, sessionId] of this.sessions) {
      if (open.has(sessionId)) continue;
      this.sessions.delete(stream);
      for (const set of this.consoles.values()) set.delete(stream);
      stream.end('event: session.ended\ndata: {}\n\n');
    }
  }

  private deliver(unitCode: string, event: OfficerEvent, step = event.name === 'case.overdue' ? 'OVERDUE' : event.data.status) {
    const frame = `event: ${event.name}\nid: ${event.data.id}-${step}\ndata: ${JSON.stringify(event.data)}\n\n`;
    for (const s of this.consoles.get(unitCode) ?? []) s.write(frame);
  }
}
