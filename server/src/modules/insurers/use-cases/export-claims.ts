// GET /api/insurer/claims/export: every claim of the caller's company matching the filter (days of
// hand-over, status) as a CSV streamed in batches, whatever their number. Audited as an export of
// personal data before the first row goes out, with the count it will carry.
import type { AppDeps } from '../../../deps';
import { recordPersonalDataRead } from '../../privacy/personal-data';
import { insurerOf, type StaffCaller } from '../access';
import { claimWhere, type ClaimFilter } from '../claims';
import { claimsCsvStream } from '../claims-csv';

export interface ExportInsurerClaimsInput {
  caller: StaffCaller;
  filter: ClaimFilter;
  ip?: string;
}

export async function exportInsurerClaims(deps: AppDeps, input: ExportInsurerClaimsInput) {
  const insurer = await insurerOf(deps.db, input.caller);
  const where = claimWhere(insurer.id, input.filter);
  const rows = await deps.db.insuranceClaim.count({ where });
  await recordPersonalDataRead(deps.db, {
    staffId: input.caller.id,
    kind: 'exported',
    entityType: 'InsuranceClaim',
    shown: ['driverName', 'plate', 'phone', 'policyNumber', 'location', 'liability'],
    details: { insurer: insurer.code, format: 'csv', rows, filter: { ...input.filter } },
    ip: input.ip,
  });
  const range = [input.filter.from, input.filter.to].filter(Boolean).join('_') || 'all';
  return { stream: claimsCsvStream(deps.db, deps.log, where), fileName: `claims-${insurer.code}-${range}.csv` };
}
