// GET /api/insurer/claims/:id/photos/:photoId and /agreement: the evidence photos and the agreement
// PDF of a claim of the caller's company (another company's: 404). The PDF is audited as exported.
import type { AppDeps } from '../../../deps';
import { conflict, notFound } from '../../../http/errors';
import { documentTitle } from '../../accidents/document';
import { issuedDocumentBytes } from '../../accidents/use-cases/download-document';
import { maskedParty, recordPersonalDataRead } from '../../privacy/personal-data';
import type { FileStorage } from '../../uploads/storage';
import type { StaffCaller } from '../access';
import { evidenceFiles, loadInsurerClaim } from './view-claim';

export async function insurerClaimPhoto(deps: AppDeps, input: { caller: StaffCaller; id: number; photoId: number; storage: FileStorage }) {
  const { c } = await loadInsurerClaim(deps, input.caller, input.id);
  const file = evidenceFiles(c).find((f) => f.id === input.photoId);
  const row = file && (await deps.db.evidenceFile.findUnique({ where: { id: file.id }, select: { storageKey: true, mimeType: true, sha256: true } }));
  // As for the parties (accidents/use-cases/photo-file.ts): checked against the upload's SHA-256 in the object store.
  const stream = row && (await input.storage.open(row.storageKey, { sha256: row.sha256 }));
  if (!row || !stream) throw notFound('没有找到这张照片');
  return { ...row, stream };
}

export async function insurerClaimAgreement(deps: AppDeps, input: { caller: StaffCaller; id: number; storage: FileStorage; ip?: string }) {
  const { claim, c } = await loadInsurerClaim(deps, input.caller, input.id);
  // Claims come with the confirmation, which issues the document; a case without one is not confirmed.
  if (!c.documentNumber) throw conflict('INVALID_STATE', '这起事故还没有出具协议书');
  const bytes = await issuedDocumentBytes(deps, c, input.storage);
  await recordPersonalDataRead(deps.db, {
    staffId: input.caller.id,
    kind: 'exported',
    entityType: 'InsuranceClaim',
    entityId: claim.id,
    shown: ['driverName', 'licenceNumber', 'phone', 'plate', 'insurer', 'policyNumber', 'location', 'liability', 'signatures'],
    details: { caseNumber: c.caseNumber, documentNumber: c.documentNumber, format: 'pdf', parties: c.parties.map(maskedParty) },
    ip: input.ip,
  });
  return { bytes, fileName: `${c.documentNumber}.pdf`, title: documentTitle(c) };
}
