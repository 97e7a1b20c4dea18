// The daily retention run with Redis: one BullMQ job scheduler for all replicas, so exactly one of them runs each day.
import { Queue, Worker } from 'bullmq';
import type { Logger } from '../log.js';
import { connectionOf, isConnectionError, OutageLog } from '../reminders/bullmq-scheduler.js';
import { within } from '../within.js';
import type { DailyRetention } from './daily.js';
import type { Retention } from './retention.js';

/** Every replica upserts the same scheduler id: Redis keeps one, however many replicas start. */
export const RETENTION_SCHEDULER_ID = 'retention-daily';
/** 03:30 in TIMEZONE: the quiet hour, after the night and before the first reminders at 09:00. */
export const RETENTION_PATTERN = '30 3 * * *';

export interface BullMqDailyOptions {
  redisUrl: string;
  retention: Retention;
  logger: Logger;
  timeZone: string;
  queueName: string;
  /** Redis key prefix for BullMQ's own keys. */
  prefix?: string;
}

export class BullMqDailyRetention implements DailyRetention {
  readonly queue: Queue;
  private worker?: Worker;
  /** Resolves once the job scheduler is in Redis (true), or failed to get there (false). */
  registered: Promise<boolean> = Promise.resolve(false);

  constructor(private readonly o: BullMqDailyOptions) {
    this.queue = new Queue(o.queueName, { connection: connectionOf(o.redisUrl), prefix: o.prefix });
  }

  /** Registers the schedule and this replica's worker without waiting for Redis, as the reminder queue does. */
  async start(): Promise<void> {
    this.registered = this.queue
      .upsertJobScheduler(
        RETENTION_SCHEDULER_ID,
        { pattern: RETENTION_PATTERN, tz: this.o.timeZone },
        { name: 'retention', opts: { removeOnComplete: 30, removeOnFail: 30 } },
      )
      .then(
        () => true,
        (err) => {
          this.o.logger.warn({ err }, 'retention: could not register the daily job');
          return false;
        },
      );
    this.worker = new Worker(this.o.queueName, async () => this.o.retention.run(), {
      connection: connectionOf(this.o.redisUrl),
      prefix: this.o.prefix,
      // One run at a time; BullMQ renews the lock while the run lasts, so a long run is not handed to another replica.
      concurrency: 1,
    });
    this.worker.on('failed', (job, err) => this.o.logger.error({ err, jobId: job?.id }, 'retention run failed'));
    const outage = new OutageLog(this.o.logger, 'retention queue: Redis');
    this.worker.on('error', (err) => {
      if (isConnectionError(err)) outage.failed(err);
      else this.o.logger.error({ err }, 'retention worker error');
    });
    this.worker.on('ready', () => outage.recovered());
    // The queue's own connection reports the same outage; unheard, its errors would go to stderr as stack traces.
    this.queue.on('error', (err) => {
      if (isConnectionError(err)) outage.failed(err);
      else this.o.logger.error({ err }, 'retention queue error');
    });
  }

  /** Closes within a grace period, else by force: a run cut off is finished by the next one. */
  async stop(graceMs = 5000): Promise<void> {
    const closed = Promise.all([this.worker?.close(), this.queue.close()]).then(() => true);
    if (await within(closed, graceMs, false)) return;
    await within(Promise.all([this.worker?.close(true), this.queue.disconnect()]), 1000, undefined);
  }
}
