// GET /api/officer/events: the live queue. Two open consoles of a unit hear of a case entering
// review and of its decision; a console of another unit hears nothing; a console on a second
// instance (another process, the same database) hears of a case submitted through the first.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app';
import { loginDriver, type TestContext } from '../support/context';
import { startAccidentContext, steps } from './flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
const servers: http.Server[] = [];
const apps: ReturnType<typeof buildApp>[] = [];

beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(async () => {
  for (const app of apps) app.emit('shutdown');
  await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(resolve))));
  await ctx.close();
});
beforeEach(() => ctx.reset());

/** Another instance of the app on its own loopback port (what a second server process would be). */
async function instance(): Promise<string> {
  const app = buildApp(ctx.deps);
  apps.push(app);
  const server = http.createServer(app.callback());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Console {
  events: { event: string; data: Record<string, unknown> }[];
  status: number;
  contentType: string | null;
  close(): void;
  waitFor(predicate: (e: { event: string; data: Record<string, unknown> }) => boolean, ms?: number): Promise<void>;
}

/** An open console: reads the event stream as a browser would (fetch with the bearer header). */
async function openConsole(base: string, token: string): Promise<Console> {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/officer/events`, { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
  const events: Console['events'] = [];
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(frame)?.[1];
            const data = /^data: (.+)$/m.exec(frame)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    events,
    status: res.status,
    contentType: res.headers.get('content-type'),
    close: () => abort.abort(),
    async waitFor(predicate, ms = 8000) {
      const until = Date.now() + ms;
      while (!events.some(predicate)) {
        if (Date.now() > until) throw new Error(`event not seen within ${ms} ms; saw ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

describe('GET /api/officer/events', () => {
  it("tells both open consoles of the unit of a case entering review and of its decision, and no console of another unit", async () => {
    const base = await instance();
    const [first, second] = [await s.officer('tengzhou'), await s.officer('tengzhou')];
    const elsewhere = await s.officer('shizhong');
    const a = await openConsole(base, first);
    const b = await openConsole(base, second);
    const other = await openConsole(base, elsewhere);
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^text\/event-stream/);

    const c = await s.pendingReview();
    const pending = (e: { event: string; data: Record<string, unknown> }) => e.event === 'case.pending' && e.data.id === c.id;
    await Promise.all([a.waitFor(pending), b.waitFor(pending)]);
    expect(a.events.find(pending)!.data).toMatchObject({ id: c.id, unit: 'tengzhou', caseNumber: c.caseNumber });

    const decided = await s.decide(first, c.id, { decision: 'CONFIRM' });
    expect(decided.status).toBe(200);
    const isDecided = (e: { event: string; data: Record<string, unknown> }) => e.event === 'case.decided' && e.data.id === c.id;
    await Promise.all([a.waitFor(isDecided), b.waitFor(isDecided)]);
    // Each event once per console, however often the window is read again.
    await new Promise((r) => setTimeout(r, 2500));
    expect(a.events.filter(pending)).toHaveLength(1);
    expect(other.events).toEqual([]);
    for (const console of [a, b, other]) console.close();
  });

  it('reaches a console on another instance: the timeline in the database is the source', async () => {
    const [one, two] = [await instance(), await instance()];
    const officer = await s.officer('tengzhou');
    const onTwo = await openConsole(two, officer);
    expect(one).not.toBe(two);
    // The case goes through the test context's app (a third instance); the console listens on the second.
    const c = await s.pendingReview();
    await onTwo.waitFor((e) => e.event === 'case.pending' && e.data.id === c.id);
    onTwo.close();
  });

  it('is for officers only: 401 without a token, 403 for a driver', async () => {
    const base = await instance();
    const driver = await loginDriver(ctx);
    expect((await openConsole(base, 'nope')).status).toBe(401);
    const asDriver = await openConsole(base, driver.token);
    expect(asDriver.status).toBe(403);
  });
});
