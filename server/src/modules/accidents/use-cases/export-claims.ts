// GET /api/admin/insurance-claims: claims handed to insurers, a page as JSON, or every matching
// claim as a spreadsheet (CSV, streamed in batches: the insurers' export with the company first).
// Audited: personal_data.viewed for a page, personal_data.exported for the CSV.
import type { Readable } from 'node:stream';
import type { AppDeps } from '../../../deps';
import type { Prisma } from '../../../generated/prisma/client';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import { claimsCsvStream } from '../../insurers/claims-csv';
import type { StaffCaller } from '../callers';
import { effectiveLiability } from '../views';
import { recordPersonalDataRead } from '../../privacy/personal-data';

export interface ExportClaimsInput extends PageQuery {
  caller: StaffCaller;
  insurer?: string;
  from?: Date;
  to?: Date;
  ip?: string;
}

/** Claims handed to insurers, for staff: admins see every unit, officers their own. */
function claimsWhere(query: ExportClaimsInput): Prisma.InsuranceClaimWhereInput {
  const { caller } = query;
  return {
    // Part of the company's name as stored (a party may have typed 人保 or the full name).
    ...(query.insurer ? { insurer: { contains: query.insurer } } : {}),
    createdAt: { gte: query.from, lt: query.to },
    ...(caller.role === 'admin' ? {} : { case: { unitId: caller.unit?.id ?? -1 } }),
  };
}

async function claimsPage(deps: AppDeps, query: ExportClaimsInput) {
  const where = claimsWhere(query);
  const { items: rows, total } = await paginate(
    deps.db.insuranceClaim.findMany({
      where,
      orderBy: { id: 'desc' },
      ...pageArgs(query),
      select: {
        id: true,
        insurer: true,
        policyNumber: true,
        status: true,
        createdAt: true,
        party: { select: { role: true, driverName: true, plate: true, phone: true } },
        case: {
          select: {
            caseNumber: true,
            documentNumber: true,
            verificationCode: true,
            occurredAt: true,
            address: true,
            atFault: true,
            vehicleCount: true,
            officerLiability: true,
            unit: { select: { name: true } },
          },
        },
      },
    }),
    deps.db.insuranceClaim.count({ where }),
  );
  const items = rows.map((r) => ({
    id: r.id,
    insurer: r.insurer,
    policyNumber: r.policyNumber,
    status: r.status,
    createdAt: r.createdAt,
    caseNumber: r.case.caseNumber,
    documentNumber: r.case.documentNumber,
    verificationCode: r.case.verificationCode,
    occurredAt: r.case.occurredAt,
    address: r.case.address,
    unit: r.case.unit.name,
    role: r.party.role,
    driverName: r.party.driverName,
    plate: r.party.plate,
    phone: r.party.phone,
    liability: effectiveLiability(r.case)?.[r.party.role] ?? null,
  }));
  return { items, total };
}

type ClaimItem = Awaited<ReturnType<typeof claimsPage>>['items'][number];

const SHOWN = ['driverName', 'plate', 'phone', 'insurer', 'policyNumber', 'location', 'liability'];
const filterOf = (input: ExportClaimsInput) => ({
  insurer: input.insurer ?? null,
  from: input.from?.toISOString() ?? null,
  to: input.to?.toISOString() ?? null,
});

/** A page of claims as JSON. */
export async function listStaffClaims(deps: AppDeps, input: ExportClaimsInput): Promise<{ items: ClaimItem[]; total: number }> {
  const page = await claimsPage(deps, input);
  await recordPersonalDataRead(deps.db, {
    staffId: input.caller.id,
    kind: 'viewed',
    entityType: 'InsuranceClaim',
    shown: SHOWN,
    details: { format: 'json', rows: page.items.length, total: page.total, claimIds: page.items.map((i) => i.id), filter: { ...filterOf(input), page: input.page, pageSize: input.pageSize } },
    ip: input.ip,
  });
  return page;
}

/**
 * Every matching claim as a CSV stream. The set is fixed when the export starts (ids up to the
 * newest then), so the audit row (the filter, that id and the count) names exactly what went out.
 */
export async function exportStaffClaims(deps: AppDeps, input: ExportClaimsInput): Promise<{ stream: Readable; fileName: string }> {
  const filtered = claimsWhere(input);
  const newest = await deps.db.insuranceClaim.findFirst({ where: filtered, orderBy: { id: 'desc' }, select: { id: true } });
  const where: Prisma.InsuranceClaimWhereInput = { AND: [filtered, { id: { lte: newest?.id ?? 0 } }] };
  const rows = await deps.db.insuranceClaim.count({ where });
  await recordPersonalDataRead(deps.db, {
    staffId: input.caller.id,
    kind: 'exported',
    entityType: 'InsuranceClaim',
    shown: SHOWN,
    details: { format: 'csv', rows, upToClaimId: newest?.id ?? null, filter: filterOf(input) },
    ip: input.ip,
  });
  return { stream: claimsCsvStream(deps.db, deps.log, where, { withInsurer: true }), fileName: 'claims.csv' };
}
