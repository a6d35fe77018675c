// GET /api/me/insurance-claims: the driver's own claims across cases.
import type { AppDeps } from '../../../deps';
import type { DriverCaller } from '../callers';

export interface ListMyClaimsInput {
  caller: DriverCaller;
}

/** The driver's own claims across cases. */
export async function listMyClaims(deps: AppDeps, input: ListMyClaimsInput) {
  const driverId = input.caller.id;
  const rows = await deps.db.insuranceClaim.findMany({
    where: { party: { driverId } },
    orderBy: { id: 'desc' },
    select: { id: true, insurer: true, policyNumber: true, status: true, createdAt: true, case: { select: { id: true, caseNumber: true, documentNumber: true } } },
  });
  return { items: rows, total: rows.length };
}
