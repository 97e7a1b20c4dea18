// What adapters hand the core: a normalized message, a button press, a submitted form; and what the core answers.
import { z } from 'zod';
import { CHECKLIST_ITEMS, type Platform, ROLES, type UserRef } from '../domain/case.js';
import type { HistoryAnswer } from './history.js';
import type { View } from './view.js';

export interface InboundMessage {
  platform: Platform;
  /** Slack team id, Teams tenant id. */
  workspace: string;
  conversation: string;
  /** Thread root, when the message is inside a thread. */
  thread?: string;
  user: UserRef;
  text: string;
  /** The platform's locale for the user, e.g. "en-US"; the message text decides first. */
  locale?: string;
  /** A direct message with the bot (Slack DM, Teams personal chat): cases cannot be started for a channel there. */
  direct?: boolean;
}

export interface InboundAction {
  platform: Platform;
  user: UserRef;
  caseId: string;
  action: string;
  payload: Record<string, unknown>;
  locale?: string;
  /**
   * Answer as soon as the change is stored; the case messages follow in the background (`rendered`). For adapters
   * that acknowledge a press once it is stored (Slack), or whose answer is itself the updated card (Teams invokes).
   */
  answerBeforeRender?: boolean;
}

/** Validates the action's name and payload; adapters pass whatever arrived and get a clear error back. */
export const actionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), role: z.enum(ROLES) }),
  z.object({ action: z.literal('reject'), role: z.enum(ROLES), reason: z.string().trim().min(1).max(1000).optional() }),
  z.object({ action: z.literal('confirm_transfer') }),
  z.object({ action: z.literal('checklist_done'), item: z.enum(CHECKLIST_ITEMS) }),
  z.object({ action: z.literal('checklist_na'), item: z.enum(CHECKLIST_ITEMS) }),
  z.object({ action: z.literal('checklist_undo'), item: z.enum(CHECKLIST_ITEMS) }),
  z.object({ action: z.literal('rerequest') }),
  z.object({ action: z.literal('cancel'), reason: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('snooze'), days: z.coerce.number().int().min(1).max(30).default(7) }),
]);
export type ParsedAction = z.infer<typeof actionSchema>;

export type ActionStatus =
  /** The action changed the case. */
  | 'done'
  /** Already so (double click, retry): nothing changed, the message is re-rendered. */
  | 'unchanged'
  /** Not this user's button: nothing changed; `message` explains who may press it. */
  | 'refused'
  /** The case is past the point where this action applies (stale message): nothing changed, re-rendered. */
  | 'stale'
  /** Malformed action or unknown case: nothing changed. */
  | 'invalid'
  /** A reject without reason: the adapter must ask for one (`form`). */
  | 'needsInput';

export interface ActionOutcome {
  status: ActionStatus;
  /** Markup for the person who pressed (ephemeral on Slack, a toast or card text on Teams). */
  message?: string;
  /** The form to show, for needsInput. */
  form?: View;
  /** The render of the case messages after this action, when the caller asked not to wait for it. */
  rendered?: Promise<boolean>;
}

export interface Reply {
  views: View[];
  /** The user asked to start a takeover: adapters that can open a form (Slack modal) do so with this. */
  openForm?: View;
  /** The user asked for a case's history ("geschiedenis <klant>"): for the asker only, never for the conversation. */
  history?: HistoryAnswer;
}
