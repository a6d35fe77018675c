// Claims as a spreadsheet (CSV), streamed: rows are read from the database in batches by id and
// written as they come, so an export of any size holds one batch in memory, never the whole list.
import { stringify } from 'csv-stringify';
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '@jiaoguan/contracts/labels';
import { formatClock, shanghaiDay } from '@jiaoguan/contracts/time';
import { Readable, pipeline, type Transform } from 'node:stream';
import type { Db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import type { Logger } from '../../logger';
import { claimItem, claimSelect, type ClaimItem } from './claims';

/** Rows read per query. */
export const CSV_BATCH = 500;

const HEADER = ['理赔编号', '理赔状态', '保单号', '事故编号', '文书编号', '事故时间', '事故地点', '处理大队', '当事方', '姓名', '号牌', '电话', '责任', '转交时间', '更新时间'];

/** Shanghai time as a spreadsheet reads it: 2026-12-09 09:00. */
const when = (d: Date) => `${shanghaiDay(d)} ${formatClock(d)}`;

/** A leading = + - @, tab or carriage return makes a spreadsheet read the cell as a formula (OWASP CSV injection). */
export const defuse = (v: string | null | undefined) => {
  const s = v ?? '';
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

function record(i: ClaimItem & { insurer?: string }): string[] {
  return [
    String(i.id),
    CLAIM_STATUS_LABELS[i.status as ClaimStatus] ?? i.status,
    i.policyNumber,
    i.caseNumber,
    i.documentNumber,
    when(i.occurredAt),
    i.address,
    i.unit,
    `${i.role}方`,
    i.driverName,
    i.plate,
    i.phone,
    i.liability,
    when(i.createdAt),
    when(i.updatedAt),
  ].map(defuse);
}

/** Every claim matching `where`, oldest first, one batch at a time. */
export async function* claimBatches(db: Db, where: Prisma.InsuranceClaimWhereInput, batch = CSV_BATCH) {
  let after = 0;
  for (;;) {
    const rows = await db.insuranceClaim.findMany({
      where: { AND: [where, { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: batch,
      select: { ...claimSelect, insurer: true },
    });
    for (const r of rows) yield { ...claimItem(r), insurer: r.insurer };
    if (rows.length < batch) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * The CSV of every claim matching `where` as a stream (a BOM first, so Excel reads UTF-8; CRLF
 * line ends). `withInsurer` adds the company's column first (the admins' export of every insurer).
 */
export function claimsCsvStream(db: Db, log: Logger, where: Prisma.InsuranceClaimWhereInput, options: { withInsurer?: boolean; batch?: number } = {}): Transform {
  const out = stringify({ bom: true, record_delimiter: '\r\n' });
  const header = options.withInsurer ? ['保险公司', ...HEADER] : HEADER;
  async function* lines() {
    yield header;
    for await (const item of claimBatches(db, where, options.batch)) {
      const cells = record(item);
      yield options.withInsurer ? [defuse(item.insurer), ...cells] : cells;
    }
  }
  // A database error mid-way ends the response short (the client sees a broken download), logged.
  pipeline(Readable.from(lines()), out, (err) => {
    if (err && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log.error({ err }, 'claims CSV export failed');
  });
  return out;
}
