// The embedded scheduler: jobs persisted in the store, kept in memory as a cache, fired by a timer in this process.
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { ReminderHandler, ReminderJob, ReminderKind, ReminderScheduler } from './scheduler.js';

const PREFIX = 'sched:';
const jobKey = (caseId: string, kind: ReminderKind) => `${PREFIX}${kind}:${caseId}`;
const RETRY_MS = 5 * 60_000;

export interface InProcessSchedulerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** How often the timer looks for due jobs; tests call runDue() instead. 0 disables the timer. */
  intervalMs?: number;
}

export class InProcessScheduler implements ReminderScheduler {
  private readonly jobs = new Map<string, ReminderJob>();
  private handler?: ReminderHandler;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  /** Lower bound of the earliest due time: a tick before it skips the scan over all jobs. */
  private earliest = Number.POSITIVE_INFINITY;

  constructor(private readonly o: InProcessSchedulerOptions) {}

  async schedule(job: ReminderJob): Promise<void> {
    const key = jobKey(job.caseId, job.kind);
    await this.o.store.set(key, job);
    this.jobs.set(key, job);
    this.earliest = Math.min(this.earliest, Date.parse(job.at));
  }

  async cancel(caseId: string, kind: ReminderKind): Promise<void> {
    const key = jobKey(caseId, kind);
    await this.o.store.delete(key);
    this.jobs.delete(key);
  }

  async start(handler: ReminderHandler): Promise<void> {
    this.handler = handler;
    this.jobs.clear();
    for await (const [key, job] of this.o.store.scan<ReminderJob>(PREFIX)) {
      this.jobs.set(key, job);
      this.earliest = Math.min(this.earliest, Date.parse(job.at));
    }
    const interval = this.o.intervalMs ?? 30_000;
    if (interval > 0) {
      this.timer = setInterval(() => {
        this.runDue().catch((err) => this.o.logger.error({ err }, 'reminder run failed'));
      }, interval);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Never two runs at once: a slow run simply delays the next tick instead of sending a reminder twice. */
  runDue(): Promise<number> {
    this.running ??= this.fireDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** How many jobs are scheduled; for health and benchmarks. */
  size(): number {
    return this.jobs.size;
  }

  private async fireDue(): Promise<number> {
    const handler = this.handler;
    if (!handler) return 0;
    const now = this.o.clock.now();
    if (now.getTime() < this.earliest) return 0;
    const due: ReminderJob[] = [];
    let earliest = Number.POSITIVE_INFINITY;
    for (const j of this.jobs.values()) {
      const at = Date.parse(j.at);
      if (at <= now.getTime()) due.push(j);
      else earliest = Math.min(earliest, at);
    }
    this.earliest = earliest;
    due.sort((a, b) => a.at.localeCompare(b.at));
    let fired = 0;
    for (const job of due) {
      try {
        const next = await handler(job, now);
        if (next) await this.schedule(next);
        else await this.cancel(job.caseId, job.kind);
        fired++;
      } catch (err) {
        // A platform outage must not drop the reminder: try again later, keeping the series' count.
        this.o.logger.warn({ err, caseId: job.caseId, kind: job.kind }, 'reminder failed; retrying later');
        await this.schedule({ ...job, at: new Date(now.getTime() + RETRY_MS).toISOString() });
      }
    }
    return fired;
  }
}
