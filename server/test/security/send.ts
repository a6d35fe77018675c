// Sends one request of a route as one caller, and reads the app's route table.
import type { Response } from 'supertest';
import { buildApp } from '../../src/app';
import { routeTable, type RouteSpec } from '../../src/http/api';
import type { TestContext } from '../support/context';
import { fillPath, type Sample } from './requests';

export type Spec = RouteSpec<any, any, any, any>;
export const routeKey = (spec: Pick<Spec, 'method' | 'path'>) => `${spec.method.toUpperCase()} ${spec.path}`;

/** Every route the app declares, by "METHOD /path" (from the route table the app is built from). */
export function appRoutes(ctx: TestContext): Map<string, Spec> {
  return new Map(routeTable(buildApp(ctx.deps)).map((spec) => [routeKey(spec), spec]));
}

export interface Outgoing extends Sample {
  /** A path as is (bad ids), instead of filling `params` into the route's path. */
  url?: string;
  headers?: Record<string, string>;
}

export function send(ctx: TestContext, spec: Pick<Spec, 'method' | 'path'>, token: string | undefined, req: Outgoing): Promise<Response> {
  const url = req.url ?? fillPath(spec.path, req.params);
  let r = ctx.http[spec.method](url);
  if (token) r = r.set('Authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(req.headers ?? {})) r = r.set(k, v);
  if (req.query) r = r.query(req.query);
  if (req.stream) {
    // An event stream never ends: take its status and headers, then hang up (JSON answers are read whole).
    r = r.buffer(true).parse((res, done) => {
      if (/event-stream/.test(String(res.headers['content-type']))) {
        (res as unknown as import('node:http').IncomingMessage).destroy();
        return done(null, { stream: true });
      }
      let text = '';
      (res as unknown as import('node:http').IncomingMessage).setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        try {
          done(null, JSON.parse(text));
        } catch {
          done(null, text);
        }
      });
    });
  }
  if (req.multipart) {
    for (const [k, v] of Object.entries(req.multipart.fields)) r = r.field(k, v);
    return r.attach('file', req.multipart.file.bytes, req.multipart.file.name);
  }
  if (req.raw) return r.set('Content-Type', req.raw.contentType).send(req.raw.text);
  // As JSON text: supertest would send a bare string or number as something else.
  if (req.body !== undefined) return r.set('Content-Type', 'application/json').send(JSON.stringify(req.body));
  return r;
}
