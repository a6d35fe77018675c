// GET /api/me/subscriptions: what can reach the driver outside the message centre — the
// subscribe-message grants left per template, whether they follow the official account, and
// the phone an SMS would go to (masked).
import { TEMPLATE_KEYS } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { maskPhone } from '../../../lib/mask';

export interface ListSubscriptionsInput {
  caller: Extract<Caller, { kind: 'driver' }>;
}

export async function listSubscriptions(deps: Pick<AppDeps, 'db' | 'config'>, input: ListSubscriptionsInput) {
  const driverId = input.caller.id;
  const [driver, quotas] = await Promise.all([
    deps.db.driver.findUniqueOrThrow({ where: { id: driverId }, select: { unionid: true, idNumber: true } }),
    deps.db.subscriptionQuota.findMany({
      where: { driverId },
      select: { templateKey: true, remaining: true, accepted: true, rejected: true, updatedAt: true },
    }),
  ]);
  const byKey = new Map(quotas.map((q) => [q.templateKey, q]));
  // Every driver key, in a fixed order; a key never answered shows zeros and no time.
  const items = TEMPLATE_KEYS.map((templateKey) => {
    const q = byKey.get(templateKey);
    return {
      templateKey,
      remaining: q?.remaining ?? 0,
      accepted: q?.accepted ?? 0,
      rejected: q?.rejected ?? 0,
      updatedAt: q ? q.updatedAt.toISOString() : null,
    };
  });
  // As the dispatcher decides (dispatcher.ts, reachOf): a follower by unionid, counted only when the
  // official account is configured.
  const officialAccount = !!deps.config.wechat.officialAccount;
  const follows =
    officialAccount && !!driver.unionid && (await deps.db.officialAccountFollower.count({ where: { unionid: driver.unionid } })) > 0;
  // The phone on the proven identity's records (the licence's before the learner's, as the
  // dispatcher picks it); a case's party phone is used for that case only and is not shown here.
  let phone: string | null = null;
  if (driver.idNumber) {
    const [licence, learner] = await Promise.all([
      deps.db.licence.findUnique({ where: { idNumber: driver.idNumber }, select: { phone: true } }),
      deps.db.learner.findUnique({ where: { idNumber: driver.idNumber }, select: { phone: true } }),
    ]);
    phone = licence?.phone ?? learner?.phone ?? null;
  }
  return {
    items,
    officialAccount: { configured: officialAccount, following: follows },
    sms: { configured: deps.config.sms.provider !== 'off', phone: maskPhone(phone) },
  };
}
