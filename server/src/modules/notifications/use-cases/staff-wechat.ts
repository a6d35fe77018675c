// Staff link their WeChat (the mini-program openid) to their account to be pushed new cases, and
// record their own subscribe-message grants (key new_case), as drivers do with theirs.
import type { StaffTemplateKey } from '@jiaoguan/contracts/schemas/notifications';
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { AppError, badRequest } from '../../../http/errors';
import { isUniqueViolation } from '../../../lib/db-errors';

type StaffCaller = Extract<Caller, { kind: 'staff' }>;

/** WeChat error codes from code2Session meaning the code itself is bad (WECHAT.md §1). */
const INVALID_CODE = new Set([40029, 40163]);

function linkView(deps: Pick<AppDeps, 'config'>, linked: boolean) {
  return { linked, templates: { new_case: deps.config.wechat.staffTemplates.new_case } };
}

export async function linkStaffWechat(deps: Pick<AppDeps, 'db' | 'wechat' | 'config' | 'log'>, input: { caller: StaffCaller; code: string }) {
  let openid: string;
  try {
    openid = (await deps.wechat.code2Session(input.code)).openid;
  } catch (err) {
    const errcode = (err as { errcode?: number }).errcode;
    if (errcode !== undefined && INVALID_CODE.has(errcode)) throw badRequest(undefined, '微信登录凭证无效或已使用，请重试');
    deps.log.warn({ err }, 'code2Session failed (staff link)');
    throw new AppError(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试');
  }
  try {
    // The unique index decides a race between two accounts linking the same WeChat user.
    await deps.db.staff.update({ where: { id: input.caller.id }, data: { wechatOpenid: openid }, select: { id: true } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'WECHAT_ALREADY_LINKED', '该微信已绑定其他工作人员账号');
    throw err;
  }
  return linkView(deps, true);
}

/** Unlinking also drops the grants: they belonged to that WeChat user. */
export async function unlinkStaffWechat(deps: Pick<AppDeps, 'db' | 'config'>, input: { caller: StaffCaller }) {
  await deps.db.$transaction([
    deps.db.staff.update({ where: { id: input.caller.id }, data: { wechatOpenid: null }, select: { id: true } }),
    deps.db.staffSubscriptionQuota.deleteMany({ where: { staffId: input.caller.id } }),
  ]);
  return linkView(deps, false);
}

export async function recordStaffSubscriptions(
  deps: Pick<AppDeps, 'db'>,
  input: { caller: StaffCaller; answers: Partial<Record<StaffTemplateKey, 'accept' | 'reject'>> },
) {
  const staffId = input.caller.id;
  return deps.db.$transaction(async (tx) => {
    for (const [templateKey, answer] of Object.entries(input.answers)) {
      const accept = answer === 'accept' ? 1 : 0;
      await tx.$executeRaw`
        INSERT INTO StaffSubscriptionQuota (staffId, templateKey, remaining, accepted, rejected, updatedAt)
        VALUES (${staffId}, ${templateKey}, ${accept}, ${accept}, ${1 - accept}, ${new Date()})
        ON DUPLICATE KEY UPDATE remaining = remaining + ${accept}, accepted = accepted + ${accept},
          rejected = rejected + ${1 - accept}, updatedAt = VALUES(updatedAt)`;
    }
    const rows = await tx.staffSubscriptionQuota.findMany({
      where: { staffId },
      select: { templateKey: true, remaining: true, accepted: true, rejected: true },
      orderBy: { templateKey: 'asc' },
    });
    return { items: rows };
  });
}
