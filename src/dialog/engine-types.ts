// The dialog engine's options and the shapes of its start-form results, apart from the engine to keep it readable.
import type { AnswerEngine } from '../answers/types.js';
import type { Clock } from '../clock.js';
import type { Platform, UserRef } from '../domain/case.js';
import type { FormValues } from '../domain/case-input.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { ReminderPolicyOptions } from '../reminders/policy.js';
import type { ReminderScheduler } from '../reminders/scheduler.js';
import type { Store } from '../store/store.js';
import type { ActionOutcome, InboundAction } from './inbound.js';
import type { FormView } from './view.js';

export interface EngineOptions {
  store: Store;
  answers: AnswerEngine;
  clock: Clock;
  scheduler: ReminderScheduler;
  logger: Logger;
  reminders: ReminderPolicyOptions;
  metrics?: Metrics;
  /** How long start() waits for the crash repair, and stop() for renders under way, before going on (10 s each). */
  waitMs?: { repair?: number; renders?: number };
  /** How often case messages left stale (a dead replica, a failed render) are looked for; 0 = never (tests). */
  sweepMs?: number;
  /** Who besides the people in a case may see its history (AUDIT_ADMINS), and PUBLIC_URL for download links. */
  audit?: { admins: { platform: Platform; id: string }[]; publicUrl?: string };
  /** Whether roles may be people outside the workspace (PUBLIC_URL is set): the start form offers it. */
  externalApprovers?: boolean;
  /** Runs once a new case's message is posted (sends outside approvers' links to the requester); failures logged. */
  onCaseCreated?: (caseId: string) => Promise<void>;
  /** Whether the case message offers to e-mail an outside approver their link (SMTP_URL is set). */
  emailLinks?: boolean;
  /** Answers "new link" and "send by e-mail" (approval links live outside the case rules); else not understood. */
  onLinkAction?: (action: InboundAction) => Promise<ActionOutcome>;
}

export interface StartSubmission {
  platform: Platform;
  workspace: string;
  conversation: string;
  user: UserRef;
  locale?: string;
  values: FormValues;
  /** Display names of the chosen people, resolved by the adapter (user id → name). */
  names?: Record<string, string | undefined>;
  /** False when the conversation has no threads (a Teams chat): follow-ups are then the next messages. */
  threads?: boolean;
  /**
   * Identifies this submission of this form (Slack: the view and its values; Teams: the rendered form): a replay or
   * double submit with the same key creates no second case.
   */
  key?: string;
}

export type StartFormResult = { form: FormView } | { refusal: string };

export type StartResult =
  /** `withdrawn`: the case message could not be posted in the conversation, so the case was withdrawn at once. */
  | { ok: true; caseId: string; withdrawn: boolean; duplicate?: Duplicate }
  | { ok: false; errors: Record<string, string>; form: FormView };

/** A submission seen before: its case is still being created ('pending', no id yet) or exists ('done'). */
export type Duplicate = 'pending' | 'done';

/** A valid submission once its case is stored: the message is posted after, and says whether it was withdrawn. */
export type StoredStart =
  | { ok: true; caseId: string; duplicate?: Duplicate; posted: Promise<boolean> }
  | { ok: false; errors: Record<string, string>; form: FormView };
