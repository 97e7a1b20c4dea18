// When reminders are due: working days and hours in the firm's time zone, via croner so DST is handled for us.
import { Cron } from 'croner';

export interface ReminderPolicyOptions {
  timeZone: string;
  /** Hours after the request before the first approval reminder. */
  approvalHours: number;
  /** Cron for checklist reminders and for "the next working moment", e.g. "0 9 * * 1-5". */
  cron: string;
  /** Working hours as [startHour, endHour): an approval reminder falling outside waits for the next cron slot. */
  workingHours: [number, number];
  /** After this many approval reminders in a round, the requester is told too. */
  escalateAfter: number;
}

const HOUR = 3_600_000;

export class ReminderPolicy {
  private readonly cron: Cron;
  private readonly parts: Intl.DateTimeFormat;

  constructor(readonly options: ReminderPolicyOptions) {
    this.cron = new Cron(options.cron, { timezone: options.timeZone, paused: true });
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone: options.timeZone,
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
    });
  }

  /** The first cron slot strictly after `after`. */
  nextSlot(after: Date): Date {
    const next = this.cron.nextRun(after);
    if (!next) throw new Error(`cron "${this.options.cron}" has no next run after ${after.toISOString()}`);
    return next;
  }

  /** `at` itself when it falls in working hours on a working day, else the next working slot. */
  workingTimeFrom(at: Date): Date {
    const p = Object.fromEntries(this.parts.formatToParts(at).map((x) => [x.type, x.value]));
    const hour = Number(p.hour);
    const weekend = p.weekday === 'Sat' || p.weekday === 'Sun';
    const [start, end] = this.options.workingHours;
    if (!weekend && hour >= start && hour < end) return at;
    return this.nextSlot(at);
  }

  firstApprovalReminder(requestedAt: Date): Date {
    return this.workingTimeFrom(new Date(requestedAt.getTime() + this.options.approvalHours * HOUR));
  }

  /** Daily after the previous one; "now" rather than the missed due time, so a backlog fires once, not per day. */
  nextApprovalReminder(now: Date): Date {
    return this.workingTimeFrom(new Date(now.getTime() + 24 * HOUR));
  }

  nextChecklistReminder(now: Date): Date {
    return this.nextSlot(now);
  }
}
