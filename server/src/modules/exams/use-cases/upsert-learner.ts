// POST /api/admin/learners (and each row of an import): create or update a learner by ID number.
import type { AppDeps } from '../../../deps';
import { audit } from '../../../lib/audit';
import { maskIdNumber } from '../../../lib/mask';
import { learnerSelect, learnerView, type LearnerInput, type LearnerRow } from '../learners';
import type { Subject } from '../rules';

export interface UpsertLearnerInput {
  staffId: number;
  learner: LearnerInput;
  ip?: string;
}

/**
 * A subject listed as passed keeps its pass date when it already has one (else the permit date
 * for 科目一, or now); a subject not listed is cleared.
 */
export async function upsertLearner(
  deps: AppDeps,
  { staffId, learner: input, ip }: UpsertLearnerInput,
): Promise<{ created: boolean; learner: ReturnType<typeof learnerView> }> {
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.learner.findUnique({ where: { idNumber: input.idNumber }, select: learnerSelect });
    const now = new Date();
    const passed = new Set(input.passedSubjects);
    const permit = input.permitIssuedAt !== undefined ? input.permitIssuedAt : existing?.permitIssuedAt ?? null;
    const passDate = (s: Subject) => {
      if (!passed.has(s)) return null;
      const current = existing?.[`subject${s}PassedAt`];
      if (current) return current;
      return s === 1 && permit ? permit : now;
    };
    const data = {
      name: input.name,
      licenceClass: input.licenceClass,
      // A re-sent record without a phone keeps the one on file.
      phone: input.phone ?? existing?.phone ?? null,
      appliedAt: input.appliedAt ?? existing?.appliedAt ?? permit ?? now,
      permitIssuedAt: permit ?? (passed.has(1) ? passDate(1) : null),
      subject1PassedAt: passDate(1),
      subject2PassedAt: passDate(2),
      subject3PassedAt: passDate(3),
      subject4PassedAt: passDate(4),
    };
    const learner = existing
      ? await tx.learner.update({ where: { id: existing.id }, data, select: learnerSelect })
      : await tx.learner.create({ data: { idNumber: input.idNumber, ...data }, select: learnerSelect });
    await audit(tx, {
      actor: { type: 'STAFF', id: staffId },
      action: existing ? 'exam.learner_updated' : 'exam.learner_created',
      entityType: 'Learner',
      entityId: learner.id,
      details: { idNumber: maskIdNumber(input.idNumber), passedSubjects: input.passedSubjects },
      ip,
    });
    return { created: !existing, learner: learnerView(learner as LearnerRow) };
  });
}
