// Renders the core's history view as a Slack modal: one section per fact, within Block Kit's 100 blocks. Pure.
import type { types } from '@slack/bolt';
import type { HistoryEntryView, HistoryView } from '../../src/dialog/history-views.js';
import { toPlainText } from '../../src/dialog/markup.js';
import { messages } from '../../src/i18n/messages.js';
import { actionIdOf } from './action-id.js';
import { SLACK_LIMITS as L } from './limits.js';
import { escapeMrkdwn, toMrkdwn } from './mrkdwn.js';
import { slackTexts } from './texts.js';
import { truncateMrkdwn, truncatePlain } from './truncate.js';

type Block = types.KnownBlock;

/** The modal's callback id: a press inside it (Export) is known by its container, not by this. */
export const HISTORY_CALLBACK = 'history';

export function renderHistoryModal(view: HistoryView, notice?: string): types.ModalView {
  const t = slackTexts(view.language);
  const head: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncatePlain(toPlainText(view.title), L.headerText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncateMrkdwn(toMrkdwn(view.summary), L.contextText) }] },
  ];
  if (notice) head.push(section(`:white_check_mark: ${toMrkdwn(notice)}`));
  if (view.note) head.push(section(toMrkdwn(view.note)));
  const buttons: types.Button[] = view.buttons.map((b) => ({
    type: 'button',
    action_id: actionIdOf(b),
    text: { type: 'plain_text', text: truncatePlain(b.label, L.buttonText) },
    ...(b.caseId ? { value: b.caseId } : {}),
    ...(b.style ? { style: b.style } : {}),
  }));
  if (buttons.length > 0) head.push({ type: 'actions', elements: buttons });
  head.push({ type: 'divider' });
  // What is left of the 100 blocks goes to the facts; one stays free to say how many more the export holds.
  const room = L.modalBlocks - head.length - 1;
  const shown = view.entries.length <= room + 1 ? view.entries : view.entries.slice(0, room);
  const blocks = [...head, ...shown.map((e) => section(entryText(e, view)))];
  const hidden = view.entries.length - shown.length;
  if (hidden > 0) blocks.push(section(toMrkdwn(moreText(view, hidden))));
  return {
    type: 'modal',
    callback_id: HISTORY_CALLBACK,
    title: { type: 'plain_text', text: truncatePlain(toPlainText(historyTitle(view)), L.modalTitle) },
    close: { type: 'plain_text', text: truncatePlain(t.close, L.modalClose) },
    private_metadata: view.caseId,
    blocks,
  };
}

function historyTitle(view: HistoryView): string {
  return messages(view.language).history.modalTitle;
}

function moreText(view: HistoryView, hidden: number): string {
  return messages(view.language).history.more(hidden);
}

/** One fact: what in bold, then who and where, when in the firm's zone and in UTC, the round and the reason. */
function entryText(e: HistoryEntryView, view: HistoryView): string {
  const l = view.labels;
  const lines = [
    `*${toMrkdwn(e.what)}*`,
    `${escapeMrkdwn(l.by)}: ${toMrkdwn(e.who)} · ${escapeMrkdwn(e.platform)}`,
    `${escapeMrkdwn(l.at)}: ${escapeMrkdwn(e.local)} · ${escapeMrkdwn(e.utc)}`,
  ];
  if (e.round !== undefined) lines.push(`${escapeMrkdwn(l.round)}: ${e.round}`);
  if (e.reason) lines.push(`${escapeMrkdwn(l.reason)}: ${toMrkdwn(e.reason)}`);
  return truncateMrkdwn(lines.join('\n'), L.sectionText);
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
