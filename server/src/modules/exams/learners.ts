// Learner records (学员): the admin's upsert and import, and loading a learner with their booking
// history for the rules, in one query on the booking path.
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { Db } from '../../db';
import type { Caller } from '../../http/auth';
import { ruleSaysNo } from '../../http/errors';
import { issuesToDetails } from '../../http/api';
import { audit } from '../../lib/audit';
import { maskIdNumber } from '../../lib/mask';
import { idNumberField, personNameField } from '../../lib/zod-fields';
import { LICENCE_CLASSES, type BookingFact, type LearnerFacts, type Subject } from './rules';

const dateField = z.coerce.date({ error: '日期格式不正确' });

export const learnerInput = z.object({
  idNumber: idNumberField,
  name: personNameField,
  licenceClass: z.enum(LICENCE_CLASSES, { error: '准驾车型不正确' }),
  appliedAt: dateField.optional(),
  permitIssuedAt: dateField.nullable().optional(),
  passedSubjects: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])).max(4).default([]),
});
export type LearnerInput = z.output<typeof learnerInput>;

const learnerSelect = {
  id: true,
  idNumber: true,
  name: true,
  licenceClass: true,
  appliedAt: true,
  permitIssuedAt: true,
  subject1PassedAt: true,
  subject2PassedAt: true,
  subject3PassedAt: true,
  subject4PassedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

type LearnerRow = { [K in keyof typeof learnerSelect]: K extends 'id' ? number : K extends 'idNumber' | 'name' | 'licenceClass' ? string : K extends 'appliedAt' | 'createdAt' | 'updatedAt' ? Date : Date | null };

export function learnerView(l: LearnerRow) {
  return {
    id: l.id,
    idNumber: maskIdNumber(l.idNumber),
    name: l.name,
    licenceClass: l.licenceClass,
    appliedAt: l.appliedAt,
    permitIssuedAt: l.permitIssuedAt,
    passedSubjects: ([1, 2, 3, 4] as const).filter((s) => l[`subject${s}PassedAt`]),
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

/**
 * Creates or updates the learner with this ID number. A subject listed as passed keeps its pass
 * date when it already has one (else the permit date for 科目一, or now); a subject not listed
 * is cleared.
 */
export async function upsertLearner(
  deps: AppDeps,
  staffId: number,
  input: LearnerInput,
  ip?: string,
): Promise<{ created: boolean; learner: ReturnType<typeof learnerView> }> {
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.learner.findUnique({ where: { idNumber: input.idNumber }, select: learnerSelect });
    const now = new Date();
    const passed = new Set(input.passedSubjects);
    const permit = input.permitIssuedAt !== undefined ? input.permitIssuedAt : existing?.permitIssuedAt ?? null;
    const passDate = (s: Subject) => {
      if (!passed.has(s)) return null;
      const current = existing?.[`subject${s}PassedAt`];
      if (current) return current;
      return s === 1 && permit ? permit : now;
    };
    const data = {
      name: input.name,
      licenceClass: input.licenceClass,
      appliedAt: input.appliedAt ?? existing?.appliedAt ?? permit ?? now,
      permitIssuedAt: permit ?? (passed.has(1) ? passDate(1) : null),
      subject1PassedAt: passDate(1),
      subject2PassedAt: passDate(2),
      subject3PassedAt: passDate(3),
      subject4PassedAt: passDate(4),
    };
    const learner = existing
      ? await tx.learner.update({ where: { id: existing.id }, data, select: learnerSelect })
      : await tx.learner.create({ data: { idNumber: input.idNumber, ...data }, select: learnerSelect });
    await audit(tx, {
      actor: { type: 'STAFF', id: staffId },
      action: existing ? 'exam.learner_updated' : 'exam.learner_created',
      entityType: 'Learner',
      entityId: learner.id,
      details: { idNumber: maskIdNumber(input.idNumber), passedSubjects: input.passedSubjects },
      ip,
    });
    return { created: !existing, learner: learnerView(learner as LearnerRow) };
  });
}

/** Rows of a learner import: a JSON array, or CSV text whose header names the fields. */
export function learnerImportRows(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  const csv = (input as { csv?: unknown })?.csv;
  if (typeof csv !== 'string') return [];
  const records = parseCsv(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  return records.map((r) => ({
    ...r,
    permitIssuedAt: r.permitIssuedAt ? r.permitIssuedAt : null,
    appliedAt: r.appliedAt || undefined,
    passedSubjects: (r.passedSubjects ?? '')
      .split(/[;,\s|]+/)
      .filter(Boolean)
      .map(Number),
  }));
}

export async function importLearners(deps: AppDeps, staffId: number, rows: unknown[], ip?: string) {
  let created = 0;
  let updated = 0;
  const rejected: { line: number; reason: string }[] = [];
  for (const [i, row] of rows.entries()) {
    const line = i + 1;
    const parsed = learnerInput.safeParse(row);
    if (!parsed.success) {
      rejected.push({ line, reason: issuesToDetails(parsed.error).map((d) => `${d.path}: ${d.message}`).join('; ') });
      continue;
    }
    const result = await upsertLearner(deps, staffId, parsed.data, ip);
    if (result.created) created++;
    else updated++;
  }
  return { created, updated, rejected };
}

export async function listLearners(deps: AppDeps, q: { search?: string; page: number; pageSize: number }) {
  const where = q.search
    ? { OR: [{ name: { contains: q.search } }, { idNumber: { startsWith: q.search.toUpperCase() } }] }
    : {};
  const [rows, total] = await Promise.all([
    deps.db.learner.findMany({ where, select: learnerSelect, orderBy: { id: 'desc' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    deps.db.learner.count({ where }),
  ]);
  return { items: rows.map((l) => learnerView(l as LearnerRow)), total };
}

export interface LearnerContext {
  id: number;
  name: string;
  facts: LearnerFacts;
  history: BookingFact[];
}

interface ContextRow {
  id: number;
  name: string;
  licenceClass: string;
  appliedAt: Date;
  permitIssuedAt: Date | null;
  s1: Date | null;
  s2: Date | null;
  s3: Date | null;
  s4: Date | null;
  bookingId: number | null;
  sessionId: number | null;
  subject: number | null;
  status: BookingFact['status'] | null;
  result: BookingFact['result'];
  priority: number | boolean | null;
  startsAt: Date | null;
  cancelledAt: Date | null;
  decidedAt: Date | null;
}

/** The learner behind an ID number with every booking they made, in one round trip (on the booking rush path). */
export async function loadLearnerByIdNumber(db: Db, idNumber: string): Promise<LearnerContext | null> {
  const rows: ContextRow[] = await db.sql.query(
    `SELECT l.id, l.name, l.licenceClass, l.appliedAt, l.permitIssuedAt,
           l.subject1PassedAt AS s1, l.subject2PassedAt AS s2, l.subject3PassedAt AS s3, l.subject4PassedAt AS s4,
           b.id AS bookingId, b.sessionId, b.subject, b.status, b.result, b.priority, s.startsAt, b.cancelledAt, b.decidedAt
      FROM Learner l
      LEFT JOIN ExamBooking b ON b.learnerId = l.id
      LEFT JOIN ExamSession s ON s.id = b.sessionId
     WHERE l.idNumber = ?`,
    [idNumber],
  );
  if (rows.length === 0) return null;
  const l = rows[0];
  const d = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    id: Number(l.id),
    name: l.name,
    facts: {
      licenceClass: l.licenceClass,
      appliedAt: d(l.appliedAt)!,
      permitIssuedAt: d(l.permitIssuedAt),
      passedAt: { 1: d(l.s1), 2: d(l.s2), 3: d(l.s3), 4: d(l.s4) },
    },
    history: rows
      .filter((r) => r.bookingId !== null)
      .map((r) => ({
        id: Number(r.bookingId),
        sessionId: Number(r.sessionId),
        subject: Number(r.subject),
        status: r.status!,
        result: r.result ?? null,
        priority: r.priority === true || Number(r.priority) === 1,
        startsAt: d(r.startsAt)!,
        cancelledAt: d(r.cancelledAt),
        decidedAt: d(r.decidedAt),
      })),
  };
}

/** The caller's learner record, or a clear refusal when they have none. */
export async function requireLearner(db: Db, caller: Extract<Caller, { kind: 'driver' }>): Promise<LearnerContext> {
  if (!caller.idNumber) {
    throw ruleSaysNo('NOT_ELIGIBLE', 'IDENTITY_NOT_BOUND', '请先在“业务查询”中绑定身份证号码，再预约考试');
  }
  const learner = await loadLearnerByIdNumber(db, caller.idNumber);
  if (!learner) {
    throw ruleSaysNo('NOT_ELIGIBLE', 'NOT_A_LEARNER', '没有找到您的驾驶人考试报名信息，请先到驾校或车管所报名');
  }
  return learner;
}
