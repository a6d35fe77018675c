// Declares routes once: the zod schemas validate the request and also make the OpenAPI document.
import Router from '@koa/router';
import type { Context, Middleware, Next } from 'koa';
import { z } from 'zod';
import { authenticate, bearerToken, type Caller, type StaffRoleName } from './auth';
import type { DriverTokens } from './driver-token';
import { AppError, badRequest, forbidden } from './errors';
import type { Db } from '../db';

export type Access = 'public' | 'any' | 'driver' | 'staff' | StaffRoleName[];
type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

export interface RouteInput<B, Q, P, C> {
  body: B;
  query: Q;
  params: P;
  caller: C;
  ctx: Context;
}

type CallerFor<A extends Access> = A extends 'public'
  ? Caller | undefined
  : A extends 'driver'
    ? Extract<Caller, { kind: 'driver' }>
    : A extends 'any'
      ? Caller
      : Extract<Caller, { kind: 'staff' }>;

export interface RouteSpec<B = unknown, Q = unknown, P = unknown, A extends Access = Access> {
  method: Method;
  /** Koa-style path under the app root, e.g. /api/accidents/:id */
  path: string;
  summary: string;
  tag: string;
  access: A;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Status of a success; 200 unless something is created. */
  status?: number;
  /** The success body as it goes on the wire (OpenAPI; checked in tests). */
  response?: z.ZodType;
  /** Documented failures: status → error codes. */
  errors?: Record<number, string[]>;
  /**
   * Open to a staff session whose password must be changed first (GET /api/me, the change itself,
   * logout); every other route answers it 403 PASSWORD_CHANGE_REQUIRED.
   */
  beforePasswordChange?: true;
  /**
   * A refusal decided from memory before the caller's session is read, for a token that carries a
   * driver's claim (driver-token.ts); what it lets through is authenticated as usual. It may only
   * throw an answer that changes nothing and tells nothing the public pages do not (a token revoked
   * a moment ago may get it rather than 401).
   */
  refuseBeforeAuth?: (input: { driverId: number; body: B }) => Promise<void>;
  handler: (input: RouteInput<B, Q, P, CallerFor<A>>) => Promise<unknown>;
}

/** Turns zod issues into the contract's field-level details. */
export function issuesToDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** The request body as the route declares it: JSON (or multipart) only, validated. */
function readBody(spec: RouteSpec<any, any, any, any>, ctx: Context): unknown {
  const rawBody = (ctx.request as { body?: unknown }).body;
  const hasContent = !!ctx.request.length || !!ctx.get('transfer-encoding');
  if (spec.body && hasContent && !ctx.request.is('json', 'multipart')) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式提交');
  }
  return parse(spec.body, rawBody ?? {}, 'body');
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw badRequest(
      issuesToDetails(result.error).map((d) => ({ ...d, in: where })),
      '提交的内容有误，请检查后重试',
    );
  }
  return result.data;
}

export interface ApiOptions {
  /**
   * Check each answer against its route's `response` schema (tests only: a drift between code and
   * documented contract then fails a test; production skips it for speed).
   */
  checkResponses?: boolean;
  /** Reads the driver claim of tokens for the routes that refuse before authentication. */
  driverTokens?: DriverTokens;
}

/** A route of a module: the path is relative to the module's prefix, the tag defaults to the module's. */
export type ModuleRouteSpec<B, Q, P, A extends Access> = Omit<RouteSpec<B, Q, P, A>, 'tag'> & { tag?: string };

/**
 * The routes of the whole app: each module declares its own through `api.module(prefix)` (one
 * prefixed router per module); `api.route()` still declares one with its full path on the root
 * router. Every route lands in `specs`, which makes the OpenAPI document.
 */
export class Api {
  /** The root router, for routes declared with `api.route()` and their full path. */
  readonly router = new Router();
  readonly specs: RouteSpec<any, any, any, any>[] = [];
  private readonly modules: ApiModule[] = [];

  constructor(
    private readonly db: Db,
    private readonly options: ApiOptions = {},
  ) {}

  /** A module's own router under `prefix` (e.g. /api/consultations). */
  module(prefix: string, defaults: { tag: string }): ApiModule {
    if (!/^\/[\w/-]*[\w-]$/.test(prefix)) throw new Error(`bad module prefix ${prefix}`);
    const m = new ApiModule(this, prefix, defaults.tag, new Router({ prefix }));
    this.modules.push(m);
    return m;
  }

  route<B = unknown, Q = unknown, P = unknown, A extends Access = Access>(spec: RouteSpec<B, Q, P, A>): void {
    this.register(this.router, spec.path, spec);
  }

  /** Every router's routes: the root's first, then the modules' in the order they were made. */
  routes(): Middleware<any, any> {
    const mw = chain([this.router.routes(), ...this.modules.map((m) => m.router.routes())]);
    return Object.assign(mw, { [ROUTE_TABLE]: this.specs as readonly RouteSpec<any, any, any, any>[] });
  }

  /**
   * 405/501 for a path some router knows under another method. One check suffices: every router
   * adds what it matched to the same `ctx.matched`.
   */
  allowedMethods(options: Parameters<Router['allowedMethods']>[0]): ReturnType<Router['allowedMethods']> {
    return this.router.allowedMethods(options);
  }

  /** @internal Registers `spec` on `router` at `routerPath`; `spec.path` is the full path. */
  register(router: Router, routerPath: string, spec: RouteSpec<any, any, any, any>): void {
    this.specs.push(spec);
    const db = this.db;
    const check = this.options.checkResponses && spec.response ? responseChecker(spec, spec.response) : undefined;
    const tokens = this.options.driverTokens;
    router[spec.method](routerPath, async (ctx) => {
      const claim = spec.refuseBeforeAuth && tokens?.claim(bearerToken(ctx));
      const early = claim ? { driverId: claim.driverId, body: readBody(spec, ctx) } : undefined;
      if (early) await spec.refuseBeforeAuth!(early);
      let caller: Caller | undefined;
      if (spec.access === 'public') {
        caller = await authenticate(ctx, db, false);
      } else {
        caller = await authenticate(ctx, db, true);
        if (!allowed(spec.access, caller!)) throw forbidden();
      }
      if (caller?.kind === 'staff' && caller.mustChangePassword && !spec.beforePasswordChange) {
        throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改密码再继续使用');
      }
      const params = parse(spec.params, ctx.params, 'params');
      const query = parse(spec.query, ctx.query, 'query');
      const body = early ? early.body : readBody(spec, ctx);
      const result = await spec.handler({ body, query, params, caller: caller as any, ctx });
      if (result !== undefined) {
        check?.(result);
        ctx.status = spec.status ?? 200;
        ctx.body = result;
      } else if (check && isJsonBody(ctx.body)) {
        // A handler that set the answer itself (e.g. 200 or 201 by outcome).
        check(ctx.body);
      }
    });
  }
}

export class ApiModule {
  constructor(
    private readonly api: Api,
    readonly prefix: string,
    readonly tag: string,
    readonly router: Router,
  ) {}

  /** Declares a route at `prefix + path` ('' or '/' for the prefix itself). */
  route<B = unknown, Q = unknown, P = unknown, A extends Access = Access>(spec: ModuleRouteSpec<B, Q, P, A>): void {
    const relative = spec.path === '/' ? '' : spec.path;
    if (relative && !relative.startsWith('/')) throw new Error(`route path ${spec.path} must start with /`);
    const full = { ...spec, tag: spec.tag ?? this.tag, path: this.prefix + relative } as RouteSpec<B, Q, P, A>;
    this.api.register(this.router, relative || '/', full);
  }
}

const ROUTE_TABLE = Symbol('routeTable');

/**
 * The routes declared on an app whose middleware includes `api.routes()` (read-only: tests walk
 * every route from it, e.g. the authorisation matrix and the fuzz test).
 */
export function routeTable(app: { middleware: readonly unknown[] }): readonly RouteSpec<any, any, any, any>[] {
  for (const mw of app.middleware) {
    const specs = (mw as { [ROUTE_TABLE]?: readonly RouteSpec<any, any, any, any>[] } | undefined)?.[ROUTE_TABLE];
    if (specs) return specs;
  }
  throw new Error('no Api routes are mounted on this app');
}

/** Runs middleware one after the other, as Koa would. */
function chain(middleware: Middleware<any, any>[]): Middleware<any, any> {
  return (ctx, next) =>
    middleware.reduceRight<Next>((down, mw) => () => Promise.resolve(mw(ctx, down)), next)();
}

const isJsonBody = (body: unknown) => typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && !(body as { pipe?: unknown }).pipe;

/** Compares the answer as it goes on the wire (dates as ISO strings) with the declared schema. */
function responseChecker(spec: RouteSpec<any, any, any, any>, schema: z.ZodType) {
  return (answer: unknown) => {
    const wire = JSON.parse(JSON.stringify(answer));
    const result = schema.safeParse(wire);
    if (!result.success) {
      throw new Error(
        `${spec.method.toUpperCase()} ${spec.path}: the answer does not match its response schema: ${JSON.stringify(issuesToDetails(result.error))}`,
      );
    }
  };
}

function allowed(access: Access, caller: Caller): boolean {
  if (access === 'any' || access === 'public') return true;
  if (access === 'driver') return caller.kind === 'driver';
  if (access === 'staff') return caller.kind === 'staff';
  return caller.kind === 'staff' && access.includes(caller.role);
}

/** Common schema pieces. */
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export { pageQuery } from '../lib/pagination';
