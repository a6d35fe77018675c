// The parties' side of a case: report, join, details, photos, liability, answers, cancellation.
import { compactDay } from '@jiaoguan/contracts/time';
import { randomInt, randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client';
import type { AccidentStatus, EvidenceSlot, FaultSide } from '../../generated/prisma/enums';
import type { AppDeps } from '../../deps';
import { AppError, badRequest, conflict, forbidden, notFound, ruleSaysNo } from '../../http/errors';
import { audit } from '../../lib/audit';
import { isUniqueViolation } from '../../lib/db-errors';
import { requireAcceptableText, type TextVerdict } from '../../lib/text-check';
import { clearFailures, recentFailures, recordFailure } from '../auth/throttle';
import { notify } from '../notifications/notify';
import { EXTENSIONS, inspectImage } from '../uploads/image';
import type { FileStorage } from '../uploads/storage';
import {
  addEvent,
  caseInclude,
  lockCase,
  loadCase,
  partyOf,
  requireStatus,
  touch,
  transition,
  type Actor,
  type FullCase,
  type Tx,
} from './case-store';
import { readCase } from './case-read';
import { INELIGIBLE_TEXT, ineligibleReasons, unitCodeForPlace, withinServiceHours, type Eligibility } from './eligibility';
import type { PartyDetails } from './formats';
import { faultProblem, findScenario } from './liability';
import { caseView, partyComplete, REQUIRED_SLOTS } from './views';

type DriverCaller = { kind: 'driver'; id: number };

/** States in which the parties may still change the case. */
const EDITABLE: readonly AccidentStatus[] = ['WAITING_FOR_PARTY', 'NEGOTIATING', 'RETURNED'];
const ANSWERABLE: readonly AccidentStatus[] = ['NEGOTIATING', 'RETURNED'];
const OPEN: readonly AccidentStatus[] = ['DRAFT', 'WAITING_FOR_PARTY', 'NEGOTIATING', 'RETURNED', 'PENDING_REVIEW'];
const MAX_FILES_PER_CASE = 40;

const driverActor = (caller: DriverCaller): Actor => ({ type: 'DRIVER', id: caller.id });
const caseRef = (c: Pick<FullCase, 'id' | 'caseNumber'>) => ({ caseId: c.id, caseNumber: c.caseNumber });

const sixDigits = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export interface CreateCaseInput {
  occurredAt: Date;
  location: { latitude?: number; longitude?: number; address: string };
  unit?: string;
  weather?: string;
  vehicleCount: 1 | 2;
  eligibility: Eligibility;
}

function notEligible(reasons: (keyof typeof INELIGIBLE_TEXT)[]): AppError {
  return ruleSaysNo('NOT_ELIGIBLE', reasons[0], `${INELIGIBLE_TEXT[reasons[0]]}。`, {
    reasons,
    call: '122',
    advice: reasons.map((r) => INELIGIBLE_TEXT[r]),
  });
}

/** Checks the questionnaire and the unit's rules; nothing is stored when the answer is no. */
export async function checkEligibility(deps: AppDeps, input: Pick<CreateCaseInput, 'location' | 'unit' | 'eligibility'>) {
  const reasons = ineligibleReasons(input.eligibility);
  if (reasons.length) throw notEligible(reasons);
  const { latitude, longitude } = input.location;
  const located = latitude !== undefined && longitude !== undefined;
  if (!input.unit && !located) {
    throw badRequest([{ path: 'unit', message: 'required without coordinates', in: 'body' }], '没有定位时请选择事故所在的大队');
  }
  const code = input.unit ?? unitCodeForPlace(latitude!, longitude!, input.eligibility.onExpressway);
  const unit = await deps.db.unit.findUnique({ where: { code }, select: { id: true, code: true, name: true, serviceHours: true, expresswayQuick: true } });
  if (!unit) throw badRequest([{ path: 'unit', message: 'unknown unit', in: 'body' }], '没有这个大队');
  if ((input.eligibility.onExpressway || unit.code === 'expressway') && !unit.expresswayQuick) throw notEligible(['EXPRESSWAY']);
  if (!withinServiceHours(unit.serviceHours, new Date())) throw notEligible(['OUTSIDE_SERVICE_HOURS']);
  return unit;
}

/**
 * What the officer should know of the content check in an event's details: nothing when WeChat
 * passed the text; 'review' (or 'unchecked' when WeChat did not answer) otherwise. At the roadside
 * such text does not stop the driver; the officer sees the mark on the event.
 */
const textCheckDetails = (verdict: Exclude<TextVerdict, 'risky'>) => (verdict === 'pass' ? {} : { textCheck: verdict });

export async function createCase(deps: AppDeps, caller: DriverCaller, input: CreateCaseInput, ip?: string) {
  const unit = await checkEligibility(deps, input);
  // The place is read by the other party and the officer: risky text is refused before anything is stored.
  const textCheck = await requireAcceptableText(deps, caller.id, [input.location.address, input.weather]);
  const cfg = deps.config.accidents;
  for (let attempt = 0; ; attempt++) {
    try {
      const id = await deps.db.$transaction(async (tx) => {
        // One report at a time per driver, so a double-tapped submit finds the first one.
        await tx.$queryRaw`SELECT id FROM Driver WHERE id = ${caller.id} FOR UPDATE`;
        const duplicate = await tx.accidentCase.findFirst({
          where: {
            reporterId: caller.id,
            occurredAt: input.occurredAt,
            address: input.location.address,
            vehicleCount: input.vehicleCount,
            status: { in: [...OPEN] },
            createdAt: { gte: new Date(Date.now() - 10 * 60_000) },
          },
          select: { id: true },
        });
        if (duplicate) return duplicate.id;
        const now = new Date();
        const two = input.vehicleCount === 2;
        const initial: AccidentStatus = two ? 'WAITING_FOR_PARTY' : 'NEGOTIATING';
        const created = await tx.accidentCase.create({
          data: {
            caseNumber: `SG${compactDay(now)}${sixDigits()}`,
            status: initial,
            unitId: unit.id,
            reporterId: caller.id,
            occurredAt: input.occurredAt,
            latitude: input.location.latitude ?? null,
            longitude: input.location.longitude ?? null,
            address: input.location.address,
            weather: input.weather,
            vehicleCount: input.vehicleCount,
            inviteCode: two ? sixDigits() : null,
            inviteExpiresAt: two ? new Date(now.getTime() + cfg.inviteMs) : null,
            expiresAt: new Date(now.getTime() + (two ? cfg.inviteMs : cfg.negotiatingMs)),
            version: 1,
            parties: { create: { role: 'A', driverId: caller.id } },
          },
          select: { id: true },
        });
        const actor = driverActor(caller);
        await addEvent(tx, created.id, 'CREATED', actor, {
          from: null,
          to: 'DRAFT',
          details: { eligibility: input.eligibility, ...textCheckDetails(textCheck) },
        });
        await addEvent(tx, created.id, two ? 'INVITE_OPENED' : 'NEGOTIATION_STARTED', actor, { from: 'DRAFT', to: initial });
        await audit(tx, { actor, action: 'accident.created', entityType: 'AccidentCase', entityId: created.id, ip });
        return created.id;
      });
      return caseView((await loadCase(deps.db, id))!, { kind: 'party', driverId: caller.id });
    } catch (err) {
      // A random case number or invite code that is already taken: draw again.
      if (isUniqueViolation(err) && attempt < 4) continue;
      throw err;
    }
  }
}

export async function listCases(deps: AppDeps, caller: DriverCaller, page: number, pageSize: number) {
  const where = { parties: { some: { driverId: caller.id } } } satisfies Prisma.AccidentCaseWhereInput;
  const [rows, total] = await Promise.all([
    deps.db.accidentCase.findMany({ where, include: caseInclude, orderBy: { id: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
    deps.db.accidentCase.count({ where }),
  ]);
  return { items: rows.map((c) => caseView(c, { kind: 'party', driverId: caller.id })), total };
}

export async function getCase(deps: AppDeps, caller: DriverCaller, id: number) {
  const c = await readCase(deps.db, id);
  partyOf(c, caller.id);
  return caseView(c!, { kind: 'party', driverId: caller.id });
}

/** Runs a party's action on a locked case and answers with the case as it then stands. */
async function asParty(
  deps: AppDeps,
  caller: DriverCaller,
  id: number,
  action: (tx: Tx, c: FullCase, me: FullCase['parties'][number]) => Promise<void>,
) {
  await deps.db.$transaction(async (tx) => {
    const c = await lockCase(tx, id);
    const me = partyOf(c, caller.id);
    await action(tx, c!, me);
  });
  return getCase(deps, caller, id);
}

export async function joinCase(deps: AppDeps, caller: DriverCaller, code: string, ip = 'unknown') {
  const { maxFailures, windowMs } = deps.config.accidents.inviteThrottle;
  const keys = [`driver:${caller.id}`, `ip:${ip}`];
  const [byDriver, byIp] = await Promise.all(keys.map((k) => recentFailures(deps.db, 'INVITE_CODE', k, windowMs)));
  if (byDriver >= maxFailures || byIp >= maxFailures * 4) {
    throw new AppError(429, 'RATE_LIMITED', `邀请码输错次数太多，请${Math.round(windowMs / 60000)}分钟后再试`);
  }
  const found = await deps.db.accidentCase.findUnique({ where: { inviteCode: code }, select: { id: true } });
  if (!found) {
    await Promise.all(keys.map((k) => recordFailure(deps.db, 'INVITE_CODE', k)));
    throw notFound('邀请码不正确，请核对对方手机上显示的6位数字');
  }
  const id = found.id;
  await deps.db.$transaction(async (tx) => {
    const c = (await lockCase(tx, id))!;
    const mine = c.parties.find((p) => p.driverId === caller.id);
    if (mine?.role === 'B') return;
    if (mine) throw conflict('CANNOT_JOIN_OWN_CASE', '这是您自己报的事故，请让对方车辆的驾驶人输入邀请码');
    if (c.status !== 'WAITING_FOR_PARTY' || c.parties.length >= c.vehicleCount) {
      if (c.status === 'NEGOTIATING' || c.parties.length >= c.vehicleCount) {
        throw conflict('CASE_FULL', '双方都已加入这起事故，不能再加入');
      }
      throw ruleSaysNo('INVITE_EXPIRED', 'INVITE_EXPIRED', '邀请码已失效，请让对方重新报案');
    }
    if (!c.inviteExpiresAt || c.inviteExpiresAt <= new Date()) {
      throw ruleSaysNo('INVITE_EXPIRED', 'INVITE_EXPIRED', '邀请码已过期（30分钟内有效），请让对方重新报案');
    }
    await tx.accidentParty.create({ data: { caseId: c.id, role: 'B', driverId: caller.id }, select: { id: true } });
    const actor = driverActor(caller);
    // The code stays on the case while it is negotiated, so a third driver hears that it is full.
    await transition(tx, c, 'NEGOTIATING', 'PARTY_JOINED', actor, {
      expiresAt: new Date(Date.now() + deps.config.accidents.negotiatingMs),
    });
    await audit(tx, { actor, action: 'accident.joined', entityType: 'AccidentCase', entityId: c.id, ip });
    await notify(tx, { driverId: c.reporterId, event: 'accident.partner_joined', data: caseRef(c), dedupeKey: `accident:${c.id}:joined` });
  });
  await clearFailures(deps.db, 'INVITE_CODE', keys[0]);
  return getCase(deps, caller, id);
}

/** Checked before slow work outside the transaction (an upload, a text check); checked again inside it. */
async function requireEditableByParty(deps: AppDeps, caller: DriverCaller, id: number): Promise<void> {
  const c = await readCase(deps.db, id);
  partyOf(c, caller.id);
  requireStatus(c!, EDITABLE);
}

/** Terms changed: every answer given so far no longer holds. */
async function resetAnswers(tx: Tx, c: FullCase): Promise<boolean> {
  if (!c.parties.some((p) => p.agreed !== null)) return false;
  await tx.accidentParty.updateMany({ where: { caseId: c.id }, data: { agreed: null, answeredAt: null, signatureFileId: null } });
  return true;
}

export async function updateMyParty(deps: AppDeps, caller: DriverCaller, id: number, details: PartyDetails) {
  // Strangers and closed cases are turned away before the text goes to WeChat.
  await requireEditableByParty(deps, caller, id);
  const textCheck = await requireAcceptableText(deps, caller.id, [details.insurer, details.vehicleType, details.collisionPart]);
  return asParty(deps, caller, id, async (tx, c, me) => {
    requireStatus(c, EDITABLE);
    const next = {
      plate: details.plate,
      plateType: details.plate.length === 8 ? '52' : '02',
      driverName: details.driverName,
      licenceNumber: details.licenceNumber,
      phone: details.phone,
      insurer: details.insurer,
      policyNumber: details.policyNumber ?? null,
      vehicleType: details.vehicleType ?? null,
      collisionPart: details.collisionPart ?? null,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => me[k] !== next[k]);
    if (!changed) return;
    await tx.accidentParty.update({ where: { id: me.id }, data: next, select: { id: true } });
    const reset = await resetAnswers(tx, c);
    await touch(tx, c);
    await addEvent(tx, c.id, 'DETAILS_UPDATED', driverActor(caller), {
      details: { role: me.role, answersReset: reset, ...textCheckDetails(textCheck) },
    });
  });
}

export async function setLiability(deps: AppDeps, caller: DriverCaller, id: number, input: { scenario: string; atFault: FaultSide }) {
  const scenario = findScenario(input.scenario);
  if (!scenario) throw badRequest([{ path: 'scenario', message: 'unknown scenario', in: 'body' }], '请选择事故情形');
  return asParty(deps, caller, id, async (tx, c) => {
    requireStatus(c, EDITABLE);
    const problem = faultProblem(scenario, input.atFault, c.vehicleCount);
    if (problem) throw ruleSaysNo('LIABILITY_INCONSISTENT', 'LIABILITY_INCONSISTENT', problem);
    if (c.scenario === scenario.code && c.atFault === input.atFault) return;
    const reset = await resetAnswers(tx, c);
    await touch(tx, c, { scenario: scenario.code, atFault: input.atFault });
    await addEvent(tx, c.id, 'LIABILITY_SET', driverActor(caller), {
      details: { scenario: scenario.code, atFault: input.atFault, answersReset: reset },
    });
  });
}

export async function addFile(
  deps: AppDeps,
  storage: FileStorage,
  caller: DriverCaller,
  id: number,
  slot: EvidenceSlot,
  bytes: Buffer,
) {
  await requireEditableByParty(deps, caller, id);
  const minimum = slot === 'SIGNATURE' ? { width: 100, height: 50 } : { width: 320, height: 240 };
  const image = await inspectImage(bytes, minimum);
  // A new key for every upload: a stored file is never replaced, only added to.
  const storageKey = `cases/${id}/${randomUUID()}.${EXTENSIONS[image.mimeType]}`;
  await storage.put(storageKey, bytes);
  const file = await deps.db.$transaction(async (tx) => {
    const c = (await lockCase(tx, id))!;
    const me = partyOf(c, caller.id);
    requireStatus(c, EDITABLE);
    if (c.files.length >= MAX_FILES_PER_CASE) {
      throw ruleSaysNo('TOO_MANY_FILES', 'TOO_MANY_FILES', `每起事故最多上传${MAX_FILES_PER_CASE}张照片`);
    }
    const created = await tx.evidenceFile.create({
      data: { caseId: id, uploadedById: caller.id, slot, storageKey, ...image },
      select: { id: true, slot: true, sha256: true, mimeType: true, sizeBytes: true, width: true, height: true, capturedAt: true, receivedAt: true },
    });
    await touch(tx, c);
    await addEvent(tx, id, slot === 'SIGNATURE' ? 'SIGNATURE_UPLOADED' : 'PHOTO_ADDED', driverActor(caller), {
      details: { role: me.role, slot, fileId: created.id, sha256: image.sha256 },
    });
    return created;
  });
  return file;
}

/** The bytes of a file, for a party of its case (officers use the officer service). */
export async function fileForParty(deps: AppDeps, storage: FileStorage, caller: DriverCaller, caseId: number, fileId: number) {
  const file = await deps.db.evidenceFile.findFirst({
    where: { id: fileId, caseId, case: { parties: { some: { driverId: caller.id } } } },
    select: { storageKey: true, mimeType: true, sha256: true },
  });
  if (!file) throw notFound('没有找到这张照片');
  const bytes = await storage.get(file.storageKey);
  if (!bytes) throw notFound('没有找到这张照片');
  return { ...file, bytes };
}

export async function answer(deps: AppDeps, caller: DriverCaller, id: number, input: { agree: boolean; signature: number }) {
  return asParty(deps, caller, id, async (tx, c, me) => {
    requireStatus(c, ANSWERABLE, c.status === 'WAITING_FOR_PARTY' ? '对方还没有加入，请先让对方输入邀请码' : undefined);
    const present = new Set(c.files.map((f) => f.slot));
    const missingSlots = REQUIRED_SLOTS.filter((s) => !present.has(s));
    if (missingSlots.length) {
      throw ruleSaysNo('CASE_INCOMPLETE', 'PHOTOS_MISSING', '请先拍齐前方全景、后方全景和碰撞部位三张照片', { missingSlots });
    }
    const incomplete = c.parties.filter((p) => !partyComplete(p)).map((p) => p.role);
    if (c.parties.length < c.vehicleCount || incomplete.length) {
      throw ruleSaysNo('CASE_INCOMPLETE', 'DETAILS_MISSING', '还有一方的车辆和驾驶人信息没有填写完整', { parties: incomplete });
    }
    if (input.agree && !c.scenario) {
      throw ruleSaysNo('CASE_INCOMPLETE', 'LIABILITY_MISSING', '请先选择事故情形和责任');
    }
    const signature = c.files.find((f) => f.id === input.signature);
    if (!signature || signature.slot !== 'SIGNATURE' || signature.uploadedById !== caller.id) {
      throw ruleSaysNo('CASE_INCOMPLETE', 'SIGNATURE_MISSING', '请先在签名板上手写签名');
    }
    const now = new Date();
    await tx.accidentParty.update({
      where: { id: me.id },
      data: { agreed: input.agree, signatureFileId: signature.id, answeredAt: now },
      select: { id: true },
    });
    const actor = driverActor(caller);
    await addEvent(tx, c.id, input.agree ? 'AGREED' : 'DISPUTED', actor, { details: { role: me.role, signatureFileId: signature.id } });
    const answers = c.parties.map((p) => (p.id === me.id ? input.agree : p.agreed));
    if (answers.every((a) => a !== null)) {
      const disputed = answers.some((a) => a === false);
      await transition(tx, c, 'PENDING_REVIEW', c.status === 'RETURNED' ? 'RESUBMITTED' : 'SUBMITTED', actor, {
        disputed,
        inviteCode: null,
        expiresAt: null,
      }, { disputed });
      for (const p of c.parties) {
        await notify(tx, { driverId: p.driverId, event: 'accident.submitted', data: caseRef(c), dedupeKey: `accident:${c.id}:submitted:${c.version}:${p.role}` });
      }
      return;
    }
    await touch(tx, c);
    for (const p of c.parties.filter((x) => x.id !== me.id && x.agreed === null)) {
      await notify(tx, {
        driverId: p.driverId,
        event: 'accident.signature_awaited',
        data: caseRef(c),
        dedupeKey: `accident:${c.id}:awaited:${c.version}:${p.role}`,
      });
    }
  });
}

export async function cancelCase(deps: AppDeps, caller: DriverCaller, id: number, ip?: string) {
  return asParty(deps, caller, id, async (tx, c, me) => {
    if (me.role !== 'A') throw forbidden('只有报案的一方可以撤销');
    requireStatus(c, EDITABLE);
    const actor = driverActor(caller);
    await transition(tx, c, 'CANCELLED', 'CANCELLED', actor, { inviteCode: null, expiresAt: null });
    await audit(tx, { actor, action: 'accident.cancelled', entityType: 'AccidentCase', entityId: c.id, ip });
  });
}
