// Bad input at every route, as a caller the route is for (fuzz-cases.ts makes the requests): never
// a 5xx, a 4xx always with the contract's error body, what the declared schema refuses a 400, and
// a rejected request writes nothing (the checksum of every table, with its row count when it
// changed, and the number of uploaded files, before and after). Seeded: FUZZ_SEED=<n> replays a
// run, and the seed is in every failure message; FUZZ_BUDGET (below) sets how far each route goes.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mariadb';
import type { Response } from 'supertest';
import type { TestContext } from '../support/context';
import { testDatabaseUrl } from '../support/databases';
import { openConnection } from '../support/sql';
import { fuzzCases, hashString, pickSome, prng, type FuzzCase } from './fuzz-cases';
import { MATRIX, OK } from './matrix';
import { REQUESTS } from './requests';
import { appRoutes, send, type Spec } from './send';
import { CALLERS, startSecurityContext, worldBuilder, type CallerName, type World, type WorldBuilder } from './world';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/**
 * At most this many of a route's cases that the schema does not decide (each reaches the handler
 * and is checked for writes on its own), drawn with the seed; the essential families always run.
 * FUZZ_BUDGET=all runs every case (minutes, not seconds).
 */
const BUDGET = process.env.FUZZ_BUDGET === 'all' ? Infinity : Number(process.env.FUZZ_BUDGET ?? 20);
/** The schema-decided cases go out this many at a time (they must all be refused before any handler). */
const PARALLEL = 8;

/**
 * Tables a rejected request may write to, on purpose:
 * - RateLimit: a throttle counts the attempts it refuses — a wrong invite code, vehicle binding or
 *   identity proof is answered 4xx *and* counted; a daily allowance takes its point first.
 * - WechatAccessToken: the shared cache of WeChat's access token, (re)filled whenever a call to
 *   WeChat finds it missing or expired (a text check whose answer is a 422 may be that call).
 * - _prisma_migrations: not data; never written by requests.
 */
const WRITTEN_WHEN_REFUSED = new Set(['RateLimit', 'WechatAccessToken', '_prisma_migrations']);
/**
 * Rows that log an attempt, which a refused request writes on purpose; the table's other rows are
 * compared. AuditLog: a failed staff login is audited (staff.login_failed) and answered 401.
 */
const ATTEMPT_ROWS: Record<string, string> = { AuditLog: "action NOT LIKE '%\\_failed'" };
/** Throttle tables, emptied after each route so the fuzzing of one route does not throttle the next. */
const THROTTLES = ['RateLimit'];

/** The callers tried for a route, in this order: the first the matrix lets in is the fuzzing caller. */
const PREFERRED: CallerName[] = ['owner', 'officer', 'agent', 'admin', 'insurer', 'anonymous', 'otherDriver', 'otherOfficer'];

let ctx: TestContext;
let routes: Map<string, Spec>;
let builder: WorldBuilder;
let world: World;
let others: World;
let raw: Connection;
let tables: string[];
let presentThrottles: string[];
/** For the tables with attempt rows: a query of the count and a checksum of the other rows. */
let partial: Map<string, string>;

beforeAll(async () => {
  ctx = await startSecurityContext();
  routes = appRoutes(ctx);
  builder = worldBuilder(ctx);
  [others, world] = [await builder.build(), await builder.build()];
  raw = await openConnection(testDatabaseUrl());
  const rows: { name: string }[] = await raw.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME');
  tables = rows.map((r) => r.name).filter((t) => !WRITTEN_WHEN_REFUSED.has(t) && !(t in ATTEMPT_ROWS));
  partial = new Map();
  for (const [t, where] of Object.entries(ATTEMPT_ROWS)) {
    const cols: { c: string }[] = await raw.query('SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION', [t]);
    if (!cols.length) continue;
    const row = `CONCAT_WS('#', ${cols.map(({ c }) => `COALESCE(\`${c}\`, '∅')`).join(', ')})`;
    partial.set(t, `SELECT COUNT(*) AS n, COALESCE(SUM(CRC32(${row})), 0) AS s FROM \`${t}\` WHERE ${where}`);
  }
  presentThrottles = rows.map((r) => r.name).filter((t) => THROTTLES.includes(t));
}, 60_000);
afterAll(async () => {
  await raw?.end();
  await ctx?.close();
});

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

/** Every table's row count and checksum, and the number of stored files. */
async function snapshot(): Promise<Map<string, string>> {
  const sums: { Table: string; Checksum: number | bigint | null }[] = await raw.query(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`);
  const out = new Map<string, string>();
  for (const s of sums) out.set(s.Table.split('.').pop()!, `checksum ${s.Checksum}`);
  for (const [t, query] of partial) {
    const [r]: { n: number; s: number | bigint }[] = await raw.query(query);
    out.set(t, `${r.n} rows (attempts left out), checksum ${r.s}`);
  }
  out.set('(uploaded files)', String(countFiles(ctx.deps.config.uploadDir)));
  return out;
}

/** The tables (and files) that changed, with their row counts now. */
async function changes(before: Map<string, string>, after: Map<string, string>): Promise<string[]> {
  const changed = [...after].filter(([k, v]) => before.get(k) !== v);
  const out: string[] = [];
  for (const [k, v] of changed) {
    const rows = tables.includes(k) ? ` (${((await raw.query(`SELECT COUNT(*) AS n FROM \`${k}\``)) as { n: number }[])[0].n} rows now)` : '';
    out.push(`${k}: ${before.get(k)} → ${v}${rows}`);
  }
  return out;
}

const CODES: Record<number, string> = { 400: 'VALIDATION_FAILED', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

function textOf(res: Response): string {
  if (typeof res.text === 'string') return res.text;
  return Buffer.isBuffer(res.body) ? '' : JSON.stringify(res.body ?? '');
}

/** What is wrong with one answer (nothing about writes). */
function judge(c: FuzzCase, res: Response): string | undefined {
  const brief = `${res.status} ${textOf(res).slice(0, 300)}`;
  if (res.status >= 500) return `a ${res.status}: ${brief}`;
  if (res.status >= 400) {
    const e = res.body?.error;
    if (typeof e?.code !== 'string' || typeof e?.message !== 'string') return `a ${res.status} without the error body {"error": {"code", "message"}}: ${brief}`;
  }
  if (c.statuses && !c.statuses.includes(res.status)) return `expected ${c.statuses.join(' or ')}, got ${brief}`;
  if (c.statuses && res.status in CODES && res.body?.error?.code !== CODES[res.status]) return `expected the code ${CODES[res.status]}, got ${brief}`;
  const text = textOf(res);
  for (const p of c.planted ?? []) if (res.status < 300 && text.includes(p)) return `the answer took the planted field's value ${p}: ${brief}`;
  return undefined;
}

const refused = (res: Response) => res.status >= 400;

describe('fuzzing every route', () => {
  it.each(Object.keys(MATRIX))('%s', async (key) => {
    const spec = routes.get(key);
    if (!spec) return; // authorisation-matrix.test.ts reports rows without a route
    const row = MATRIX[key];
    const caller = PREFERRED.find((c) => row[CALLERS.indexOf(c)] === OK);
    if (!caller) return; // nobody may call it
    const request = REQUESTS[key] ?? {};
    const seed = (SEED ^ hashString(key)) >>> 0;
    const rng = prng(seed);
    const all = fuzzCases({ spec, base: request.sample?.(world) ?? {}, foreign: request.sample?.(others), rng });
    const isDecided = (c: FuzzCase) => !!c.statuses && c.statuses.every((s) => s >= 400);
    const open = all.filter((c) => !isDecided(c));
    const kept = new Set([...open.filter((c) => c.essential), ...pickSome(rng, open.filter((c) => !c.essential), Math.max(0, BUDGET - open.filter((c) => c.essential).length))]);
    const cases = all.filter((c) => isDecided(c) || kept.has(c));
    const problems: string[] = [];
    const where = (c: FuzzCase) => `[${caller}, FUZZ_SEED=${SEED}] ${c.what}`;
    let succeeded = false;
    let unauthenticated = false;

    // What the schema (or a limit) refuses, in one batch: each its 400 (413, 415), nothing written by any.
    const decided = cases.filter(isDecided);
    const tStart = Date.now();
    let before = await snapshot();
    if (process.env.FUZZ_DEBUG) console.log(`${key}: ${all.length} cases made, ${decided.length} decided, ${cases.length - decided.length} of ${open.length} others run`);
    for (let i = 0; i < decided.length; i += PARALLEL) {
      const chunk = decided.slice(i, i + PARALLEL);
      const answers = await Promise.all(chunk.map((c) => send(ctx, spec, world.tokens[caller], c.req)));
      answers.forEach((res, j) => {
        const wrong = judge(chunk[j], res);
        if (wrong) problems.push(`${where(chunk[j])}: ${wrong}`);
        if (res.status === 401) unauthenticated = true;
      });
    }
    let after = await snapshot();
    const batchWrites = await changes(before, after);
    if (batchWrites.length) problems.push(`[${caller}, FUZZ_SEED=${SEED}] the ${decided.length} requests the schema refuses wrote: ${batchWrites.join('; ')}`);

    // The rest one by one: a refusal writes nothing; a success may.
    before = after;
    for (const c of cases.filter((x) => !decided.includes(x))) {
      const t0 = Date.now();
      const res = await send(ctx, spec, world.tokens[caller], c.req);
      if (process.env.FUZZ_DEBUG && Date.now() - t0 > 100) console.log(`${key} ${c.what}: ${Date.now() - t0} ms`);
      const wrong = judge(c, res);
      if (wrong) problems.push(`${where(c)}: ${wrong}`);
      if (res.status === 401) unauthenticated = true;
      if (res.status < 300) succeeded = true;
      after = await snapshot();
      if (refused(res)) {
        const writes = await changes(before, after);
        if (writes.length) problems.push(`${where(c)}: refused with ${res.status} ${textOf(res).slice(0, 120)}, yet wrote: ${writes.join('; ')}`);
      }
      before = after;
    }
    if (process.env.FUZZ_DEBUG) console.log(`${key}: ${Date.now() - tStart} ms`);
    if ((Object.prototype as { polluted?: unknown }).polluted !== undefined) problems.push(`[${caller}] Object.prototype was polluted`);

    for (const t of presentThrottles) await raw.query(`DELETE FROM \`${t}\``);
    if (succeeded) for (const part of request.spoils ?? []) await builder.refresh(world, part, caller);
    if (unauthenticated) await builder.refresh(world, 'token', caller);
    expect(problems).toEqual([]);
  }, 120_000);
});
