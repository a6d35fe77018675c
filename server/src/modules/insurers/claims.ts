// The insurer console's claims: the one filter (status, hand-over days in Asia/Shanghai, a number or
// plate), the one select and the one row shape the list and the CSV export share.
import { CLAIM_STATUS_LABELS, INSURER_CLAIM_STEPS, type ClaimStatus, type InsurerClaimStep } from '@jiaoguan/contracts/labels';
import { addDays, shanghaiMidnight } from '@jiaoguan/contracts/time';
import type { Prisma } from '../../generated/prisma/client';
import { effectiveLiability } from '../accidents/views';

export interface ClaimFilter {
  status?: ClaimStatus;
  /** Shanghai days "YYYY-MM-DD", both included. */
  from?: string;
  to?: string;
  q?: string;
}

/** The claims of one insurer matching the filter. */
export function claimWhere(insurerId: number, f: ClaimFilter): Prisma.InsuranceClaimWhereInput {
  const createdAt =
    f.from || f.to
      ? { ...(f.from ? { gte: shanghaiMidnight(f.from) } : {}), ...(f.to ? { lt: shanghaiMidnight(addDays(f.to, 1)) } : {}) }
      : undefined;
  const q = f.q?.trim();
  return {
    insurerId,
    ...(f.status ? { status: f.status } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(q
      ? {
          OR: [
            { case: { caseNumber: { startsWith: q.toUpperCase() } } },
            { case: { documentNumber: { startsWith: q.toUpperCase() } } },
            { party: { plate: { startsWith: q.toUpperCase() } } },
            { policyNumber: { startsWith: q } },
          ],
        }
      : {}),
  };
}

export const claimSelect = {
  id: true,
  status: true,
  policyNumber: true,
  createdAt: true,
  updatedAt: true,
  party: { select: { role: true, driverName: true, plate: true, phone: true } },
  case: {
    select: {
      id: true,
      caseNumber: true,
      documentNumber: true,
      occurredAt: true,
      address: true,
      atFault: true,
      vehicleCount: true,
      officerLiability: true,
      unit: { select: { name: true } },
    },
  },
} as const satisfies Prisma.InsuranceClaimSelect;

type ClaimRow = Prisma.InsuranceClaimGetPayload<{ select: typeof claimSelect }>;

export function claimItem(r: ClaimRow) {
  return {
    id: r.id,
    status: r.status as ClaimStatus,
    statusLabel: CLAIM_STATUS_LABELS[r.status as ClaimStatus],
    policyNumber: r.policyNumber,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    caseId: r.case.id,
    caseNumber: r.case.caseNumber,
    documentNumber: r.case.documentNumber,
    occurredAt: r.case.occurredAt,
    address: r.case.address,
    unit: r.case.unit.name,
    role: r.party.role,
    driverName: r.party.driverName,
    plate: r.party.plate,
    phone: r.party.phone,
    liability: effectiveLiability(r.case)?.[r.party.role] ?? null,
  };
}
export type ClaimItem = ReturnType<typeof claimItem>;

/** The step after `status`, or null once settled: claims move forward one step at a time. */
export function nextStep(status: ClaimStatus): InsurerClaimStep | null {
  const order: readonly ClaimStatus[] = ['SENT', ...INSURER_CLAIM_STEPS];
  return (order[order.indexOf(status) + 1] as InsurerClaimStep | undefined) ?? null;
}
