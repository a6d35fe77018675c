// Binds a driver to the licence and learner records of an ID number (check character verified by
// the route's schema); the names on record must match, and an ID number is bound to one WeChat user.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { conflict, ruleSaysNo } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { isUniqueViolation } from '../../../lib/db-errors';
import { maskIdNumber } from '../../../lib/mask';
import { namesOnRecord } from '../records';
import { describeCaller } from './describe-caller';

export interface BindIdentityInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  idNumber: string;
  name: string;
  ip?: string;
}

export async function bindIdentity(deps: Pick<AppDeps, 'db'>, input: BindIdentityInput) {
  const { caller, ip } = input;
  const current = await deps.db.driver.findUniqueOrThrow({ where: { id: caller.id }, select: { idNumber: true } });
  if (current.idNumber === input.idNumber) return describeCaller(deps, { caller });
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
  return describeCaller(deps, { caller });
}
