// The distributed scheduler: reminders as delayed BullMQ jobs on Redis, processed by a worker in every replica.
//
// BullMQ gives one worker per job at a time and re-queues a job whose worker died (stalled). What it cannot know is
// whether our side effect (the chat post) happened, so each due reminder also carries a record in the store:
// "sending" (a lease) while posting, then "sent" with the next job. A redelivered job that finds "sent" only makes
// sure the next one is scheduled; one that finds a live "sending" lease retries later.
import { type Job, Queue, Worker } from 'bullmq';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { within } from '../within.js';
import type { ReminderHandler, ReminderJob, ReminderKind, ReminderScheduler } from './scheduler.js';

export interface BullMqSchedulerOptions {
  redisUrl: string;
  store: Store;
  clock: Clock;
  logger: Logger;
  queueName?: string;
  /** Redis key prefix for BullMQ's own keys. */
  prefix?: string;
  concurrency?: number;
  /**
   * How long a worker holds a due job (BullMQ's lock, renewed while alive). A replica killed mid-job has its job
   * handed to another after about this long; stall checks run every half of it, the "sending" lease lasts twice it
   * and failed sends retry after it (doubling). Default 30 s; tests use a few seconds.
   */
  lockMs?: number;
}

const pointerKey = (caseId: string, kind: ReminderKind) => `sched:${kind}:${caseId}`;
const firedKey = (id: string) => `fired:${id}`;
const DEFAULT_LOCK_MS = 30_000;
const SENT_KEEP_MS = 7 * 24 * 3_600_000;

interface Fired {
  state: 'sending' | 'sent';
  next?: ReminderJob | null;
}

/**
 * Logs a connection outage once, a reminder every minute it lasts, and its end: BullMQ reports every reconnect
 * attempt (about one a second per connection), which filled the log with identical stack traces.
 */
export class OutageLog {
  private failures = 0;
  private lastLogged = 0;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly everyMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  failed(err: unknown): void {
    this.failures++;
    if (this.failures === 1) {
      this.lastLogged = this.now();
      this.logger.error({ err }, `${this.what} unreachable; retrying`);
    } else if (this.now() - this.lastLogged >= this.everyMs) {
      this.lastLogged = this.now();
      this.logger.warn({ err, attempts: this.failures }, `${this.what} still unreachable`);
    }
  }

  recovered(): void {
    if (this.failures > 0) this.logger.info({ attempts: this.failures }, `${this.what} reachable again`);
    this.failures = 0;
  }
}

/** BullMQ types its clients by the commands it uses; status and PING reach the ioredis client behind them. */
interface RedisStatus {
  status: string;
  ping(): Promise<string>;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** A lost or refused Redis connection, as opposed to the worker's other errors (a lost job lock, a script error). */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  return CONNECTION_CODES.has(String(e?.code)) || /Connection is closed/i.test(String(e?.message));
}

/** BullMQ job ids may not contain ':'; the due time is part of the id so a rescheduled job never collides. */
export function jobIdOf(job: ReminderJob): string {
  return `${job.kind}-${job.caseId}-${Date.parse(job.at)}`;
}

export function connectionOf(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // Required by BullMQ workers: blocking commands must not time out.
    maxRetriesPerRequest: null,
  };
}

export class BullMqScheduler implements ReminderScheduler {
  private readonly queue: Queue<ReminderJob>;
  private worker?: Worker<ReminderJob>;
  /** The ioredis clients behind BullMQ's adapter types, once connected (readiness reads their status). */
  private queueClient?: RedisStatus;
  private workerClient?: RedisStatus;
  private readonly name: string;
  private readonly lockMs: number;

  constructor(private readonly o: BullMqSchedulerOptions) {
    this.name = o.queueName ?? 'overname-reminders';
    this.lockMs = o.lockMs ?? DEFAULT_LOCK_MS;
    this.queue = new Queue<ReminderJob>(this.name, { connection: connectionOf(o.redisUrl), prefix: o.prefix });
    void this.queue.client.then(
      (c) => {
        this.queueClient = c as unknown as RedisStatus;
      },
      () => undefined,
    );
  }

  async schedule(job: ReminderJob): Promise<void> {
    const previous = await this.o.store.get<ReminderJob>(pointerKey(job.caseId, job.kind));
    await this.o.store.set(pointerKey(job.caseId, job.kind), job);
    const delay = Math.max(0, Date.parse(job.at) - this.o.clock.now().getTime());
    await this.queue.add('reminder', job, {
      jobId: jobIdOf(job),
      delay,
      attempts: 8,
      backoff: { type: 'exponential', delay: this.lockMs },
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
    // The pointer already makes the old job a no-op; removing it just keeps Redis tidy.
    if (previous && jobIdOf(previous) !== jobIdOf(job)) await this.removeQuietly(jobIdOf(previous));
  }

  async cancel(caseId: string, kind: ReminderKind): Promise<void> {
    const previous = await this.o.store.get<ReminderJob>(pointerKey(caseId, kind));
    await this.o.store.delete(pointerKey(caseId, kind));
    if (previous) await this.removeQuietly(jobIdOf(previous));
  }

  /**
   * Starts this replica's worker without waiting for Redis: a replica that boots while Redis is away serves
   * /healthz, reports not ready on /readyz, and begins processing once Redis answers (BullMQ reconnects by itself).
   */
  async start(handler: ReminderHandler): Promise<void> {
    this.worker = new Worker<ReminderJob>(this.name, (job) => this.process(job, handler), {
      connection: connectionOf(this.o.redisUrl),
      prefix: this.o.prefix,
      concurrency: this.o.concurrency ?? 4,
      // A replica killed mid-job has its job handed to another after this lock expires.
      lockDuration: this.lockMs,
      stalledInterval: Math.max(500, Math.round(this.lockMs / 2)),
    });
    this.worker.on('failed', (job, err) =>
      this.o.logger.warn({ err, jobId: job?.id }, 'reminder job failed; BullMQ retries'),
    );
    const outage = new OutageLog(this.o.logger, 'reminder queue: Redis');
    this.worker.on('error', (err) => {
      if (isConnectionError(err)) outage.failed(err);
      else this.o.logger.error({ err }, 'reminder worker error');
    });
    this.worker.on('ready', () => outage.recovered());
    void this.worker.client.then(
      (c) => {
        this.workerClient = c as unknown as RedisStatus;
      },
      () => undefined,
    );
  }

  /**
   * Closes gracefully within `graceMs`, else by force: BullMQ's close waits for Redis, and a connection that lost
   * Redis may never report the end it waits for. A job cut off here is taken over by another replica.
   */
  async stop(graceMs = 5000): Promise<void> {
    const closed = Promise.all([this.worker?.close(), this.queue.close()]).then(() => true);
    if (await within(closed, graceMs, false)) return;
    this.o.logger.warn('reminder queue did not close in time (Redis away?); closing by force');
    // Forcing does not wait for Redis either; what is left of it is not worth holding the shutdown for.
    await within(Promise.all([this.worker?.close(true), this.queue.disconnect()]), 1000, undefined);
  }

  /**
   * PING over the queue's own Redis connection, with the worker's connection up too: readiness reports the
   * connections reminders actually use. A connection that is not ready answers false at once: BullMQ's clients
   * retry forever, so a PING would wait for Redis.
   */
  async ping(timeoutMs = 1000): Promise<boolean> {
    // Each connection is awaited once, at start, not per probe: the promise stays pending while Redis is away.
    const queue = this.queueClient;
    const worker = this.workerClient;
    if (queue?.status !== 'ready' || (this.worker && worker?.status !== 'ready')) return false;
    return within(
      queue.ping().then(
        (pong) => pong === 'PONG',
        () => false,
      ),
      timeoutMs,
      false,
    );
  }

  /** Promotes delayed jobs that are due by this scheduler's clock (tests, the playground's demo clock) and waits. */
  async runDue(): Promise<number> {
    const now = this.o.clock.now().getTime();
    const delayed = await this.queue.getDelayed();
    const due = delayed.filter((j) => Date.parse(j.data.at) <= now);
    await Promise.all(due.map((j) => j.promote().catch(() => undefined)));
    const deadline = Date.now() + 15_000;
    const ids = new Set(due.map((j) => j.id!));
    while (ids.size > 0 && Date.now() < deadline) {
      for (const id of [...ids]) {
        const state = await this.queue.getJobState(id);
        if (state === 'completed' || state === 'failed' || state === 'unknown') ids.delete(id);
      }
      if (ids.size > 0) await new Promise((r) => setTimeout(r, 20));
    }
    return due.length;
  }

  private async process(bj: Job<ReminderJob>, handler: ReminderHandler): Promise<string> {
    const job = bj.data;
    const id = jobIdOf(job);
    const pointer = await this.o.store.get<ReminderJob>(pointerKey(job.caseId, job.kind));
    if (!pointer || jobIdOf(pointer) !== id) return 'superseded';
    if (!(await this.o.store.setIfAbsent<Fired>(firedKey(id), { state: 'sending' }, 2 * this.lockMs))) {
      const fired = await this.o.store.get<Fired>(firedKey(id));
      if (fired?.state === 'sent') {
        await this.follow(job, fired.next ?? null);
        return 'already sent';
      }
      throw new Error(`reminder ${id} is being sent by another worker`);
    }
    const next = await handler(job, this.o.clock.now());
    await this.o.store.set<Fired>(firedKey(id), { state: 'sent', next }, SENT_KEEP_MS);
    await this.follow(job, next);
    return 'sent';
  }

  private async follow(job: ReminderJob, next: ReminderJob | null): Promise<void> {
    if (next) return this.schedule(next);
    // Only end the series if nobody re-planned it meanwhile (e.g. a new approval round).
    const pointer = await this.o.store.get<ReminderJob>(pointerKey(job.caseId, job.kind));
    if (pointer && jobIdOf(pointer) === jobIdOf(job)) await this.o.store.delete(pointerKey(job.caseId, job.kind));
  }

  private async removeQuietly(jobId: string): Promise<void> {
    // An active job cannot be removed; it finds itself superseded when it runs.
    await this.queue.remove(jobId).catch(() => undefined);
  }
}
