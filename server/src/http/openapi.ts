// Builds the OpenAPI 3.1 document from the declared routes, and a readable page for it.
import { z } from 'zod';
import type { RouteSpec } from './api';

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

export function openApiDocument(specs: RouteSpec<any, any, any, any>[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || !!js.required?.includes(name), schema: s });
      }
    }
    const responses: Record<string, unknown> = {
      [String(spec.status ?? 200)]: {
        description: 'success',
        ...(spec.response ? { content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } } : {}),
      },
    };
    const errors: Record<number, string[]> = { 400: ['VALIDATION_FAILED'], ...(spec.errors ?? {}) };
    if (spec.access !== 'public') {
      errors[401] = ['UNAUTHENTICATED'];
      errors[403] = ['FORBIDDEN'];
      // A staff session with a password to change first is refused everywhere else.
      if (spec.access !== 'driver' && !spec.beforePasswordChange) errors[403].push('PASSWORD_CHANGE_REQUIRED');
    }
    for (const [status, codes] of Object.entries(errors)) {
      responses[status] = {
        description: codes.join(', '),
        content: { 'application/json': { schema: errorBody } },
      };
    }
    (paths[path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.access !== 'public'
        ? { security: [{ bearer: [] }], 'x-access': Array.isArray(spec.access) ? spec.access : [spec.access] }
        : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '交管服务 API (jiaoguan)',
      version: '1.0.0',
      description: 'Errors are {"error": {"code", "message", "details"}}. Times are ISO 8601; money in fen.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

/** A self-contained HTML page listing every operation (no external scripts). */
export function openApiHtml(doc: ReturnType<typeof openApiDocument>): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const rows = Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const o = op as { summary: string; tags: string[]; requestBody?: unknown; responses: object; 'x-access'?: string[] };
        const body = o.requestBody ? `<pre>${esc(JSON.stringify(o.requestBody, null, 2))}</pre>` : '';
        return `<section><h3><code>${method.toUpperCase()} ${esc(path)}</code></h3><p>${esc(o.summary)} · ${esc(
          o.tags.join(', '),
        )} · access: ${esc((o['x-access'] ?? ['public']).join(', '))}</p>${body}<details><summary>responses</summary><pre>${esc(
          JSON.stringify(o.responses, null, 2),
        )}</pre></details></section>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>交管服务 API</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}code{font-size:15px}pre{background:#f4f6fa;padding:.5em;overflow:auto}section{border-bottom:1px solid #ddd}</style>
</head><body><h1>交管服务 API</h1><p>${esc(doc.info.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a></p>${rows}</body></html>`;
}
