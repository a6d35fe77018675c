// Documents and insurer hand-off: downloading the PDF, checking a document for an insurer, claim exports.
import type { Caller } from '../../http/auth';
import type { AppDeps } from '../../deps';
import { notFound } from '../../http/errors';
import type { FileStorage } from '../uploads/storage';
import { loadCase, requireStatus } from './case-store';
import { documentBytes, documentTitle } from './document';
import { effectiveLiability } from './views';

/** The PDF of a confirmed case, for its parties and for officers of its unit. */
export async function agreementFor(deps: AppDeps, storage: FileStorage, caller: Caller, id: number) {
  const c = await loadCase(deps.db, id);
  const allowed =
    !!c &&
    (caller.kind === 'driver'
      ? c.parties.some((p) => p.driverId === caller.id)
      : caller.role === 'officer' && caller.unit?.id === c.unitId);
  if (!c || !allowed) throw notFound('没有找到这起事故');
  requireStatus(c, ['CONFIRMED'], '民警确认后才能下载协议书');
  const signatureIds = c.parties.map((p) => p.signatureFileId).filter((x): x is number => x !== null);
  const keys = await deps.db.evidenceFile.findMany({ where: { id: { in: signatureIds } }, select: { id: true, storageKey: true } });
  const bytes = await documentBytes(c, storage, new Map(keys.map((k) => [k.id, k.storageKey])));
  return { bytes, fileName: `${c.documentNumber}.pdf`, title: documentTitle(c) };
}

/** Public: tells an insurer whether a document number and its code are genuine, and what it says. */
export async function verifyDocument(deps: AppDeps, documentNumber: string, code: string) {
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
  if (!c || c.status !== 'CONFIRMED' || c.verificationCode !== code.trim().toUpperCase()) {
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

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Claims handed to insurers, for staff: admins see every unit, officers their own. */
export async function claimsExport(
  deps: AppDeps,
  caller: Extract<Caller, { kind: 'staff' }>,
  query: { insurer?: string; from?: Date; to?: Date; page: number; pageSize: number },
) {
  const where = {
    ...(query.insurer ? { insurer: query.insurer } : {}),
    createdAt: { gte: query.from, lt: query.to },
    ...(caller.role === 'admin' ? {} : { case: { unitId: caller.unit?.id ?? -1 } }),
  };
  const [rows, total] = await Promise.all([
    deps.db.insuranceClaim.findMany({
      where,
      orderBy: { id: 'desc' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
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
  ]);
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

export function claimsCsv(items: Awaited<ReturnType<typeof claimsExport>>['items']): string {
  const header = ['保险公司', '保单号', '事故编号', '文书编号', '校验码', '事故时间', '事故地点', '处理大队', '当事方', '姓名', '号牌', '电话', '责任', '状态'];
  const lines = items.map((i) =>
    [i.insurer, i.policyNumber, i.caseNumber, i.documentNumber, i.verificationCode, i.occurredAt, i.address, i.unit, i.role, i.driverName, i.plate, i.phone, i.liability, i.status]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\n')}\n`;
}

/** The driver's own claims across cases. */
export async function myClaims(deps: AppDeps, driverId: number) {
  const rows = await deps.db.insuranceClaim.findMany({
    where: { party: { driverId } },
    orderBy: { id: 'desc' },
    select: { id: true, insurer: true, policyNumber: true, status: true, createdAt: true, case: { select: { id: true, caseNumber: true, documentNumber: true } } },
  });
  return { items: rows, total: rows.length };
}
