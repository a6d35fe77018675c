// GET /api/agreements/verify: public; tells an insurer whether a document number and its code are genuine.
import type { AppDeps } from '../../../deps';
import { allowedFrom } from '../case-machine';
import { documentTitle } from '../document';
import { effectiveLiability } from '../views';

export interface VerifyDocumentInput {
  number: string;
  code: string;
}

/** Public: tells an insurer whether a document number and its code are genuine, and what it says. */
export async function verifyDocument(deps: AppDeps, input: VerifyDocumentInput) {
  const documentNumber = input.number;
  const c = await deps.db.accidentCase.findUnique({
    where: { documentNumber },
    select: {
      caseNumber: true,
      status: true,
      verificationCode: true,
      occurredAt: true,
      address: true,
      decidedAt: true,
      atFault: true,
      vehicleCount: true,
      officerLiability: true,
      unit: { select: { name: true } },
      parties: { select: { role: true, plate: true, insurer: true }, orderBy: { role: 'asc' } },
    },
  });
  if (!c || !allowedFrom('DOWNLOAD_DOCUMENT', c.status) || c.verificationCode !== input.code.trim().toUpperCase()) {
    return { genuine: false as const };
  }
  const liability = effectiveLiability(c);
  return {
    genuine: true as const,
    documentNumber,
    title: documentTitle(c),
    caseNumber: c.caseNumber,
    occurredAt: c.occurredAt,
    address: c.address,
    confirmedAt: c.decidedAt,
    unit: c.unit.name,
    parties: c.parties.map((p) => ({ role: p.role, plate: p.plate, insurer: p.insurer, liability: liability?.[p.role] ?? null })),
  };
}

