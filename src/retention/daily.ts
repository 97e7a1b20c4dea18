// The daily retention run without Redis: a timer in this process, one run per calendar day claimed in the store.
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { Retention } from './retention.js';

/** How the app starts and stops the daily run, in-process or as a BullMQ job scheduler. */
export interface DailyRetention {
  start(): Promise<void>;
  stop(): Promise<void>;
}

const HOUR = 3_600_000;
/** Long enough that the day's claim outlives the day in every time zone, short enough not to pile up. */
const CLAIM_MS = 3 * 24 * HOUR;

/** The calendar day of `at` in the time zone, as YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export interface InProcessDailyOptions {
  retention: Retention;
  store: Store;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  /** How often the timer looks whether today's run is still to do (default hourly); 0 disables the timer. */
  intervalMs?: number;
}

/**
 * Looks every hour whether today (in TIMEZONE, by the clock) has had its run, and runs it when not. The claim is an
 * atomic insert in the store: a restart the same day does not run again, and replicas sharing a PostgreSQL store
 * without Redis run it once between them. A run cut off by a crash is not repeated that day; the next day's run
 * finishes it (see Retention's marker).
 */
export class InProcessDailyRetention implements DailyRetention {
  private timer?: NodeJS.Timeout;
  private current?: Promise<boolean>;

  constructor(private readonly o: InProcessDailyOptions) {}

  async start(): Promise<void> {
    const interval = this.o.intervalMs ?? HOUR;
    if (interval <= 0) return;
    this.timer = setInterval(() => void this.tick(), interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /** Runs today's retention unless it ran (or runs) already; true when this call ran it. */
  tick(): Promise<boolean> {
    this.current ??= this.claimAndRun().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  /** The tick under way, if any (tests wait for the timer's run). */
  idle(): Promise<unknown> {
    return this.current ?? Promise.resolve();
  }

  private async claimAndRun(): Promise<boolean> {
    try {
      const day = localDay(this.o.clock.now(), this.o.timeZone);
      if (!(await this.o.store.setIfAbsent(`retention:day:${day}`, true, CLAIM_MS))) return false;
      await this.o.retention.run();
      return true;
    } catch (err) {
      this.o.logger.error({ err }, 'retention run failed; the next day tries again');
      return false;
    }
  }
}
