// GET /api/exam/eligibility: per subject, passed / booked / bookable / not bookable and why.
import { SUBJECTS, subjectLabel } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { requireLearner } from '../learners';
import { learnerRefusal, permitExpiresAt } from '../rules';

export interface EligibilityOverviewInput {
  caller: Extract<Caller, { kind: 'driver' }>;
}

export async function eligibilityOverview(deps: AppDeps, input: EligibilityOverviewInput) {
  const learner = await requireLearner(deps.db, input.caller);
  const now = new Date();
  const f = learner.facts;
  const permit = f.permitIssuedAt ?? f.passedAt[1];
  const subjects = SUBJECTS.filter((s) => !(s === 3 && f.licenceClass === 'C6')).map((subject) => {
    const held = learner.history.find((b) => b.subject === subject && (b.status === 'PENDING' || b.status === 'CONFIRMED') && !b.result);
    if (f.passedAt[subject]) return { subject, name: subjectLabel(subject), status: 'PASSED' as const, passedAt: f.passedAt[subject] };
    if (held) return { subject, name: subjectLabel(subject), status: 'BOOKED' as const, bookingId: held.id, sessionId: held.sessionId };
    const refusal = learnerRefusal(f, learner.history, subject, now);
    return refusal
      ? { subject, name: subjectLabel(subject), status: 'NOT_BOOKABLE' as const, reason: refusal.reason, message: refusal.message, availableFrom: refusal.availableFrom ?? null }
      : { subject, name: subjectLabel(subject), status: 'BOOKABLE' as const };
  });
  return {
    learner: {
      name: learner.name,
      licenceClass: f.licenceClass,
      permitIssuedAt: permit,
      permitExpiresAt: permit ? permitExpiresAt(permit) : null,
    },
    subjects,
  };
}
