// Issuing a document: a new random verification code (never derived from the case), recorded in
// IssuedDocument with the case's document number; any document the case issued before is then
// superseded. The case's `verificationCode` repeats the current code for its views and the PDF.
import { randomInt } from 'node:crypto';
import { DOCUMENT_CODE_ALPHABET, DOCUMENT_CODE_LENGTH } from '@jiaoguan/contracts/document-code';
import { documentVerifyLink } from '@jiaoguan/contracts/pages';
import type { DocumentKind } from '@jiaoguan/contracts/schemas/documents';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** 10 characters drawn uniformly (crypto.randomInt) from the 32-letter alphabet: 50 bits. */
export function newDocumentCode(length = DOCUMENT_CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) code += DOCUMENT_CODE_ALPHABET[randomInt(0, DOCUMENT_CODE_ALPHABET.length)];
  return code;
}

export interface IssueInput {
  caseId: number;
  documentNumber: string;
  kind: DocumentKind;
  issuedAt?: Date;
  /** Why the case's earlier documents stop being valid, when it had any. */
  supersedeReason?: string;
}

/** Records the new document inside the caller's transaction; returns its code. */
export async function issueDocument(tx: Tx, input: IssueInput): Promise<string> {
  const issuedAt = input.issuedAt ?? new Date();
  // A clash in 2^50 is not expected; the unique key would refuse one anyway.
  let code = newDocumentCode();
  for (let i = 0; i < 5 && (await tx.issuedDocument.findUnique({ where: { code }, select: { id: true } })); i++) code = newDocumentCode();
  await tx.issuedDocument.updateMany({
    where: { caseId: input.caseId, status: 'VALID' },
    data: { status: 'SUPERSEDED', endedAt: issuedAt, endReason: input.supersedeReason ?? '已重新出具' },
  });
  await tx.issuedDocument.create({
    data: { code, caseId: input.caseId, documentNumber: input.documentNumber, kind: input.kind, issuedAt },
    select: { id: true },
  });
  return code;
}

/** The h5 page that checks the document, as its QR code carries it: `<base>/#/pages/verify/index?code=…`. */
export function documentVerifyUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/#${documentVerifyLink(code)}`;
}
