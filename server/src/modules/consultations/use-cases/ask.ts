// A driver asks a question (DAILY_CONSULTATIONS_PER_DRIVER a Shanghai day). WeChat's text check
// decides: risky → refused (422), review → held for an agent to approve, pass → in the queue. The
// first reply is due within working hours.
import type { AppDeps } from '../../../deps';
import type { ConsultationCategory } from '../../../generated/prisma/enums';
import { audit } from '../../../lib/audit';
import { withinDailyLimit } from '../../../lib/rate-limit';
import { requireAcceptableText } from '../../../lib/text-check';
import { firstReplyDue } from '../deadlines';
import { loadAny, type Driver } from '../store';
import { driverView } from '../views';

export interface AskInput {
  caller: Driver;
  category: ConsultationCategory;
  content: string;
  ip?: string;
}

export async function ask(deps: AppDeps, input: AskInput) {
  const { caller } = input;
  const max = deps.config.dailyLimits.consultations;
  // Counted before the text check: the limit also spares WeChat's msg_sec_check quota.
  const id = await withinDailyLimit(deps.limits, { name: 'daily-consultations', max, driverId: caller.id, reached: `今天提交的咨询已达${max}条` }, () =>
    create(deps, input),
  );
  return driverView(await loadAny(deps, id));
}

async function create(deps: AppDeps, input: AskInput): Promise<number> {
  const { caller } = input;
  const verdict = await requireAcceptableText(deps, caller.id, [input.content]);
  const now = new Date();
  const due = await firstReplyDue(deps, now);
  const created = await deps.db.$transaction(async (tx) => {
    const c = await tx.consultation.create({
      data: {
        driverId: caller.id,
        category: input.category,
        content: input.content,
        status: verdict === 'pass' ? 'OPEN' : 'HELD',
        firstReplyDueAt: due,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(tx, {
      actor: { type: 'DRIVER', id: caller.id },
      action: 'consultation.created',
      entityType: 'Consultation',
      entityId: c.id,
      details: { category: input.category, textCheck: verdict },
      ip: input.ip,
    });
    return c;
  });
  return created.id;
}
