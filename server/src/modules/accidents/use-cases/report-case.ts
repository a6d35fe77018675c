// POST /api/accidents: a driver reports an accident (DAILY_ACCIDENTS_PER_DRIVER a Shanghai day). The
// case passes through DRAFT inside its creating transaction (REPORT, then OPEN_INVITE or
// START_NEGOTIATION of the case machine).
import { compactDay } from '@jiaoguan/contracts/time';
import { randomInt } from 'node:crypto';
import type { AppDeps } from '../../../deps';
import { audit } from '../../../lib/audit';
import { isLockConflict, isUniqueViolation } from '../../../lib/db-errors';
import { withinDailyLimit } from '../../../lib/rate-limit';
import { requireAcceptableText, type TextVerdict } from '../../../lib/text-check';
import { CASE_MACHINE, OPEN_STATES } from '../case-machine';
import { driverActor, type DriverCaller } from '../callers';
import { addEvent, loadCase } from '../case-store';
import { caseView } from '../views';
import { checkEligibility, type CheckEligibilityInput } from './check-eligibility';

export interface ReportCaseInput extends CheckEligibilityInput {
  caller: DriverCaller;
  occurredAt: Date;
  weather?: string;
  vehicleCount: 1 | 2;
  ip?: string;
}

const sixDigits = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * What the officer should know of the content check in an event's details: nothing when WeChat
 * passed the text; 'review' (or 'unchecked' when WeChat did not answer) otherwise. At the roadside
 * such text does not stop the driver; the officer sees the mark on the event.
 */
export const textCheckDetails = (verdict: Exclude<TextVerdict, 'risky'>) => (verdict === 'pass' ? {} : { textCheck: verdict });

export async function reportCase(deps: AppDeps, input: ReportCaseInput) {
  const { caller } = input;
  const unit = await checkEligibility(deps, input);
  const max = deps.config.dailyLimits.accidents;
  // Counted before the text check (it spends WeChat's quota); a double tap that finds the first case gives its point back.
  const limit = { name: 'daily-accidents', max, driverId: caller.id, reached: `今天上报的事故已达${max}起` };
  const id = await withinDailyLimit(deps.limits, limit, async (refund) => {
    const { id, created } = await create(deps, input, unit);
    if (!created) await refund();
    return id;
  });
  return caseView((await loadCase(deps.db, id))!, { kind: 'party', driverId: caller.id });
}

async function create(deps: AppDeps, input: ReportCaseInput, unit: { id: number }): Promise<{ id: number; created: boolean }> {
  const { caller } = input;
  // The place is read by the other party and the officer: risky text is refused before anything is stored.
  const textCheck = await requireAcceptableText(deps, caller.id, [input.location.address, input.weather]);
  const cfg = deps.config.accidents;
  const two = input.vehicleCount === 2;
  const opening = two ? CASE_MACHINE.OPEN_INVITE : CASE_MACHINE.START_NEGOTIATION;
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        // One report at a time per driver, so a double-tapped submit finds the first one. A write,
        // not a locking read: on a Galera cluster FOR UPDATE locks only on its own node, while two
        // writes of the driver row on two nodes cannot both commit (the second is refused, 1213).
        await tx.$executeRaw`UPDATE Driver SET updatedAt = ${new Date()} WHERE id = ${caller.id}`;
        const duplicate = await tx.accidentCase.findFirst({
          where: {
            reporterId: caller.id,
            occurredAt: input.occurredAt,
            address: input.location.address,
            vehicleCount: input.vehicleCount,
            status: { in: [...OPEN_STATES] },
            createdAt: { gte: new Date(Date.now() - 10 * 60_000) },
          },
          select: { id: true },
        });
        if (duplicate) return { id: duplicate.id, created: false };
        const now = new Date();
        const created = await tx.accidentCase.create({
          data: {
            caseNumber: `SG${compactDay(now)}${sixDigits()}`,
            status: opening.to,
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
        await addEvent(tx, created.id, CASE_MACHINE.REPORT.events[0], actor, {
          from: null,
          to: CASE_MACHINE.REPORT.to,
          details: { eligibility: input.eligibility, ...textCheckDetails(textCheck) },
        });
        await addEvent(tx, created.id, opening.events[0], actor, { from: opening.from[0], to: opening.to });
        await audit(tx, { actor, action: 'accident.created', entityType: 'AccidentCase', entityId: created.id, ip: input.ip });
        return { id: created.id, created: true };
      });
    } catch (err) {
      // A random case number or invite code that is already taken: draw again. A lost race for
      // the driver row: look for the first report again.
      if ((isUniqueViolation(err) || isLockConflict(err)) && attempt < 4) continue;
      throw err;
    }
  }
}
