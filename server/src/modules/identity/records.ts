// The records an identity is proven against.
import type { AppDeps } from '../../deps';

/** Names on the licence and learner records with this ID number (empty when there are none). */
export async function namesOnRecord(deps: Pick<AppDeps, 'db'>, idNumber: string): Promise<string[]> {
  const [licence, learner] = await Promise.all([
    deps.db.licence.findUnique({ where: { idNumber }, select: { name: true } }),
    deps.db.learner.findUnique({ where: { idNumber }, select: { name: true } }),
  ]);
  return [licence?.name, learner?.name].filter((n): n is string => !!n);
}
