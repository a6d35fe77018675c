// GET /api/admin/insurance-claims: claims handed to insurers, as JSON or a spreadsheet (CSV). Each
// page read is audited: personal_data.viewed for JSON, personal_data.exported for the CSV.
import type { AppDeps } from '../../../deps';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';
import type { StaffCaller } from '../callers';
import { effectiveLiability } from '../views';
import { recordPersonalDataRead } from '../../privacy/personal-data';

export interface ExportClaimsInput extends PageQuery {
  caller: StaffCaller;
  insurer?: string;
  from?: Date;
  to?: Date;
  format: 'json' | 'csv';
  ip?: string;
}

export const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
  // A leading = + - @, tab or carriage return makes a spreadsheet read the cell as a formula (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Claims handed to insurers, for staff: admins see every unit, officers their own. */
async function claimsPage(deps: AppDeps, query: ExportClaimsInput) {
  const { caller } = query;
  const where = {
    ...(query.insurer ? { insurer: query.insurer } : {}),
    createdAt: { gte: query.from, lt: query.to },
    ...(caller.role === 'admin' ? {} : { case: { unitId: caller.unit?.id ?? -1 } }),
  };
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

function claimsCsv(items: ClaimItem[]): string {
  const header = ['保险公司', '保单号', '事故编号', '文书编号', '校验码', '事故时间', '事故地点', '处理大队', '当事方', '姓名', '号牌', '电话', '责任', '状态'];
  const lines = items.map((i) =>
    [i.insurer, i.policyNumber, i.caseNumber, i.documentNumber, i.verificationCode, i.occurredAt, i.address, i.unit, i.role, i.driverName, i.plate, i.phone, i.liability, i.status]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\n')}\n`;
}


/** The page as JSON, or the same rows as a CSV for a spreadsheet (BOM first, so Excel reads UTF-8). */
export async function exportClaims(
  deps: AppDeps,
  input: ExportClaimsInput,
): Promise<{ format: 'json'; body: { items: ClaimItem[]; total: number } } | { format: 'csv'; body: string }> {
  const page = await claimsPage(deps, input);
  await recordPersonalDataRead(deps.db, {
    staffId: input.caller.id,
    kind: input.format === 'csv' ? 'exported' : 'viewed',
    entityType: 'InsuranceClaim',
    shown: ['driverName', 'plate', 'phone', 'insurer', 'policyNumber', 'location', 'liability'],
    details: {
      format: input.format,
      rows: page.items.length,
      total: page.total,
      claimIds: page.items.map((i) => i.id),
      filter: {
        insurer: input.insurer ?? null,
        from: input.from?.toISOString() ?? null,
        to: input.to?.toISOString() ?? null,
        page: input.page,
        pageSize: input.pageSize,
      },
    },
    ip: input.ip,
  });
  return input.format === 'json' ? { format: 'json', body: page } : { format: 'csv', body: claimsCsv(page.items) };
}
