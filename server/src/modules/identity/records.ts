// The records an identity is proven against: the licence and the learner record of an ID number.
import type { AppDeps } from '../../deps';

export interface RecordsOfIdNumber {
  /** Names on record (empty when the ID number has no records at all). */
  names: string[];
  /** Phones on record: either one proves a binding through WeChat's phone number. */
  phones: string[];
  /** The licence's 档案编号, when there is a licence. */
  fileNumber: string | null;
}

export async function recordsOf(deps: Pick<AppDeps, 'db'>, idNumber: string): Promise<RecordsOfIdNumber> {
  const [licence, learner] = await Promise.all([
    deps.db.licence.findUnique({ where: { idNumber }, select: { name: true, phone: true, fileNumber: true } }),
    deps.db.learner.findUnique({ where: { idNumber }, select: { name: true, phone: true } }),
  ]);
  const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined && v !== '';
  return {
    names: [licence?.name, learner?.name].filter(present),
    phones: [licence?.phone, learner?.phone].filter(present),
    fileNumber: licence?.fileNumber ?? null,
  };
}
