// A case's history on Slack: the History button and `/overname geschiedenis <klant>` open a modal, Export sends a DM.
import type { HistoryAnswer } from '../../../src/dialog/history.js';
import type { UserRef } from '../../../src/domain/case.js';
import { messages } from '../../../src/i18n/messages.js';
import type { SlackDeps } from '../context.js';
import { toMrkdwn } from '../mrkdwn.js';
import { renderHistoryModal } from '../render-history.js';

export interface HistoryPress {
  action: 'history' | 'history_export';
  caseId: string;
  user: UserRef;
  language: 'nl' | 'en';
  triggerId: string;
  /** The modal the press came from (Export inside the history): updated with what happened. */
  viewId?: string;
  /** A private note to the presser: ephemeral in the channel, on top of the Home page; nowhere inside a modal. */
  note: (markup: string) => Promise<void>;
}

export async function historyPress(deps: SlackDeps, p: HistoryPress): Promise<void> {
  if (p.action === 'history') {
    const answer = await deps.engine.history.show(p.caseId, p.user, p.language);
    return showHistory(deps, answer, p.triggerId, p.note);
  }
  const answer = await deps.engine.history.export(p.caseId, p.user, p.language);
  let notice: string;
  if (answer.status === 'ok') {
    await deps.messenger.sendFile(p.user.id, {
      filename: answer.filename,
      content: answer.csv,
      comment: toMrkdwn(answer.comment),
    });
    notice = messages(answer.view.language).history.exportSent;
    if (p.viewId) return deps.messenger.updateModal(p.viewId, renderHistoryModal(answer.view, notice));
  } else notice = answer.message;
  await p.note(notice);
}

/** The history as a modal (a trigger lives 3 s: opened as soon as the view is read), or the note that says why not. */
export async function showHistory(
  deps: SlackDeps,
  answer: HistoryAnswer,
  triggerId: string,
  say: (markup: string) => Promise<unknown>,
): Promise<void> {
  if (answer.status !== 'shown') {
    await say(answer.message);
    return;
  }
  await deps.messenger.openModal(triggerId, renderHistoryModal(answer.view));
}
