// GET /api/insurer/claims: the caller's company's claims, newest first, filtered; audited as a read
// of personal data (the insured parties' names, plates and phones).
import type { AppDeps } from '../../../deps';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import { recordPersonalDataRead } from '../../privacy/personal-data';
import { insurerOf, type StaffCaller } from '../access';
import { claimItem, claimSelect, claimWhere, type ClaimFilter } from '../claims';

export interface ListInsurerClaimsInput {
  caller: StaffCaller;
  filter: ClaimFilter;
  page: PageQuery;
  ip?: string;
}

export async function listInsurerClaims(deps: AppDeps, input: ListInsurerClaimsInput) {
  const insurer = await insurerOf(deps.db, input.caller);
  const where = claimWhere(insurer.id, input.filter);
  const page = await paginate(
    deps.db.insuranceClaim.findMany({ where, orderBy: { id: 'desc' }, ...pageArgs(input.page), select: claimSelect }),
    deps.db.insuranceClaim.count({ where }),
    claimItem,
  );
  if (page.items.length > 0) {
    await recordPersonalDataRead(deps.db, {
      staffId: input.caller.id,
      kind: 'viewed',
      entityType: 'InsuranceClaim',
      shown: ['driverName', 'plate', 'phone', 'policyNumber', 'location', 'liability'],
      details: { insurer: insurer.code, rows: page.items.length, claimIds: page.items.map((i) => i.id), filter: { ...input.filter } },
      ip: input.ip,
    });
  }
  return { ...page, insurer: { code: insurer.code, name: insurer.name, hotline: insurer.hotline } };
}
