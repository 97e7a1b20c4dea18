// Encodes a button as Slack action_id "<action>" or "<action>:<role|item|days>", and reads it back defensively.
import type { ButtonView } from '../../src/dialog/view.js';

export interface ParsedActionId {
  action: string;
  arg?: string;
}

const ACTION_ID = /^([a-z_]{1,40})(?::([A-Za-z0-9_]{1,60}))?$/;

export function actionIdOf(button: ButtonView): string {
  const arg = button.role ?? button.item;
  return arg ? `${button.action}:${arg}` : button.action;
}

/** Undefined for anything that is not a well-formed id; the caller answers "not understood" and changes nothing. */
export function parseActionId(actionId: unknown): ParsedActionId | undefined {
  if (typeof actionId !== 'string') return undefined;
  const m = ACTION_ID.exec(actionId);
  if (!m) return undefined;
  return m[2] ? { action: m[1]!, arg: m[2] } : { action: m[1]! };
}

/** The payload the engine validates: the suffix names the role, the checklist item or the snooze days. */
export function payloadOf(parsed: ParsedActionId): Record<string, unknown> {
  switch (parsed.action) {
    case 'approve':
    case 'reject':
    case 'new_link':
    case 'send_email':
      return { role: parsed.arg };
    case 'checklist_done':
    case 'checklist_na':
    case 'checklist_undo':
      return { item: parsed.arg };
    case 'snooze':
      return parsed.arg ? { days: parsed.arg } : {};
    default:
      return {};
  }
}
