// Runs periodic jobs in this process. Jobs must be safe with several processes running them
// (conditional updates, SKIP LOCKED or a database lease): no job may assume it is alone.
import type { Logger } from '../logger';

export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export class WorkerRunner {
  private timers = new Set<NodeJS.Timeout>();
  private running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly log: Logger, private readonly jobs: Job[]) {}

  start(): void {
    for (const job of this.jobs) this.schedule(job, Math.floor(Math.random() * Math.min(job.everyMs, 2000)));
  }

  private schedule(job: Job, delay: number) {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = job
        .run()
        .catch((err) => this.log.error({ err, job: job.name }, 'job failed'))
        .finally(() => {
          this.running.delete(run);
          this.schedule(job, job.everyMs);
        });
      this.running.add(run);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /** Stops scheduling and waits for the runs under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }
}
