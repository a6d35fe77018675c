// Learner records (学员): the admin's input and view, and the learner with their booking history
// for the rules (loaded in one query on the booking path: use-cases/learner-sql.ts).
import type { learnerRequest } from '@jiaoguan/contracts/schemas/exams';
import type { z } from 'zod';
import type { Db } from '../../db';
import type { Caller } from '../../http/auth';
import { ruleSaysNo } from '../../http/errors';
import { maskIdNumber, maskPhone } from '../../lib/mask';
import type { BookingFact, LearnerFacts } from './rules';
import { loadLearnerByIdNumber } from './use-cases/learner-sql';

/** A learner as the admin sends it (the contract's `learnerRequest`), defaults applied. */
export type LearnerInput = z.output<typeof learnerRequest>;

export const learnerSelect = {
  id: true,
  idNumber: true,
  name: true,
  licenceClass: true,
  phone: true,
  appliedAt: true,
  permitIssuedAt: true,
  subject1PassedAt: true,
  subject2PassedAt: true,
  subject3PassedAt: true,
  subject4PassedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type LearnerRow = { [K in keyof typeof learnerSelect]: K extends 'id' ? number : K extends 'idNumber' | 'name' | 'licenceClass' ? string : K extends 'phone' ? string | null : K extends 'appliedAt' | 'createdAt' | 'updatedAt' ? Date : Date | null };

export function learnerView(l: LearnerRow) {
  return {
    id: l.id,
    idNumber: maskIdNumber(l.idNumber),
    name: l.name,
    licenceClass: l.licenceClass,
    appliedAt: l.appliedAt,
    permitIssuedAt: l.permitIssuedAt,
    passedSubjects: ([1, 2, 3, 4] as const).filter((s) => l[`subject${s}PassedAt`]),
    phone: maskPhone(l.phone),
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

export interface LearnerContext {
  id: number;
  name: string;
  facts: LearnerFacts;
  history: BookingFact[];
}

/** The caller's learner record, or a clear refusal when they have none. */
export async function requireLearner(db: Db, caller: Extract<Caller, { kind: 'driver' }>): Promise<LearnerContext> {
  if (!caller.idNumber) {
    throw ruleSaysNo('NOT_ELIGIBLE', 'IDENTITY_NOT_BOUND', '请先在“业务查询”中绑定身份证号码，再预约考试');
  }
  const learner = await loadLearnerByIdNumber(db, caller.idNumber);
  if (!learner) {
    throw ruleSaysNo('NOT_ELIGIBLE', 'NOT_A_LEARNER', '没有找到您的驾驶人考试报名信息，请先到驾校或车管所报名');
  }
  return learner;
}
