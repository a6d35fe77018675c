// Releases a driver's identity binding: by the driver (DELETE /api/me/identity) or by an admin with
// a reason (DELETE /api/admin/identities/:idNumber), who is audited and whose holder is told. The
// vehicles bound through that identity go with it: they were the identity's to see.
import type { Prisma } from '../../../generated/prisma/client';
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { notFound } from '../../../http/errors';
import { audit, type AuditEntry } from '../../../lib/audit';
import { maskIdNumber } from '../../../lib/mask';
import { PAGES } from '@jiaoguan/contracts/pages';
import { describeCaller } from './describe-caller';

async function release(
  tx: Prisma.TransactionClient,
  driverId: number,
  idNumber: string,
  actor: AuditEntry['actor'],
  details: Record<string, string>,
  ip?: string,
): Promise<Date> {
  const at = new Date();
  await tx.driverVehicle.deleteMany({ where: { driverId } });
  await tx.driver.update({ where: { id: driverId }, data: { idNumber: null, realName: null, identityBoundAt: null }, select: { id: true } });
  await audit(tx, {
    actor,
    action: 'driver.identity_unbound',
    entityType: 'Driver',
    entityId: driverId,
    details: { idNumber: maskIdNumber(idNumber), ...details },
    ip,
  });
  return at;
}

export async function unbindOwnIdentity(deps: Pick<AppDeps, 'db'>, input: { caller: Extract<Caller, { kind: 'driver' }>; ip?: string }) {
  const { caller, ip } = input;
  await deps.db.$transaction(async (tx) => {
    const driver = await tx.driver.findUniqueOrThrow({ where: { id: caller.id }, select: { idNumber: true } });
    if (!driver.idNumber) return;
    await release(tx, caller.id, driver.idNumber, { type: 'DRIVER', id: caller.id }, { by: 'self' }, ip);
  });
  return describeCaller(deps, { caller });
}

export interface UnbindByAdminInput {
  caller: Extract<Caller, { kind: 'staff' }>;
  idNumber: string;
  reason: string;
  ip?: string;
}

export async function unbindIdentityByAdmin(deps: Pick<AppDeps, 'db'>, input: UnbindByAdminInput) {
  const { caller, idNumber, reason, ip } = input;
  return deps.db.$transaction(async (tx) => {
    const holder = await tx.driver.findUnique({ where: { idNumber }, select: { id: true } });
    if (!holder) throw notFound('该身份证号码目前没有绑定任何微信账号');
    const at = await release(tx, holder.id, idNumber, { type: 'STAFF', id: caller.id }, { by: 'admin', reason }, ip);
    // Told in the message centre (no WeChat template fits this notice); the dedupe key is per unbinding.
    await tx.messageCentreEntry.create({
      data: {
        driverId: holder.id,
        event: 'identity.unbound_by_admin',
        title: '身份绑定已被解除',
        body: `您的微信与身份证号 ${maskIdNumber(idNumber)} 的绑定已由管理员解除，原因：${reason}。如有疑问请联系客服；需要时可重新验证绑定。`,
        link: PAGES.me,
        dedupeKey: `identity:${holder.id}:unbound:${at.getTime()}`,
      },
      select: { id: true },
    });
    return { idNumber: maskIdNumber(idNumber)!, driverId: holder.id, unboundAt: at };
  });
}
