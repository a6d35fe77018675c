// HTTP edge of the insurers: the public directory, and the insurer console's claims (staff with
// role insurer, their own company's only; anyone else's claim answers 404).
import { pageQuery, idParam, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import {
  claimStatusRequest,
  insurerClaimDetail,
  insurerClaimsFilter,
  insurerClaimsResponse,
  insurersResponse,
} from '@jiaoguan/contracts/schemas/insurers';
import { z } from 'zod';
import type { FileStorage } from '../uploads/storage';
import { storageFor } from '../uploads/storage-for';
import { insurerClaimAgreement, insurerClaimPhoto } from './use-cases/claim-files';
import { exportInsurerClaims } from './use-cases/export-claims';
import { listInsurerClaims } from './use-cases/list-claims';
import { listInsurers } from './use-cases/list-insurers';
import { setClaimStatus } from './use-cases/set-claim-status';
import { viewInsurerClaim } from './use-cases/view-claim';
import { serveStoredFile } from '../uploads/serve-file';

const photoParams = idParam.extend({ photoId: z.coerce.number().int().positive().max(2_147_483_647) });

export function registerInsurerRoutes(api: Api, deps: AppDeps, storage: FileStorage = storageFor(deps)) {
  const directory = api.module('/api/insurers', { tag: 'insurers' });
  const claims = api.module('/api/insurer/claims', { tag: 'insurers' });

  directory.route({
    method: 'get',
    path: '',
    summary: 'The insurers a party may name (code, name, claims hotline); PUT /api/accidents/:id/parties/me takes a code or a name',
    access: 'public',
    response: insurersResponse,
    handler: () => listInsurers(deps),
  });

  claims.route({
    method: 'get',
    path: '',
    summary: "The caller's company's claims, newest first (status, days of hand-over from/to in Asia/Shanghai, q: a case, document, plate or policy number)",
    access: ['insurer'],
    query: pageQuery.extend(insurerClaimsFilter.shape).superRefine((f, ctx) => {
      if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    }),
    response: insurerClaimsResponse,
    errors: { 403: ['FORBIDDEN'] },
    handler: ({ query, caller, ctx }) => {
      const { page, pageSize, ...filter } = query;
      return listInsurerClaims(deps, { caller, filter, page: { page, pageSize }, ip: ctx.ip });
    },
  });

  claims.route({
    method: 'get',
    path: '/export',
    summary: "Every claim of the caller's company matching the filter as CSV (UTF-8 with BOM), streamed in batches whatever their number",
    access: ['insurer'],
    query: insurerClaimsFilter,
    errors: { 403: ['FORBIDDEN'] },
    handler: async ({ query, caller, ctx }) => {
      const { stream, fileName } = await exportInsurerClaims(deps, { caller, filter: query, ip: ctx.ip });
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
      ctx.set('Cache-Control', 'private, no-store');
      return stream;
    },
  });

  claims.route({
    method: 'get',
    path: '/:id',
    summary: 'One claim with its case: liability, the parties’ contact, the photos (with their size) and the agreement’s link',
    access: ['insurer'],
    params: idParam,
    response: insurerClaimDetail,
    errors: { 404: ['NOT_FOUND'] },
    handler: ({ params, caller, ctx }) => viewInsurerClaim(deps, { caller, id: params.id, ip: ctx.ip }),
  });

  claims.route({
    method: 'post',
    path: '/:id/status',
    summary: 'Move the claim one step forward (RECEIVED, ASSESSING, SETTLED) with an optional note; the insured party is told. The status it has already: 200, nothing changes; any other move: 409 INVALID_STATE',
    access: ['insurer'],
    params: idParam,
    body: claimStatusRequest,
    response: insurerClaimDetail,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    handler: ({ params, body, caller, ctx }) => setClaimStatus(deps, { caller, id: params.id, ...body, ip: ctx.ip }),
  });

  claims.route({
    method: 'get',
    path: '/:id/photos/:photoId',
    summary: 'The bytes of an evidence photo of the claim’s case',
    access: ['insurer'],
    params: photoParams,
    errors: { 404: ['NOT_FOUND'] },
    handler: async ({ params, caller, ctx }) => {
      return serveStoredFile(ctx, await insurerClaimPhoto(deps, { caller, id: params.id, photoId: params.photoId, storage }));
    },
  });

  claims.route({
    method: 'get',
    path: '/:id/agreement',
    summary: 'The agreement (or determination) PDF of the claim’s case',
    access: ['insurer'],
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    handler: async ({ params, caller, ctx }) => {
      const doc = await insurerClaimAgreement(deps, { caller, id: params.id, storage, ip: ctx.ip });
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `attachment; filename="${doc.fileName}"; filename*=UTF-8''${encodeURIComponent(doc.title)}.pdf`);
      ctx.set('Cache-Control', 'private, no-store');
      return doc.bytes;
    },
  });
}
