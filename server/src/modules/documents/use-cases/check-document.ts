// GET /api/public/documents/:code: public (no login). Whether the code belongs to a document this
// service issued, its state, and its key facts with names and plates masked. Every ask counts
// against the client address (shared limiter, all instances), found or not, so codes cannot be
// tried in bulk; an unknown code and one that cannot be a code get the same 404 after the same
// database lookup.
import { DOCUMENT_TITLES } from '@jiaoguan/contracts/labels';
import { formatDocumentCode, normaliseDocumentCode } from '@jiaoguan/contracts/document-code';
import { DOCUMENT_STATUS_LABELS, type PublicDocumentCheck } from '@jiaoguan/contracts/schemas/documents';
import type { AppDeps } from '../../../deps';
import { AppError } from '../../../http/errors';
import { maskName, maskPlate } from '../../../lib/mask';
import { rateLimited, waitText } from '../../../lib/rate-limit';
import { effectiveLiability } from '../../accidents/views';

/** The contract's 404 (API.md: NOT_FOUND), one body for every code that is not a document's. */
export const documentNotFound = () => new AppError(404, 'NOT_FOUND', '未找到该文书，请核对校验码');

/** Takes one of the address's checks for this minute; 429 when they are spent. */
export async function countCheck(deps: AppDeps, ip: string): Promise<void> {
  const limiter = deps.limits.limiter('document-check-ip', { points: deps.config.documents.checksPerMinute, windowMs: 60_000 });
  const verdict = await limiter.consume(ip || 'unknown');
  if (!verdict.allowed) throw rateLimited(`查询过于频繁，请${waitText(verdict.retryAfterMs)}后再试`, verdict.retryAfterMs);
}

export async function checkDocument(deps: AppDeps, input: { code: string; ip: string }): Promise<PublicDocumentCheck> {
  await countCheck(deps, input.ip);
  const code = normaliseDocumentCode(input.code);
  const doc = await deps.db.issuedDocument.findUnique({
    where: { code: code ?? '' },
    select: {
      code: true,
      documentNumber: true,
      kind: true,
      status: true,
      issuedAt: true,
      endedAt: true,
      case: {
        select: {
          caseNumber: true,
          occurredAt: true,
          atFault: true,
          vehicleCount: true,
          officerLiability: true,
          unit: { select: { name: true } },
          parties: { select: { role: true, driverName: true, plate: true }, orderBy: { role: 'asc' } },
        },
      },
    },
  });
  if (!code || !doc) throw documentNotFound();
  const c = doc.case;
  const liability = effectiveLiability(c);
  return {
    genuine: true,
    status: doc.status,
    statusText: DOCUMENT_STATUS_LABELS[doc.status],
    kind: doc.kind,
    title: DOCUMENT_TITLES[doc.kind],
    code: formatDocumentCode(doc.code),
    documentNumber: doc.documentNumber,
    caseNumber: c.caseNumber,
    issuedAt: doc.issuedAt.toISOString(),
    endedAt: doc.endedAt?.toISOString() ?? null,
    occurredAt: c.occurredAt.toISOString(),
    unit: `${c.unit.name}大队`,
    parties: c.parties.map((p) => ({
      role: p.role,
      name: maskName(p.driverName),
      plate: maskPlate(p.plate),
      liability: liability?.[p.role] ?? null,
    })),
  };
}
