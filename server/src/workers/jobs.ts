// The periodic jobs of the system; each is safe to run in several processes at once.
import type { AppDeps } from '../deps';
import { expireCases } from '../modules/accidents/use-cases/expire-cases';
import { runReviewOverdueJob } from '../modules/accidents/use-cases/mark-overdue-reviews';
import { allocateDueSessions } from '../modules/exams/allocation';
import { createFollowerSyncJob } from '../modules/notifications/follower-sync';
import { createDispatcherJob } from '../modules/notifications/job';
import { pruneExpiredLimits } from '../lib/rate-limit';
import { runDailyNotices } from '../modules/inquiries/proactive-notices';
import { storageFor } from '../modules/uploads/storage-for';
import { createSmsProvider } from '../sms';
import { pullSmsReceipts } from '../sms/receipts';
import type { Job } from './runner';

const DAY = 86_400_000;

export function systemJobs(deps: AppDeps): Job[] {
  // Present only when an official account is configured.
  const followerSync = createFollowerSyncJob(deps);
  const sms = createSmsProvider(deps.config, deps.log);
  return [
    {
      name: 'housekeeping',
      everyMs: 10 * 60_000,
      async run() {
        await pruneExpiredLimits(deps.db);
        // Uploads a process did not live to finish (an upload takes seconds).
        await storageFor(deps).sweepStaging(3_600_000);
        await deps.db.loginSession.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 7 * DAY) } } });
      },
    },
    {
      name: 'exam-allocation',
      everyMs: deps.config.exams.allocationEveryMs,
      run: () => allocateDueSessions(deps),
    },
    createDispatcherJob(deps),
    {
      name: 'accident-expiry',
      everyMs: 60_000,
      run: () => expireCases(deps),
    },
    // Cases under review past the unit's review limit: one REVIEW_OVERDUE event each (the live queue's
    // case.overdue) and one WeChat alert to each linked officer of the unit, under a lease.
    {
      name: 'accident-review-overdue',
      everyMs: 60_000,
      run: () => runReviewOverdueJob(deps),
    },
    // Proactive notices (new violations, inspection due, licence expiring, points high): once a day
    // from 09:00 Shanghai time, in one process (a database lease), each told once.
    {
      name: 'proactive-notices',
      everyMs: 10 * 60_000,
      run: () => runDailyNotices(deps),
    },
    ...(followerSync ? [followerSync] : []),
    // Delivery receipts of the SMS sent (each answered once by the provider; a row per message).
    ...(sms?.pullReceipts ? [{ name: 'sms-receipts', everyMs: 60_000, run: () => pullSmsReceipts(deps.db, sms) }] : []),
  ];
}
