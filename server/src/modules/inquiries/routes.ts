// HTTP edge of inquiries: the driver's own records, vehicle binding, and the admins' streamed record import.
import type { Context, Next } from 'koa';
import {
  bindVehicleRequest,
  IMPORT_KINDS,
  licence,
  recordImportReport,
  unbindVehicleResponse,
  vehicle,
  violationList,
  violationsFilter,
} from '@jiaoguan/contracts/schemas/inquiries';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { pageOf } from '@jiaoguan/contracts/schemas/common';
import { AppError } from '../../http/errors';
import { bindVehicle } from './use-cases/bind-vehicle';
import { importRecords, type ImportFormat } from './use-cases/import-records';
import { ownLicence } from './use-cases/own-licence';
import { ownVehicles } from './use-cases/own-vehicles';
import { ownViolations } from './use-cases/own-violations';
import { unbindVehicle } from './use-cases/unbind-vehicle';

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
  const me = api.module('/api/me', { tag: 'inquiries' });
  const imports = api.module('/api/admin/import', { tag: 'admin' });

  me.route({
    method: 'get',
    path: '/licence',
    summary: "The caller's own driving licence: points in the current cycle, validity, status in words and what to do",
    access: 'driver',
    errors: { 404: ['NOT_FOUND'] },
    response: licence,
    handler: ({ caller }) => ownLicence(deps, { caller }),
  });

  me.route({
    method: 'get',
    path: '/vehicles',
    summary: "The caller's bound vehicles they still own, with inspection due dates and warnings",
    access: 'driver',
    response: pageOf(vehicle),
    handler: ({ caller }) => ownVehicles(deps, { caller }),
  });

  me.route({
    method: 'post',
    path: '/vehicles',
    summary: 'Bind a vehicle registered to the caller by its plate and the last 4 or 6 VIN characters (attempts throttled); 201, or 200 when it was bound already',
    access: 'driver',
    status: 201,
    body: bindVehicleRequest,
    errors: { 404: ['NOT_FOUND'], 422: ['IDENTITY_REQUIRED'], 429: ['RATE_LIMITED'] },
    response: vehicle,
    handler: async ({ caller, body, ctx }) => {
      const { created, vehicle } = await bindVehicle(deps, { caller, ...body, ip: ctx.ip });
      // Binding a vehicle already bound changes nothing: 200 with the same vehicle.
      ctx.status = created ? 201 : 200;
      ctx.body = vehicle;
      return undefined;
    },
  });

  me.route({
    method: 'delete',
    path: '/vehicles/:id',
    summary: 'Unbind one of the caller’s vehicles',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    response: unbindVehicleResponse,
    handler: ({ caller, params, ctx }) => unbindVehicle(deps, { caller, vehicleId: params.id, ip: ctx.ip }),
  });

  me.route({
    method: 'get',
    path: '/violations',
    summary: "Violations of the caller's vehicles and licence, newest first, with late fees and outstanding totals",
    access: 'driver',
    query: pageQuery.extend(violationsFilter.shape),
    response: violationList,
    handler: ({ caller, query }) => ownViolations(deps, { caller, page: query, status: query.status }),
  });

  for (const kind of IMPORT_KINDS) {
    imports.route({
      method: 'post',
      path: `/${kind}`,
      summary: `Import ${kind}: a CSV file (text/csv, header row of field names) or a JSON array, streamed; rows upserted on their natural key`,
      access: ['admin'],
      errors: { 400: ['VALIDATION_FAILED'], 413: ['PAYLOAD_TOO_LARGE'], 415: ['UNSUPPORTED_MEDIA_TYPE'] },
      response: recordImportReport,
      handler: ({ caller, ctx }) => importRecords(deps, { caller, kind, format: importFormat(ctx), body: ctx.req, ip: ctx.ip }),
    });
  }
}
