// Declares routes once: the zod schemas validate the request and also make the OpenAPI document.
import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { authenticate, type Caller, type StaffRoleName } from './auth';
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
  response?: z.ZodType;
  /** Documented failures: status → error codes. */
  errors?: Record<number, string[]>;
  handler: (input: RouteInput<B, Q, P, CallerFor<A>>) => Promise<unknown>;
}

/** Turns zod issues into the contract's field-level details. */
export function issuesToDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
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

export class Api {
  readonly router = new Router();
  readonly specs: RouteSpec<any, any, any, any>[] = [];

  constructor(private readonly db: Db) {}

  route<B = unknown, Q = unknown, P = unknown, A extends Access = Access>(spec: RouteSpec<B, Q, P, A>): void {
    this.specs.push(spec);
    const db = this.db;
    this.router[spec.method](spec.path, async (ctx) => {
      let caller: Caller | undefined;
      if (spec.access === 'public') {
        caller = await authenticate(ctx, db, false);
      } else {
        caller = await authenticate(ctx, db, true);
        if (!allowed(spec.access, caller!)) throw forbidden();
      }
      const params = parse(spec.params, ctx.params, 'params');
      const query = parse(spec.query, ctx.query, 'query');
      const rawBody = (ctx.request as { body?: unknown }).body;
      const hasContent = !!ctx.request.length || !!ctx.get('transfer-encoding');
      if (spec.body && hasContent && !ctx.request.is('json', 'multipart')) {
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式提交');
      }
      const body = parse(spec.body, rawBody ?? {}, 'body');
      const result = await spec.handler({ body, query, params, caller: caller as any, ctx });
      if (result !== undefined) {
        ctx.status = spec.status ?? 200;
        ctx.body = result;
      }
    });
  }
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
