// What the person who pressed a button is told: the change recorded, or why nothing was changed.
import type { CaseFact } from '../domain/case.js';
import type { Messages } from '../i18n/messages.js';

/** `threads`: whether the case's conversation has threads, which decides where the checklist is said to be. */
export function doneNotice(f: CaseFact, m: Messages, threads: boolean): string {
  switch (f.type) {
    case 'decision':
      return f.decision === 'approved'
        ? m.notices.approved(m.roleInText[f.role])
        : m.notices.rejected(m.roleInText[f.role]);
    case 'transferConfirmed':
      return m.notices.transferred(threads);
    case 'roundStarted':
      return m.notices.rerequested;
    case 'cancelled':
      return m.notices.cancelled;
    default:
      return m.notices.itemDone;
  }
}

/** Why a press by someone else than the named person changed nothing. */
export function refusal(action: string, names: string, m: Messages): string {
  if (action === 'confirm_transfer') return m.refused.onlyNewAdmin(names);
  if (action === 'rerequest') return m.refused.onlyRequester(names);
  return m.refused.onlyParticipants;
}
