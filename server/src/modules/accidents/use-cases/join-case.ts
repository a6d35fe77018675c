// POST /api/accidents/join: the second party joins with the invite code (JOIN of the case machine).
import type { AppDeps } from '../../../deps';
import { conflict, notFound, ruleSaysNo } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { consumeAll, refundAll, waitText, type Counted } from '../../../lib/rate-limit';
import { notify } from '../../notifications/notify';
import { allowedFrom } from '../case-machine';
import { caseRef, driverActor, type DriverCaller } from '../callers';
import { act, lockCase } from '../case-store';
import { viewPartyCase } from './view-party-case';

export interface JoinCaseInput {
  caller: DriverCaller;
  inviteCode: string;
  ip?: string;
}

export async function joinCase(deps: AppDeps, input: JoinCaseInput) {
  const { caller, ip = 'unknown' } = input;
  const { maxFailures, windowMs } = deps.config.accidents.inviteThrottle;
  // A six-digit code falls to guessing unless every try is counted first, per driver and per address.
  const counted: Counted[] = [
    { limiter: deps.limits.limiter('invite-code-driver', { points: maxFailures, windowMs }), key: String(caller.id) },
    { limiter: deps.limits.limiter('invite-code-ip', { points: maxFailures * 4, windowMs }), key: ip },
  ];
  await consumeAll(counted, (wait) => `邀请码输错次数太多，请${waitText(wait)}后再试`);
  const found = await deps.db.accidentCase.findUnique({ where: { inviteCode: input.inviteCode }, select: { id: true } });
  if (!found) throw notFound('邀请码不正确，请核对对方手机上显示的6位数字');
  await refundAll(counted);
  const id = found.id;
  await deps.db.$transaction(async (tx) => {
    const c = (await lockCase(tx, id))!;
    const mine = c.parties.find((p) => p.driverId === caller.id);
    if (mine?.role === 'B') return;
    if (mine) throw conflict('CANNOT_JOIN_OWN_CASE', '这是您自己报的事故，请让对方车辆的驾驶人输入邀请码');
    // The code stays on the case while it is negotiated, so a third driver hears that it is full.
    const full = c.parties.length >= c.vehicleCount;
    if (full) throw conflict('CASE_FULL', '双方都已加入这起事故，不能再加入');
    if (!allowedFrom('JOIN', c.status)) throw ruleSaysNo('INVITE_EXPIRED', 'INVITE_EXPIRED', '邀请码已失效，请让对方重新报案');
    if (!c.inviteExpiresAt || c.inviteExpiresAt <= new Date()) {
      throw ruleSaysNo('INVITE_EXPIRED', 'INVITE_EXPIRED', '邀请码已过期（30分钟内有效），请让对方重新报案');
    }
    await tx.accidentParty.create({ data: { caseId: c.id, role: 'B', driverId: caller.id }, select: { id: true } });
    const actor = driverActor(caller);
    await act(tx, c, {
      action: 'JOIN',
      role: 'secondParty',
      actor,
      data: { expiresAt: new Date(Date.now() + deps.config.accidents.negotiatingMs) },
    });
    await audit(tx, { actor, action: 'accident.joined', entityType: 'AccidentCase', entityId: c.id, ip });
    await notify(tx, { driverId: c.reporterId, event: 'accident.partner_joined', data: caseRef(c), dedupeKey: `accident:${c.id}:joined` });
  });
  return viewPartyCase(deps, { caller, id });
}
