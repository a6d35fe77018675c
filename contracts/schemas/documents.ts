// The public check of an issued document (GET /api/public/documents/:code): anyone holding the
// paper, an insurer or a repair shop, learns whether it is genuine and what it says, masked.
import { z } from 'zod';
import { isoTime } from './common';
import { liabilityLevel, partyRole } from './accidents';

export const DOCUMENT_KINDS = ['AGREEMENT', 'OFFICER_FINDING'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['VALID', 'SUPERSEDED', 'REVOKED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
/** What the check page says of a genuine document in each state. */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  VALID: '真实有效',
  SUPERSEDED: '已被新文书取代',
  REVOKED: '已撤销',
};

export const publicDocumentCheck = z.object({
  /** Issued by this service (whatever its state now). */
  genuine: z.literal(true),
  status: z.enum(DOCUMENT_STATUSES),
  statusText: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  /** As printed: ABCD-EFGH-JK. */
  code: z.string(),
  documentNumber: z.string(),
  caseNumber: z.string(),
  issuedAt: isoTime,
  /** When it stopped being valid (superseded or revoked). */
  endedAt: isoTime.nullable(),
  occurredAt: isoTime,
  /** The traffic police unit that handled the case. */
  unit: z.string(),
  /** Names and plates masked: 张*, 鲁D·***45. */
  parties: z.array(z.object({ role: partyRole, name: z.string().nullable(), plate: z.string().nullable(), liability: liabilityLevel.nullable() })),
});
export type PublicDocumentCheck = z.infer<typeof publicDocumentCheck>;
