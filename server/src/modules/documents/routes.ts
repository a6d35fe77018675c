// HTTP edge of the public document check: no login, throttled per client address.
import { z } from 'zod';
import { publicDocumentCheck } from '@jiaoguan/contracts/schemas/documents';
import type { Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { checkDocument } from './use-cases/check-document';

export function registerDocumentRoutes(api: Api, deps: AppDeps) {
  const tag = 'documents';
  const documents = api.module('/api/public/documents', { tag });
  documents.route({
    method: 'get',
    path: '/:code',
    summary:
      'Public: whether the verification code printed on a document (and in its QR code) belongs to a document this service issued, its state (VALID, SUPERSEDED, REVOKED) and its key facts with names and plates masked; an unknown or malformed code is 404 NOT_FOUND (one answer for both); checks are counted per client address (429 RATE_LIMITED)',
    access: 'public',
    // Any text: what cannot be a code is answered as an unknown one (404), never 400.
    params: z.object({ code: z.string() }),
    errors: { 404: ['NOT_FOUND'], 429: ['RATE_LIMITED'] },
    response: publicDocumentCheck,
    handler: ({ params, ctx }) => checkDocument(deps, { code: params.code, ip: ctx.ip }),
  });
}
