// The officer's side: the unit's review queue, the case, and the decision (confirm, return, transfer).
import { randomInt } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client';
import type { AccidentStatus } from '../../generated/prisma/enums';
import type { AppDeps } from '../../deps';
import { badRequest, notFound } from '../../http/errors';
import { audit } from '../../lib/audit';
import { shanghaiDay, shanghaiMidnight } from '@jiaoguan/contracts/time';
import { notify } from '../notifications/notify';
import type { FileStorage } from '../uploads/storage';
import { readCase } from './case-read';
import { lockCase, requireStatus, transition, type FullCase } from './case-store';
import { liabilityConsistent, type Liability } from './liability';
import { caseView } from './views';

type OfficerCaller = { kind: 'staff'; id: number; unit: { id: number } | null };

export type Decision = 'CONFIRM' | 'RETURN' | 'TRANSFER';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function verificationCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(0, CODE_ALPHABET.length)];
  return code;
}

function unitOf(caller: OfficerCaller): number {
  if (!caller.unit) throw notFound('没有找到这起事故');
  return caller.unit.id;
}

function inUnit(c: FullCase | null, caller: OfficerCaller): FullCase {
  if (!c || c.unitId !== unitOf(caller)) throw notFound('没有找到这起事故');
  return c;
}

export async function officerQueue(
  deps: AppDeps,
  caller: OfficerCaller,
  query: { status: AccidentStatus; disputed?: boolean; page: number; pageSize: number },
) {
  const unitId = unitOf(caller);
  const disputed = query.disputed === undefined ? Prisma.empty : Prisma.sql`AND c.disputed = ${query.disputed}`;
  // The review queue is oldest first; history (any other status) newest first. Both walk the
  // (unitId, status, updatedAt) index; the plates come from a subquery per listed row only.
  const order = query.status === 'PENDING_REVIEW' ? Prisma.sql`c.updatedAt ASC, c.id ASC` : Prisma.sql`c.updatedAt DESC, c.id DESC`;
  const [rows, counted] = await Promise.all([
    deps.db.$queryRaw<QueueRow[]>`
      SELECT c.id, c.caseNumber, c.status, c.occurredAt, c.address, c.vehicleCount, c.disputed, c.scenario,
             c.updatedAt, c.decidedAt,
             (SELECT GROUP_CONCAT(p.plate ORDER BY p.role SEPARATOR ',') FROM AccidentParty p WHERE p.caseId = c.id) AS plates
        FROM AccidentCase c
       WHERE c.unitId = ${unitId} AND c.status = ${query.status} ${disputed}
       ORDER BY ${order}
       LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    deps.db.$queryRaw<{ total: bigint | number }[]>`
      SELECT COUNT(*) AS total FROM AccidentCase c WHERE c.unitId = ${unitId} AND c.status = ${query.status} ${disputed}`,
  ]);
  const now = Date.now();
  return {
    items: rows.map((r) => {
      const updatedAt = r.updatedAt instanceof Date ? r.updatedAt : new Date(r.updatedAt);
      return {
        id: Number(r.id),
        caseNumber: r.caseNumber,
        status: r.status,
        occurredAt: r.occurredAt,
        address: r.address,
        vehicleCount: Number(r.vehicleCount),
        disputed: r.disputed === true || Number(r.disputed) === 1,
        scenario: r.scenario,
        plates: r.plates ? r.plates.split(',') : [],
        submittedAt: updatedAt,
        decidedAt: r.decidedAt,
        waitingMinutes: r.status === 'PENDING_REVIEW' ? Math.max(0, Math.floor((now - updatedAt.getTime()) / 60_000)) : null,
      };
    }),
    total: Number(counted[0]?.total ?? 0),
  };
}

interface QueueRow {
  id: number;
  caseNumber: string;
  status: AccidentStatus;
  occurredAt: Date;
  address: string;
  vehicleCount: number;
  disputed: boolean | number;
  scenario: string | null;
  updatedAt: Date | string;
  decidedAt: Date | null;
  plates: string | null;
}

/** The decision each deciding event records. */
const DECISION_OF_EVENT: Record<string, Decision> = { CONFIRMED: 'CONFIRM', RETURNED: 'RETURN', TRANSFERRED: 'TRANSFER' };

/**
 * The officer's day: the cases of their unit they decided since Shanghai midnight, by decision
 * (a case counts once per decision, from its events), and what waits in the unit's review queue.
 */
export async function officerStats(deps: AppDeps, caller: OfficerCaller, now = new Date()) {
  const unitId = unitOf(caller);
  const day = shanghaiDay(now);
  const from = shanghaiMidnight(day);
  const [decided, waiting] = await Promise.all([
    // Cases updated since midnight narrow the events to read (a decision updates its case).
    deps.db.$queryRaw<{ type: string; cases: bigint | number }[]>`
      SELECT e.type, COUNT(DISTINCT e.caseId) AS cases
        FROM AccidentCase c
        JOIN CaseEvent e ON e.caseId = c.id
       WHERE c.unitId = ${unitId} AND c.updatedAt >= ${from}
         AND e.actorType = 'STAFF' AND e.actorId = ${caller.id} AND e.at >= ${from}
         AND e.type IN (${Prisma.join(Object.keys(DECISION_OF_EVENT))})
       GROUP BY e.type`,
    deps.db.$queryRaw<{ total: bigint | number; disputed: bigint | number | null }[]>`
      SELECT COUNT(*) AS total, SUM(c.disputed) AS disputed
        FROM AccidentCase c
       WHERE c.unitId = ${unitId} AND c.status = 'PENDING_REVIEW'`,
  ]);
  const counts: Record<Decision, number> = { CONFIRM: 0, RETURN: 0, TRANSFER: 0 };
  for (const row of decided) counts[DECISION_OF_EVENT[row.type]] = Number(row.cases);
  return {
    day,
    decided: { ...counts, total: counts.CONFIRM + counts.RETURN + counts.TRANSFER },
    waiting: { total: Number(waiting[0]?.total ?? 0), disputed: Number(waiting[0]?.disputed ?? 0) },
  };
}

export async function officerCase(deps: AppDeps, caller: OfficerCaller, id: number) {
  return caseView(inUnit(await readCase(deps.db, id), caller), { kind: 'officer' });
}

export async function fileForOfficer(deps: AppDeps, storage: FileStorage, caller: OfficerCaller, caseId: number, fileId: number) {
  const file = await deps.db.evidenceFile.findFirst({
    where: { id: fileId, caseId, case: { unitId: unitOf(caller) } },
    select: { storageKey: true, mimeType: true, sha256: true },
  });
  const bytes = file && (await storage.get(file.storageKey));
  if (!file || !bytes) throw notFound('没有找到这张照片');
  return { ...file, bytes };
}

export interface DecisionInput {
  decision: Decision;
  note?: string;
  liability?: Liability;
}

export async function decide(deps: AppDeps, caller: OfficerCaller, id: number, input: DecisionInput, ip?: string) {
  await deps.db.$transaction(async (tx) => {
    const c = inUnit(await lockCase(tx, id), caller);
    requireStatus(c, ['PENDING_REVIEW']);
    const actor = { type: 'STAFF' as const, id: caller.id };
    const now = new Date();
    const ref = { caseId: c.id, caseNumber: c.caseNumber };
    const decided = { decidedById: caller.id, decidedAt: now, decisionNote: input.note ?? null };
    if (input.decision === 'CONFIRM') {
      if (c.disputed && !input.liability) {
        throw badRequest([{ path: 'liability', message: 'required for a disputed case', in: 'body' }], '双方有争议，请为每一方确定责任');
      }
      if (input.liability && !liabilityConsistent(input.liability, c.vehicleCount)) {
        throw badRequest([{ path: 'liability', message: 'levels do not fit together', in: 'body' }], '双方责任不匹配（全部对无、主要对次要、同等对同等）');
      }
      const byOfficer = !!input.liability;
      await transition(tx, c, 'CONFIRMED', 'CONFIRMED', actor, {
        ...decided,
        officerLiability: input.liability ?? undefined,
        documentNumber: `${byOfficer ? 'RD' : 'XY'}${c.caseNumber.slice(2)}`,
        verificationCode: verificationCode(),
      }, { liability: input.liability ?? null });
      for (const p of c.parties) {
        if (p.insurer) {
          await tx.insuranceClaim.create({
            data: { caseId: c.id, partyId: p.id, insurer: p.insurer, policyNumber: p.policyNumber },
            select: { id: true },
          });
        }
      }
      for (const p of c.parties) {
        await notify(tx, { driverId: p.driverId, event: 'accident.confirmed', data: ref, dedupeKey: `accident:${c.id}:confirmed:${p.role}` });
      }
    } else if (input.decision === 'RETURN') {
      const reason = input.note?.trim();
      if (!reason) throw badRequest([{ path: 'note', message: 'required when returning', in: 'body' }], '请填写退回的原因');
      await transition(tx, c, 'RETURNED', 'RETURNED', actor, {
        ...decided,
        expiresAt: new Date(now.getTime() + deps.config.accidents.returnedMs),
      }, { reason });
      await tx.accidentParty.updateMany({ where: { caseId: c.id }, data: { agreed: null, answeredAt: null, signatureFileId: null } });
      for (const p of c.parties) {
        await notify(tx, {
          driverId: p.driverId,
          event: 'accident.returned',
          data: { ...ref, reason },
          dedupeKey: `accident:${c.id}:returned:${c.version}:${p.role}`,
        });
      }
    } else {
      await transition(tx, c, 'TRANSFERRED', 'TRANSFERRED', actor, decided, { note: input.note ?? null });
      for (const p of c.parties) {
        await notify(tx, {
          driverId: p.driverId,
          event: 'accident.transferred',
          data: { ...ref, note: input.note },
          dedupeKey: `accident:${c.id}:transferred:${p.role}`,
        });
      }
    }
    await audit(tx, {
      actor,
      action: 'accident.decision',
      entityType: 'AccidentCase',
      entityId: c.id,
      details: { decision: input.decision, note: input.note ?? null, liability: input.liability ?? null, from: c.status },
      ip,
    });
  });
  return officerCase(deps, caller, id);
}
