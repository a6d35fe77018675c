// Every route of the app, called by every kind of caller at the owner's records, against the table
// in matrix.ts: who gets in (OK), who is told to log in (401), who has the wrong role (403), and
// who is told the record does not exist (404); and no answer shows a caller the owner's data they
// may not see (world.ts, SEES). The routes come from the app's own route table, so a route added
// without a row fails here.
import type { Response } from 'supertest';
import type { TestContext } from '../support/context';
import { MATRIX, OK, type Outcome } from './matrix';
import { REQUESTS } from './requests';
import { appRoutes, send, type Spec } from './send';
import { CALLERS, SEES, STAFF_CALLERS, startSecurityContext, worldBuilder, type SecretKind, type World, type WorldBuilder } from './world';

let ctx: TestContext;
let routes: Map<string, Spec>;
let builder: WorldBuilder;
let world: World;

beforeAll(async () => {
  ctx = await startSecurityContext();
  routes = appRoutes(ctx);
  builder = worldBuilder(ctx);
  world = await builder.build();
}, 60_000);
afterAll(() => ctx?.close());

/** What a status means for the matrix: in (2xx, or a 409/422 business answer), or the denial it is. */
function outcomeOf(status: number): Outcome | `got ${number}` {
  if ((status >= 200 && status < 300) || status === 409 || status === 422) return OK;
  if (status === 401 || status === 403 || status === 404) return status;
  return `got ${status}`;
}

const DENIAL_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

function textOf(res: Response): string {
  if (typeof res.text === 'string') return res.text;
  return Buffer.isBuffer(res.body) ? '' : JSON.stringify(res.body ?? '');
}

const brief = (res: Response) => `${res.status} ${textOf(res).slice(0, 200)}`;


describe('the authorisation matrix', () => {
  it('has a row for every route of the app, and none for a route the app no longer has', () => {
    const missing = [...routes.keys()].filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !routes.has(k));
    expect([
      ...missing.map(
        (k) =>
          `${k} has no row in server/test/security/matrix.ts: add one with the answer each caller (${CALLERS.join(', ')}) ` +
          'should get, and a request aimed at the fixtures in server/test/security/requests.ts',
      ),
      ...stale.map((k) => `server/test/security/matrix.ts has a row for ${k}, which the app no longer declares: remove it (and its request in requests.ts)`),
    ]).toEqual([]);
  });

  it('has a request for every route, and a column for every role a route is open to', () => {
    const callerRoles = new Set<string>(Object.values(STAFF_CALLERS));
    const problems: string[] = [];
    for (const [key, spec] of routes) {
      if (!(key in REQUESTS)) problems.push(`${key} has no entry in server/test/security/requests.ts: add one (a sample request for it, if it takes any input)`);
      const needsSample = spec.params || spec.body || /:\w/.test(spec.path);
      if (needsSample && !REQUESTS[key]?.sample) problems.push(`${key} takes input: give it a sample request in server/test/security/requests.ts`);
      for (const role of Array.isArray(spec.access) ? spec.access : []) {
        if (!callerRoles.has(role)) {
          problems.push(`${key} is open to the role "${role}", which no caller of the matrix has: add a caller for it (world.ts, STAFF_CALLERS) and a column to matrix.ts`);
        }
      }
    }
    for (const key of Object.keys(REQUESTS)) if (!routes.has(key)) problems.push(`server/test/security/requests.ts has an entry for ${key}, which the app no longer declares: remove it`);
    expect(problems).toEqual([]);
  });

  it.each(Object.keys(MATRIX))('%s', async (key) => {
    const spec = routes.get(key);
    if (!spec) return; // reported by the first test
    const row = MATRIX[key];
    const request = REQUESTS[key] ?? {};
    // Those who must be turned away first: a wrong success of theirs is reported, and an allowed
    // caller's success (which may change the record) comes after every denial was checked.
    const order = CALLERS.map((caller, i) => ({ caller, expected: row[i] })).sort((a, b) => Number(a.expected === OK) - Number(b.expected === OK));
    const problems: string[] = [];
    for (const { caller, expected } of order) {
      const sample = request.sample?.(world) ?? {};
      const res = await send(ctx, spec, world.tokens[caller], sample);
      const got = outcomeOf(res.status);
      if (got !== expected) {
        problems.push(`${caller}: expected ${expected}, got ${brief(res)}`);
      } else if (expected !== OK) {
        const error = res.body?.error;
        if (error?.code !== DENIAL_CODES[expected] || typeof error?.message !== 'string') {
          problems.push(`${caller}: a ${expected} without the contract's error body ({"error": {"code": "${DENIAL_CODES[expected]}", "message"}}): ${brief(res)}`);
        }
        if (expected === 404 && sample.params) {
          // Someone else's record must look exactly like one that does not exist.
          const absent = Object.fromEntries(Object.entries(sample.params).map(([k, v]) => [k, typeof v === 'number' ? 2_147_483_000 : v]));
          const none = await send(ctx, spec, world.tokens[caller], { ...sample, params: absent });
          if (none.status !== 404 || none.body?.error?.code !== error?.code || none.body?.error?.message !== error?.message) {
            problems.push(`${caller}: the 404 for the owner's record differs from the one for a record that does not exist (${brief(res)} vs ${brief(none)})`);
          }
        }
      }
      // Whatever a route answers, it shows nobody what is not theirs to see (the owner's data by kind).
      const text = textOf(res);
      for (const kind of Object.keys(world.secrets) as SecretKind[]) {
        if (SEES[caller].includes(kind)) continue;
        for (const secret of world.secrets[kind]) if (text.includes(secret)) problems.push(`${caller} was shown "${secret}" (${kind}) of the owner's records: ${brief(res)}`);
      }
      if (res.status >= 200 && res.status < 300) for (const part of request.spoils ?? []) await builder.refresh(world, part, caller);
    }
    expect(problems).toEqual([]);
  });
});
