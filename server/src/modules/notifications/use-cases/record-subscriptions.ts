// Records what requestSubscribeMessage returned: each accept adds one grant for that template.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import type { TemplateKey } from '../events';

export interface RecordSubscriptionsInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  answers: Partial<Record<TemplateKey, 'accept' | 'reject'>>;
}

export async function recordSubscriptions(deps: Pick<AppDeps, 'db'>, input: RecordSubscriptionsInput) {
  const driverId = input.caller.id;
  return deps.db.$transaction(async (tx) => {
    for (const [templateKey, answer] of Object.entries(input.answers)) {
      const accept = answer === 'accept' ? 1 : 0;
      await tx.$executeRaw`
        INSERT INTO SubscriptionQuota (driverId, templateKey, remaining, accepted, rejected, updatedAt)
        VALUES (${driverId}, ${templateKey}, ${accept}, ${accept}, ${1 - accept}, ${new Date()})
        ON DUPLICATE KEY UPDATE remaining = remaining + ${accept}, accepted = accepted + ${accept},
          rejected = rejected + ${1 - accept}, updatedAt = VALUES(updatedAt)`;
    }
    const rows = await tx.subscriptionQuota.findMany({
      where: { driverId },
      select: { templateKey: true, remaining: true, accepted: true, rejected: true },
      orderBy: { templateKey: 'asc' },
    });
    return { items: rows };
  });
}
