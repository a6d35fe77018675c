// GET /api/accidents/:id/agreement: the PDF of a confirmed case (DOWNLOAD_DOCUMENT), for its parties
// and for officers of its unit; rendered on the first download and kept. An officer's download is
// audited (personal_data.exported: the document carries the parties' names, numbers and phones).
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { notFound } from '../../../http/errors';
import type { FileStorage } from '../../uploads/storage';
import { requireAction, roleOfParty, type CaseRole } from '../case-machine';
import { loadCase, type CaseRecord } from '../case-store';
import { documentBytes, documentTitle } from '../document';
import { documentVerifyUrl } from '../../documents/issue';
import { maskedParty, recordPersonalDataRead } from '../../privacy/personal-data';

export interface DownloadDocumentInput {
  caller: Caller;
  id: number;
  storage: FileStorage;
  ip?: string;
}

function roleIn(c: CaseRecord, caller: Caller): CaseRole | null {
  if (caller.kind === 'driver') {
    const party = c.parties.find((p) => p.driverId === caller.id);
    return party ? roleOfParty(party.role) : null;
  }
  return caller.role === 'officer' && caller.unit?.id === c.unitId ? 'officer' : null;
}

export async function downloadDocument(deps: AppDeps, input: DownloadDocumentInput) {
  const c = await loadCase(deps.db, input.id);
  const role = c && roleIn(c, input.caller);
  if (!c || !role) throw notFound('没有找到这起事故');
  requireAction('DOWNLOAD_DOCUMENT', c.status, role);
  const bytes = await issuedDocumentBytes(deps, c, input.storage);
  if (input.caller.kind === 'staff') {
    await recordPersonalDataRead(deps.db, {
      staffId: input.caller.id,
      kind: 'exported',
      entityType: 'AccidentCase',
      entityId: c.id,
      shown: ['driverName', 'licenceNumber', 'phone', 'plate', 'insurer', 'policyNumber', 'location', 'liability', 'signatures'],
      details: { caseNumber: c.caseNumber, documentNumber: c.documentNumber, format: 'pdf', parties: c.parties.map(maskedParty) },
      ip: input.ip,
    });
  }
  return { bytes, fileName: `${c.documentNumber}.pdf`, title: documentTitle(c) };
}

/**
 * The case's issued PDF, whoever asks (a party, an officer, the insurer): rendered once with the
 * parties' signatures and the QR code of its public check, then served from storage.
 */
export async function issuedDocumentBytes(deps: AppDeps, c: CaseRecord, storage: FileStorage): Promise<Buffer> {
  const signatureIds = c.parties.map((p) => p.signatureFileId).filter((x): x is number => x !== null);
  const keys = await deps.db.evidenceFile.findMany({ where: { id: { in: signatureIds } }, select: { id: true, storageKey: true } });
  const verifyUrl = c.verificationCode ? documentVerifyUrl(deps.config.documents.publicBaseUrl, c.verificationCode) : undefined;
  return documentBytes(c, storage, new Map(keys.map((k) => [k.id, k.storageKey])), { verifyUrl });
}
