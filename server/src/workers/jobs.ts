// The periodic jobs of the system; each is safe to run in several processes at once.
import type { AppDeps } from '../deps';
import { pruneFailures } from '../modules/auth/throttle';
import type { Job } from './runner';

const DAY = 86_400_000;

export function systemJobs(deps: AppDeps): Job[] {
  return [
    {
      name: 'housekeeping',
      everyMs: 10 * 60_000,
      async run() {
        await pruneFailures(deps.db, DAY);
        await deps.db.loginSession.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 7 * DAY) } } });
      },
    },
  ];
}
