// Platform-neutral views the core returns; adapters render them as Block Kit or Adaptive Cards, never the core.
import type { Language } from '../answers/types.js';
import type { ChecklistItem, Platform, Role, UserRef } from '../domain/case.js';

/** Every action a button can carry; the same names are used as Slack action ids and Teams verbs. */
export const ACTIONS = [
  'approve',
  'reject',
  'confirm_transfer',
  'checklist_done',
  'checklist_na',
  'checklist_undo',
  'rerequest',
  'cancel',
  'snooze',
  'start',
  /** Shows the case's history to whoever presses, if they are in the case (dialog/history.ts). */
  'history',
  'history_export',
  /** The requester asks for a new approval link for an outside approver (the old link dies). */
  'new_link',
  /** The requester has the assistant e-mail an outside approver their current link (SMTP_URL set). */
  'send_email',
] as const;
export type ActionName = (typeof ACTIONS)[number];
/** Actions about approval links, answered outside the case rules. */
export const LINK_ACTIONS: ReadonlySet<string> = new Set<ActionName>(['new_link', 'send_email']);

export interface ButtonView {
  action: ActionName;
  label: string;
  style?: 'primary' | 'danger';
  caseId?: string;
  role?: Role;
  item?: ChecklistItem;
  /** Who may press it; absent means anyone in the conversation. Renderers may hide it from others. */
  allowedUsers?: UserRef[];
}

export interface FactView {
  label: string;
  /** Markup (see markup.ts). */
  value: string;
}

export interface SectionView {
  /** Markup. */
  text: string;
  buttons?: ButtonView[];
  /** The case this part is about (a status line): a renderer may offer to show that case's message right here. */
  caseId?: string;
}

export interface CardView {
  kind: 'card';
  /** The language the card is written in; renderers use it for their own words around it. */
  language: Language;
  /** What the card shows, so adapters can keep one message per case part up to date. */
  purpose: 'case' | 'checklist' | 'answer' | 'status' | 'help' | 'notice' | 'mine';
  caseId?: string;
  /**
   * Markup without formatting: user text in it is escaped, so renderers show it through toPlainText(). Absent for
   * answer cards, whose first section speaks for itself.
   */
  title?: string;
  /** Markup shown under the title. */
  subtitle?: string;
  facts: FactView[];
  sections: SectionView[];
  buttons: ButtonView[];
  /** Markup in small print: citations, audit hints. */
  footer?: string;
  /** Users who may act on this card right now; Teams uses it for refresh.userIds (user-specific views). */
  actors: UserRef[];
}

export interface TextView {
  kind: 'text';
  /** Markup. */
  text: string;
}

export type InputKind = 'text' | 'multiline' | 'user' | 'choice' | 'multiChoice';

export interface InputView {
  id: string;
  kind: InputKind;
  label: string;
  required: boolean;
  placeholder?: string;
  hint?: string;
  maxLength?: number;
  options?: { value: string; label: string }[];
  /** Initial value: user id for 'user', option values joined by ',' for 'multiChoice'. */
  value?: string;
}

export interface FormView {
  kind: 'form';
  /** The language the form is written in (its errors and the platform's own labels follow it). */
  language: Language;
  form: 'startCase' | 'rejectReason';
  title: string;
  /** Markup above the inputs: what the form is about. */
  intro?: string;
  submitLabel: string;
  inputs: InputView[];
  /** Carried back unchanged on submit (case id, role). */
  context: Record<string, string>;
  /** Input id → message, from a rejected submission. */
  errors?: Record<string, string>;
}

export type TakeoverGroupId = 'waiting' | 'requested' | 'recent';

export interface TakeoverGroup {
  id: TakeoverGroupId;
  /** Plain words (no user text). */
  title: string;
  /** One entry per case: its first section names the case; further ones carry the buttons for this person. */
  entries: SectionView[][];
  /** Cases left out past the cap. */
  more: number;
  /** Markup: what the list says when empty. */
  empty: string;
}

/** "My takeovers" (src/dialog/my-takeovers.ts): Slack shows it as the Home tab, chats as a card. */
export interface TakeoversView {
  kind: 'takeovers';
  language: 'nl' | 'en';
  user: UserRef;
  title: string;
  /** Markup under the title. */
  intro: string;
  /** Feedback for a press made on this view (a refusal, a stale button): shown on top. */
  notice?: string;
  groups: TakeoverGroup[];
}

export type View = TextView | CardView | FormView;

/** Where a view is sent; `thread` is the platform's thread or reply-chain id, when the message belongs to one. */
export interface Target {
  platform: Platform;
  workspace: string;
  conversation: string;
  thread?: string;
}

/** A platform adapter's way to send: the core calls it for case messages, checklists and reminders. */
export interface Messenger {
  readonly platform: Platform;
  post(target: Target, view: View): Promise<{ messageId: string }>;
  update(target: Target, messageId: string, view: View): Promise<void>;
  /**
   * A link people can open to a message the adapter posted (Slack permalink, Teams deep link), or undefined when
   * there is none or looking it up failed (the adapter logs one warn line): the status list shows the case without.
   */
  link?(target: Target, messageId: string): Promise<string | undefined>;
  /** Shows a person their "my takeovers" page where the platform has one (Slack's Home tab, views.publish). */
  publishHome?(user: UserRef, view: TakeoversView): Promise<void>;
  /**
   * A message only `user` sees, near the conversation (Slack: ephemeral in it and a direct message). For what must
   * not be shown to everyone, such as an outside approver's link. Absent where the platform has no such message.
   */
  tellPrivately?(target: Target, user: UserRef, view: View): Promise<void>;
}

/** Thrown by a Messenger when the platform says the bot may no longer post there (removed, archived). */
export class ConversationGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConversationGoneError';
  }
}

/** Thrown by Messenger.update when the message itself is gone (deleted by someone): the core posts it anew. */
export class MessageGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageGoneError';
  }
}
