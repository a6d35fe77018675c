// HTTP edge of quick accident processing (API.md, Accidents): parties, officers and the public document check.
import { ACCIDENT_STATUSES } from '@jiaoguan/contracts/labels';
import {
  accidentCase,
  checkEligibilityRequest,
  checkEligibilityResponse,
  confirmationRequest,
  decisionRequest,
  handoverRequest,
  documentCheck,
  documentCheckQuery,
  inviteQr,
  joinAccidentRequest,
  myClaim,
  officerQueueItem,
  officerStats as officerStatsSchema,
  partyDetails,
  reportAccidentRequest,
  scenario,
  setLiabilityRequest,
  uploadedEvidence,
} from '@jiaoguan/contracts/schemas/accidents';
import { pageOf } from '@jiaoguan/contracts/schemas/common';
import { z } from 'zod';
import { idParam, pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { readSingleFile } from '../uploads/multipart';
import type { FileStorage } from '../uploads/storage';
import { storageFor } from '../uploads/storage-for';
import { SCENARIOS } from './liability';
import { addPhoto } from './use-cases/add-photo';
import { answer } from './use-cases/answer';
import { cancelCase } from './use-cases/cancel-case';
import { checkEligibility } from './use-cases/check-eligibility';
import { decideCase } from './use-cases/decide-case';
import { deletePhoto } from './use-cases/delete-photo';
import { downloadDocument } from './use-cases/download-document';
import { exportStaffClaims, listStaffClaims } from './use-cases/export-claims';
import { handOverCase } from './use-cases/hand-over-case';
import { joinCase } from './use-cases/join-case';
import { listMyCases } from './use-cases/list-my-cases';
import { listMyClaims } from './use-cases/list-my-claims';
import { listOfficerQueue } from './use-cases/list-officer-queue';
import { listScenarios } from './use-cases/list-scenarios';
import { officerStats } from './use-cases/officer-stats';
import { photoFile } from './use-cases/photo-file';
import { reportCase } from './use-cases/report-case';
import { savePartyDetails } from './use-cases/save-party-details';
import { setLiability } from './use-cases/set-liability';
import { showInvite } from './use-cases/show-invite';
import { verifyDocument } from './use-cases/verify-document';
import { countCheck } from '../documents/use-cases/check-document';
import { viewOfficerCase } from './use-cases/view-officer-case';
import { viewPartyCase } from './use-cases/view-party-case';
import { forbidden } from '../../http/errors';
import { OfficerEventHub } from './officer-events';
import { serveStoredFile } from '../uploads/serve-file';

const photoParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  photoId: z.coerce.number().int().positive().max(2_147_483_647),
});

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export function registerAccidentRoutes(
  api: Api,
  deps: AppDeps,
  storage: FileStorage = storageFor(deps),
  officerEvents: OfficerEventHub = new OfficerEventHub(deps.db, deps.log),
) {
  const tag = 'accidents';
  // The contract puts the module's routes under five prefixes: one router each.
  const accidents = api.module('/api/accidents', { tag });
  const officer = api.module('/api/officer', { tag });
  const agreements = api.module('/api/agreements', { tag });
  const myClaims = api.module('/api/me/insurance-claims', { tag });
  const adminClaims = api.module('/api/admin/insurance-claims', { tag });
  const caseErrors = { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] };

  accidents.route({
    method: 'get',
    path: '/scenarios',
    tag,
    summary: 'The liability scenario table (code, description, who is at fault)',
    access: 'public',
    response: pageOf(scenario),
    handler: async () => listScenarios(),
  });

  accidents.route({
    method: 'post',
    path: '/eligibility',
    tag,
    summary: 'Check the questionnaire (and the unit of a place) without storing anything',
    access: 'driver',
    body: checkEligibilityRequest,
    errors: { 422: ['NOT_ELIGIBLE'] },
    response: checkEligibilityResponse,
    handler: async ({ body }) => {
      const unit = await checkEligibility(deps, body);
      return { eligible: true as const, unit: { code: unit.code, name: unit.name } };
    },
  });

  accidents.route({
    method: 'post',
    path: '/',
    tag,
    summary:
      'Report an accident (201 with inviteCode when two vehicles; DAILY_ACCIDENTS_PER_DRIVER a day, then 429); a double-tapped submit gives the same case; the place passes msg_sec_check (risky → 422)',
    access: 'driver',
    status: 201,
    body: reportAccidentRequest,
    errors: { 422: ['NOT_ELIGIBLE', 'CONTENT_REJECTED'], 429: ['RATE_LIMITED'] },
    response: accidentCase,
    handler: ({ body, caller, ctx }) => reportCase(deps, { ...body, caller, ip: ctx.ip }),
  });

  accidents.route({
    method: 'get',
    path: '/',
    tag,
    summary: "The caller's cases, newest first, with parties, photos and events",
    access: 'driver',
    query: pageQuery,
    response: pageOf(accidentCase),
    handler: ({ query, caller }) => listMyCases(deps, { ...query, caller }),
  });

  accidents.route({
    method: 'post',
    path: '/join',
    tag,
    summary: 'The second party joins with the 6-digit invite code (valid 30 minutes, once; guessing is throttled)',
    access: 'driver',
    body: joinAccidentRequest,
    errors: { 404: ['NOT_FOUND'], 409: ['CASE_FULL', 'CANNOT_JOIN_OWN_CASE'], 422: ['INVITE_EXPIRED'], 429: ['RATE_LIMITED'] },
    response: accidentCase,
    handler: ({ body, caller, ctx }) => joinCase(deps, { caller, inviteCode: body.inviteCode, ip: ctx.ip }),
  });

  accidents.route({
    method: 'get',
    path: '/:id',
    tag,
    summary: 'One of the caller\'s cases with parties, photos and events (oldest first)',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    response: accidentCase,
    handler: ({ params, caller }) => viewPartyCase(deps, { caller, id: params.id }),
  });

  accidents.route({
    method: 'get',
    path: '/:id/invite-qr',
    tag,
    summary: 'The invitation as a QR code (SVG data URL) that opens the join page with the code filled in',
    access: 'driver',
    params: idParam,
    errors: { 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    response: inviteQr,
    handler: ({ params, caller, ctx }) => showInvite(deps, { caller, id: params.id, origin: ctx.origin }),
  });

  accidents.route({
    method: 'put',
    path: '/:id/parties/me',
    tag,
    summary: "The caller's own party details (plate, name, licence number, phone, insurer, …); the free text passes msg_sec_check (risky → 422)",
    access: 'driver',
    params: idParam,
    body: partyDetails,
    errors: { ...caseErrors, 422: ['CONTENT_REJECTED'] },
    response: accidentCase,
    handler: ({ params, body, caller }) => savePartyDetails(deps, { caller, id: params.id, details: body }),
  });

  accidents.route({
    method: 'post',
    path: '/:id/photos',
    tag,
    summary:
      'Upload a photo or signature (multipart: file, slot); real JPEG/PNG/WebP only, 10 MB at most, 40 files a case, DAILY_UPLOADS_PER_DRIVER a day',
    access: 'driver',
    params: idParam,
    status: 201,
    errors: {
      400: ['VALIDATION_FAILED'],
      404: ['NOT_FOUND'],
      409: ['INVALID_STATE'],
      413: ['PAYLOAD_TOO_LARGE'],
      415: ['UNSUPPORTED_MEDIA_TYPE'],
      422: ['IMAGE_TOO_SMALL', 'TOO_MANY_FILES'],
      429: ['RATE_LIMITED'],
    },
    response: uploadedEvidence,
    handler: ({ params, caller, ctx }) => addPhoto(deps, { caller, id: params.id, storage, read: (to) => readSingleFile(ctx, to) }),
  });

  accidents.route({
    method: 'get',
    path: '/:id/photos/:photoId',
    tag,
    summary: 'The bytes of a photo or signature, for the parties and officers of the unit',
    access: 'any',
    params: photoParams,
    errors: { 404: ['NOT_FOUND'] },
    handler: async ({ params, caller, ctx }) => {
      return serveStoredFile(ctx, await photoFile(deps, { caller, caseId: params.id, fileId: params.photoId, storage }));
    },
  });

  accidents.route({
    method: 'delete',
    path: '/:id/photos/:photoId',
    tag,
    summary:
      "Remove a photo the caller took (not a signature) while the case may change and nobody has answered; answers the case (PHOTO_REMOVED in the timeline)",
    access: 'driver',
    params: photoParams,
    errors: { 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 409: ['INVALID_STATE'] },
    response: accidentCase,
    handler: ({ params, caller }) => deletePhoto(deps, { caller, id: params.id, photoId: params.photoId, storage }),
  });

  accidents.route({
    method: 'put',
    path: '/:id/liability',
    tag,
    summary: 'Propose liability from the scenario table (party A is the reporter); resets answers given',
    access: 'driver',
    params: idParam,
    // The contract takes any code; the table decides which exist (400 otherwise, as before).
    body: setLiabilityRequest.extend({ scenario: z.enum(SCENARIOS.map((s) => s.code) as [string, ...string[]]) }),
    errors: { ...caseErrors, 422: ['LIABILITY_INCONSISTENT'] },
    response: accidentCase,
    handler: ({ params, body, caller }) => setLiability(deps, { caller, id: params.id, ...body }),
  });

  accidents.route({
    method: 'post',
    path: '/:id/confirmation',
    tag,
    summary: "A party's answer with their signature; when every party answered the case goes to PENDING_REVIEW",
    access: 'driver',
    params: idParam,
    body: confirmationRequest,
    errors: { ...caseErrors, 422: ['CASE_INCOMPLETE'] },
    response: accidentCase,
    handler: ({ params, body, caller }) => answer(deps, { caller, id: params.id, ...body }),
  });

  accidents.route({
    method: 'post',
    path: '/:id/cancel',
    tag,
    summary: 'The reporter withdraws an unfinished case',
    access: 'driver',
    params: idParam,
    errors: { 403: ['FORBIDDEN'], ...caseErrors },
    response: accidentCase,
    handler: ({ params, caller, ctx }) => cancelCase(deps, { caller, id: params.id, ip: ctx.ip }),
  });

  accidents.route({
    method: 'get',
    path: '/:id/agreement',
    tag,
    summary: 'The PDF (自行协商协议书, or 事故认定书 when an officer set liability) once CONFIRMED',
    access: 'any',
    params: idParam,
    errors: caseErrors,
    handler: async ({ params, caller, ctx }) => {
      const doc = await downloadDocument(deps, { caller, id: params.id, storage, ip: ctx.ip });
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `attachment; filename="${doc.fileName}"; filename*=UTF-8''${encodeURIComponent(doc.title)}.pdf`);
      ctx.set('Cache-Control', 'private, no-store');
      return doc.bytes;
    },
  });

  agreements.route({
    method: 'get',
    path: '/verify',
    tag,
    summary: 'Public: whether a document number and verification code are genuine (for insurers)',
    access: 'public',
    query: documentCheckQuery,
    response: documentCheck,
    errors: { 429: ['RATE_LIMITED'] },
    // Counted with the public check by code (modules/documents): one allowance per address.
    handler: async ({ query, ctx }) => {
      await countCheck(deps, ctx.ip);
      return verifyDocument(deps, query);
    },
  });

  myClaims.route({
    method: 'get',
    path: '/',
    tag,
    summary: "The caller's insurance claims from confirmed cases",
    access: 'driver',
    response: pageOf(myClaim),
    handler: ({ caller }) => listMyClaims(deps, { caller }),
  });

  officer.route({
    method: 'get',
    path: '/events',
    tag,
    summary: "Server-sent events for the officer's unit: case.pending when a case enters review (or is handed over to the unit), case.decided when one is decided, case.overdue when one passes its review deadline, case.handedOver when one is handed to another unit",
    access: ['officer'],
    response: z.string().describe('text/event-stream: `event: case.pending|case.decided|case.overdue|case.handedOver`, `data: {"id","unit","at","status","caseNumber"}`'),
    handler: async ({ caller, ctx }) => {
      const unit = caller.unit;
      if (!unit) throw forbidden('您的账号没有所属大队，无法接收案件提醒');
      ctx.set('Content-Type', 'text/event-stream; charset=utf-8');
      ctx.set('Cache-Control', 'no-cache');
      // nginx would otherwise buffer the stream.
      ctx.set('X-Accel-Buffering', 'no');
      ctx.req.socket.setKeepAlive(true);
      ctx.status = 200;
      ctx.body = officerEvents.open(unit.code, (close) => ctx.req.once('close', close), caller.sessionId);
      return undefined;
    },
  });

  officer.route({
    method: 'get',
    path: '/accidents',
    tag,
    summary: "The unit's cases in a status (PENDING_REVIEW oldest first, others newest first)",
    access: ['officer'],
    query: pageQuery.extend({ status: z.enum(ACCIDENT_STATUSES).default('PENDING_REVIEW'), disputed: bool.optional() }),
    response: pageOf(officerQueueItem),
    handler: ({ query, caller }) => listOfficerQueue(deps, { ...query, caller }),
  });

  officer.route({
    method: 'get',
    path: '/stats',
    tag,
    summary: "The officer's day (Asia/Shanghai): the unit's cases they decided today by decision, and the unit's review queue",
    access: ['officer'],
    response: officerStatsSchema,
    handler: ({ caller }) => officerStats(deps, { caller }),
  });

  officer.route({
    method: 'get',
    path: '/accidents/:id',
    tag,
    summary: 'A case of the unit with photos, parties, scenario, signatures and timeline',
    access: ['officer'],
    params: idParam,
    errors: { 404: ['NOT_FOUND'] },
    response: accidentCase,
    handler: ({ params, caller, ctx }) => viewOfficerCase(deps, { caller, id: params.id, ip: ctx.ip }),
  });

  officer.route({
    method: 'post',
    path: '/accidents/:id/decision',
    tag,
    summary: 'CONFIRM (liability required when disputed), RETURN with a reason, or TRANSFER to on-site handling',
    access: ['officer'],
    params: idParam,
    body: decisionRequest,
    errors: { 400: ['VALIDATION_FAILED'], ...caseErrors },
    response: accidentCase,
    handler: ({ params, body, caller, ctx }) => decideCase(deps, { caller, id: params.id, ...body, ip: ctx.ip }),
  });

  officer.route({
    method: 'post',
    path: '/accidents/:id/handover',
    tag,
    summary: "Hand a case under review to another unit with a reason: it moves to that unit's queue (case.pending there) and both timelines show it",
    access: ['officer'],
    params: idParam,
    body: handoverRequest,
    errors: { 400: ['VALIDATION_FAILED'], ...caseErrors },
    response: accidentCase,
    handler: ({ params, body, caller, ctx }) => handOverCase(deps, { caller, id: params.id, ...body, ip: ctx.ip }),
  });

  adminClaims.route({
    method: 'get',
    path: '/',
    tag,
    summary: 'Claims handed to insurers (filter by insurer and dates), a page; ?format=csv streams every matching claim as a spreadsheet',
    access: ['admin', 'officer'],
    query: pageQuery.extend({
      insurer: z.string().trim().max(64).optional(),
      from: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
      to: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
      format: z.enum(['json', 'csv']).default('json'),
    }),
    handler: async ({ query, caller, ctx }) => {
      const input = { ...query, caller, ip: ctx.ip };
      if (query.format === 'json') return listStaffClaims(deps, input);
      const { stream, fileName } = await exportStaffClaims(deps, input);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
      ctx.set('Cache-Control', 'private, no-store');
      return stream;
    },
  });
}
