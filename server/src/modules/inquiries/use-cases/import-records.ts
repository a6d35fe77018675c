// An admin imports licences, vehicles or violations: a CSV file or a JSON array, streamed, each row
// validated, rows upserted batch by batch on their natural key.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { badRequest } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { IMPORT_FIELDS, validateRow, type ImportKind, type RowOf } from '../import-rows';
import { importFieldLabel } from '@jiaoguan/contracts/labels';
import { IMPORT_BATCH_ROWS, WRITERS, openSql, type Entry, type Writer } from '../import-sql';
import { tellImportedViolations } from '../proactive-notices';
import { csvRecords, jsonArrayRecords, limitBytes, type RawRecord } from '../import-stream';

export interface ImportOutcome {
  created: number;
  updated: number;
  /** The first rejected rows (at most MAX_LISTED_REJECTIONS), in file order. */
  rejected: { line: number; reason: string }[];
  /** Every rejected row, also those past the listed ones. */
  rejectedCount: number;
}

export const MAX_LISTED_REJECTIONS = 1000;

function checkHeader(kind: ImportKind, names: string[]): void {
  const { required, optional } = IMPORT_FIELDS[kind];
  const known = new Set([...required, ...optional]);
  const missing = required.filter((f) => !names.includes(f));
  const unknown = names.filter((n) => !known.has(n));
  if (missing.length || unknown.length) {
    const parts = [missing.length ? `缺少列：${missing.map(importFieldLabel).join('、')}` : '', unknown.length ? `不认识的列：${unknown.join('、')}` : ''];
    throw badRequest(
      [{ path: 'header', message: parts.filter(Boolean).join('；'), missing, unknown }],
      `CSV 表头不正确。${parts.filter(Boolean).join('；')}`,
    );
  }
}

export type ImportFormat = 'csv' | 'json';

export interface ImportRecordsInput {
  caller: Extract<Caller, { kind: 'staff' }>;
  kind: ImportKind;
  format: ImportFormat;
  body: AsyncIterable<Buffer>;
  ip?: string;
}

/**
 * Imports a file read from `body`. Rows are written batch by batch as they are read, so memory stays
 * bounded whatever the file's size; each batch is one idempotent upsert, so importing the same file
 * again updates and never duplicates.
 */
export async function importRecords(deps: Pick<AppDeps, 'db' | 'config' | 'log'>, input: ImportRecordsInput): Promise<ImportOutcome> {
  const { kind } = input;
  // Violations first recorded by this import are those created from now on (a second earlier, for clocks).
  const startedAt = new Date(Date.now() - 1000);
  const outcome: ImportOutcome = { created: 0, updated: 0, rejected: [], rejectedCount: 0 };
  const reject = (line: number, reason: string) => {
    outcome.rejectedCount += 1;
    if (outcome.rejected.length < MAX_LISTED_REJECTIONS) outcome.rejected.push({ line, reason });
  };
  const writer = WRITERS[kind] as Writer<RowOf<ImportKind>>;
  const source = limitBytes(input.body, deps.config.inquiries.importMaxBytes);
  const records: AsyncIterable<RawRecord[]> =
    input.format === 'csv' ? csvRecords(source, (names) => checkHeader(kind, names)) : jsonArrayRecords(source);

  const sql = await openSql(deps.config.databaseUrl);
  let batch: Entry<RowOf<ImportKind>>[] = [];
  // One batch is written while the next is read and validated; never more than one write in flight,
  // so batches reach the database in file order and memory holds at most two of them.
  let inFlight: Promise<void> = Promise.resolve();
  const write = async (current: Entry<RowOf<ImportKind>>[]) => {
    let refused = 0;
    const { created } = await writer(sql, current, (line, reason) => {
      refused += 1;
      reject(line, reason);
    });
    outcome.created += created;
    outcome.updated += current.length - refused - created;
  };
  const flush = async () => {
    await inFlight;
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    inFlight = write(current);
    // A failed write must surface even if no further batch awaits it.
    inFlight.catch(() => undefined);
  };
  try {
    for await (const chunk of records) {
      for (const { line, record } of chunk) {
        const result =
          record && typeof record === 'object' && !Array.isArray(record) ? validateRow(kind, record) : { reason: '记录应为对象' };
        if ('reason' in result) reject(line, result.reason);
        else {
          batch.push({ line, row: result.row });
          if (batch.length >= IMPORT_BATCH_ROWS) await flush();
        }
      }
    }
    await flush();
    await inFlight;
  } finally {
    await inFlight.catch(() => undefined);
    await sql.close();
  }
  outcome.rejected.sort((a, b) => a.line - b.line);
  await audit(deps.db, {
    actor: { type: 'STAFF', id: input.caller.id },
    action: `import.${kind}`,
    entityType: 'Import',
    details: { created: outcome.created, updated: outcome.updated, rejected: outcome.rejectedCount },
    ip: input.ip,
  });
  // The drivers concerned are told of the new violations at once (the law asks within 5 days).
  if (kind === 'violations' && outcome.created > 0) await tellImportedViolations(deps, startedAt);
  return outcome;
}
