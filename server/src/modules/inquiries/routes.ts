// HTTP edge of inquiries: the driver's own records, vehicle binding, and the admins' streamed record import.
import type { Context, Next } from 'koa';
import { z } from 'zod';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { AppError } from '../../http/errors';
import { importRecords, type ImportFormat } from './import';
import type { ImportKind } from './import-rows';
import { bindVehicle, ownLicence, ownVehicles, ownViolations, unbindVehicle } from './service';

const IMPORT_PATH = /^\/api\/admin\/import\/(licences|vehicles|violations)\/?$/;

/**
 * Import bodies are read as a stream by their route (a file may be far larger than the JSON limit),
 * so the global body parser must leave them alone. Mount before the body parser.
 */
export function streamImportBodies() {
  return async function skipBodyParser(ctx: Context, next: Next) {
    if (ctx.method === 'POST' && IMPORT_PATH.test(ctx.path)) (ctx as { disableBodyParser?: boolean }).disableBodyParser = true;
    await next();
  };
}

function importFormat(ctx: Context): ImportFormat {
  const type = ctx.request.is('json', 'text/csv', 'application/csv', 'text/plain');
  if (type === 'json') return 'json';
  if (type) return 'csv';
  throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请上传 CSV 文件（text/csv）或 JSON 数组（application/json）');
}

export function registerInquiryRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/api/me/licence',
    tag: 'inquiries',
    summary: "The caller's own driving licence: points in the current cycle, validity, status in words and what to do",
    access: 'driver',
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller }) => ownLicence(deps, caller),
  });

  api.route({
    method: 'get',
    path: '/api/me/vehicles',
    tag: 'inquiries',
    summary: "The caller's bound vehicles they still own, with inspection due dates and warnings",
    access: 'driver',
    handler: ({ caller }) => ownVehicles(deps, caller),
  });

  api.route({
    method: 'post',
    path: '/api/me/vehicles',
    tag: 'inquiries',
    summary: 'Bind a vehicle registered to the caller by its plate and the last 4 or 6 VIN characters (attempts throttled); 201, or 200 when it was bound already',
    access: 'driver',
    status: 201,
    body: z.object({
      plate: z.string().trim().min(7, '请填写完整的号牌号码').max(16),
      vinSuffix: z
        .string()
        .trim()
        .regex(/^([A-HJ-NPR-Za-hj-npr-z0-9]{4}|[A-HJ-NPR-Za-hj-npr-z0-9]{6})$/, '请填写车架号后4位或后6位'),
    }),
    errors: { 404: ['NOT_FOUND'], 422: ['IDENTITY_REQUIRED'], 429: ['RATE_LIMITED'] },
    handler: async ({ caller, body, ctx }) => {
      const { created, vehicle } = await bindVehicle(deps, caller, body, deps.config.inquiries.vehicleBind, ctx.ip);
      // Binding a vehicle already bound changes nothing: 200 with the same vehicle.
      ctx.status = created ? 201 : 200;
      ctx.body = vehicle;
      return undefined;
    },
  });

  api.route({
    method: 'delete',
    path: '/api/me/vehicles/:id',
    tag: 'inquiries',
    summary: 'Unbind one of the caller’s vehicles',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ caller, params, ctx }) => unbindVehicle(deps, caller, params.id, ctx.ip),
  });

  api.route({
    method: 'get',
    path: '/api/me/violations',
    tag: 'inquiries',
    summary: "Violations of the caller's vehicles and licence, newest first, with late fees and outstanding totals",
    access: 'driver',
    query: pageQuery.extend({ status: z.enum(['UNPROCESSED', 'PROCESSED', 'PAID']).optional() }),
    handler: ({ caller, query }) => ownViolations(deps, caller, query),
  });

  for (const kind of ['licences', 'vehicles', 'violations'] as ImportKind[]) {
    api.route({
      method: 'post',
      path: `/api/admin/import/${kind}`,
      tag: 'admin',
      summary: `Import ${kind}: a CSV file (text/csv, header row of field names) or a JSON array, streamed; rows upserted on their natural key`,
      access: ['admin'],
      errors: { 400: ['VALIDATION_FAILED'], 413: ['PAYLOAD_TOO_LARGE'], 415: ['UNSUPPORTED_MEDIA_TYPE'] },
      handler: ({ caller, ctx }) =>
        importRecords(
          deps,
          kind,
          { format: importFormat(ctx), body: ctx.req, maxBytes: deps.config.inquiries.importMaxBytes },
          { staffId: caller.id, ip: ctx.ip },
        ),
    });
  }
}
