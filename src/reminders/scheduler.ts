// The reminder scheduler contract; in-process here, a distributed (Redis/BullMQ) one can replace it unchanged.
export type ReminderKind = 'approvals' | 'checklist';

export interface ReminderJob {
  caseId: string;
  kind: ReminderKind;
  /** ISO time the reminder is due. */
  at: string;
  /** Reminders already sent in this series (approval round or checklist). */
  count: number;
  /** Approval round the series belongs to. */
  round?: number;
}

/** Sends the reminder (or decides none is needed) and says when the next one is due; null ends the series. */
export type ReminderHandler = (job: ReminderJob, now: Date) => Promise<ReminderJob | null>;

export interface ReminderScheduler {
  /** Stores the job, replacing any job of the same case and kind. */
  schedule(job: ReminderJob): Promise<void>;
  cancel(caseId: string, kind: ReminderKind): Promise<void>;
  /** Loads persisted jobs and begins firing them; overdue jobs fire once. */
  start(handler: ReminderHandler): Promise<void>;
  stop(): Promise<void>;
  /** Fires every job due at the scheduler's clock now; returns how many fired. */
  runDue(): Promise<number>;
  /**
   * Whether the service the scheduler runs on answers, over the scheduler's own connection (readiness). Absent
   * when there is none: the in-process scheduler lives in the store.
   */
  ping?(): Promise<boolean>;
}
