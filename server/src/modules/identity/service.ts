// Who the caller is, and binding a driver to the records that carry their ID number.
import type { AppDeps } from '../../deps';
import type { Caller } from '../../http/auth';
import { conflict, ruleSaysNo } from '../../http/errors';
import { audit } from '../../lib/audit';
import { maskIdNumber } from '../../lib/mask';
import { isUniqueViolation } from '../../lib/db-errors';

export async function describeCaller(deps: AppDeps, caller: Caller) {
  if (caller.kind === 'staff') {
    const staff = await deps.db.staff.findUniqueOrThrow({
      where: { id: caller.id },
      select: { id: true, username: true, displayName: true, role: true, unit: { select: { code: true, name: true } } },
    });
    return { ...staff, role: caller.role };
  }
  const driver = await deps.db.driver.findUniqueOrThrow({
    where: { id: caller.id },
    select: { id: true, nickname: true, idNumber: true, realName: true, identityBoundAt: true },
  });
  return {
    id: driver.id,
    role: 'driver' as const,
    nickname: driver.nickname,
    identity: driver.idNumber
      ? { bound: true, name: driver.realName, idNumber: maskIdNumber(driver.idNumber), boundAt: driver.identityBoundAt }
      : { bound: false },
  };
}

/** Names on the licence and learner records with this ID number (empty when there are none). */
async function namesOnRecord(deps: AppDeps, idNumber: string): Promise<string[]> {
  const [licence, learner] = await Promise.all([
    deps.db.licence.findUnique({ where: { idNumber }, select: { name: true } }),
    deps.db.learner.findUnique({ where: { idNumber }, select: { name: true } }),
  ]);
  return [licence?.name, learner?.name].filter((n): n is string => !!n);
}

export async function bindIdentity(
  deps: AppDeps,
  caller: Extract<Caller, { kind: 'driver' }>,
  input: { idNumber: string; name: string },
  ip?: string,
) {
  const current = await deps.db.driver.findUniqueOrThrow({ where: { id: caller.id }, select: { idNumber: true } });
  if (current.idNumber === input.idNumber) return describeCaller(deps, caller);
  if (current.idNumber) {
    throw conflict('IDENTITY_ALREADY_BOUND', '您的微信已绑定其他身份证号码，如需更换请联系客服');
  }
  const names = await namesOnRecord(deps, input.idNumber);
  if (names.some((n) => n !== input.name)) {
    throw ruleSaysNo('IDENTITY_MISMATCH', 'NAME_MISMATCH', '姓名与登记的证件信息不一致，请核对');
  }
  try {
    await deps.db.$transaction(async (tx) => {
      await tx.driver.update({
        where: { id: caller.id },
        data: { idNumber: input.idNumber, realName: input.name, identityBoundAt: new Date() },
        select: { id: true },
      });
      await audit(tx, {
        actor: { type: 'DRIVER', id: caller.id },
        action: 'driver.identity_bound',
        entityType: 'Driver',
        entityId: caller.id,
        details: { idNumber: maskIdNumber(input.idNumber), recordsFound: names.length },
        ip,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('IDENTITY_TAKEN', '该身份证号码已绑定其他微信账号，如有疑问请联系客服');
    }
    throw err;
  }
  return describeCaller(deps, caller);
}

