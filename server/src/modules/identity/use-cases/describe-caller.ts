// GET /api/me: a driver with their identity state, or a staff member with role and unit and the
// state of their WeChat link for new-case alerts (linked, new_case grants left).
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { maskIdNumber } from '../../../lib/mask';

export interface DescribeCallerInput {
  caller: Caller;
}

export async function describeCaller(deps: Pick<AppDeps, 'db'>, input: DescribeCallerInput) {
  const { caller } = input;
  if (caller.kind === 'staff') {
    const staff = await deps.db.staff.findUniqueOrThrow({
      where: { id: caller.id },
      select: {
        id: true, username: true, displayName: true, role: true, mustChangePassword: true, wechatOpenid: true,
        unit: { select: { code: true, name: true } },
        subscriptionQuotas: { where: { templateKey: 'new_case' }, select: { remaining: true } },
      },
    });
    const { wechatOpenid, subscriptionQuotas, ...rest } = staff;
    const linked = wechatOpenid !== null;
    return { ...rest, role: caller.role, wechat: { linked, newCaseGrants: linked ? (subscriptionQuotas[0]?.remaining ?? 0) : 0 } };
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
