// Renders the core's views as Slack messages: Block Kit blocks plus the text fallback. Pure, for reuse anywhere.
import type { types } from '@slack/bolt';
import { toPlainText } from '../../src/dialog/markup.js';
import type { ButtonView, CardView, FactView, FormView, View } from '../../src/dialog/view.js';
import { messages } from '../../src/i18n/messages.js';
import { actionIdOf } from './action-id.js';
import { SLACK_LIMITS as L } from './limits.js';
import { escapeMrkdwn, toMrkdwn, toSafePlain } from './mrkdwn.js';
import { ELLIPSIS, splitMrkdwn, truncateMrkdwn, truncatePlain } from './truncate.js';

type Block = types.KnownBlock;

export interface SlackMessage {
  /** Shown in notifications and by clients that cannot show blocks. */
  text: string;
  blocks: Block[];
}

/** One core section may need several Slack sections; beyond this many it is cut (an answer is never this long). */
const MAX_CHUNKS_PER_SECTION = 10;

export function renderMessage(view: View): SlackMessage {
  switch (view.kind) {
    case 'card':
      return renderCard(view);
    case 'text':
      return {
        text: fallback(view.text),
        blocks: textBlocks(toMrkdwn(view.text), L.messageBlocks),
      };
    case 'form':
      return renderFormPrompt(view);
  }
}

function renderCard(card: CardView): SlackMessage {
  const head: Block[] = [];
  const title = card.title ? truncatePlain(toPlainText(card.title).trim(), L.headerText) : '';
  if (title) head.push({ type: 'header', text: { type: 'plain_text', text: title, emoji: true } });
  if (card.subtitle) head.push(...textBlocks(toMrkdwn(card.subtitle), 1));
  head.push(...factBlocks(card.facts));
  const tail: Block[] = [...actionBlocks(card.buttons)];
  if (card.footer) {
    tail.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncateMrkdwn(toMrkdwn(card.footer), L.contextText) }],
    });
  }
  // Sections get what is left of the 50 blocks; one block stays free for a "… (+n)" line when some do not fit.
  const budget = L.messageBlocks - head.length - tail.length - 1;
  const body: Block[] = [];
  let shown = 0;
  for (const section of card.sections) {
    const buttons = actionBlocks(section.buttons ?? []);
    const room = budget - body.length - buttons.length;
    const text = toMrkdwn(section.text);
    // A long first section is cut to fit rather than dropped; later ones are dropped whole.
    if (room < 1 || (shown > 0 && splitMrkdwn(text, L.sectionText).length > room)) break;
    body.push(...textBlocks(text, Math.min(room, MAX_CHUNKS_PER_SECTION)), ...buttons);
    shown++;
  }
  if (shown < card.sections.length) body.push(mrkdwnSection(`${ELLIPSIS} (+${card.sections.length - shown})`));
  const summary = card.title
    ? [card.title, card.facts[0]?.value].filter(Boolean).join(' — ')
    : (card.sections[0]?.text ?? '');
  return { text: fallback(summary || '…'), blocks: [...head, ...body, ...tail].slice(0, L.messageBlocks) };
}

/** A form cannot live in a message (an event has no trigger to open a modal): offer the button that opens it. */
function renderFormPrompt(form: FormView): SlackMessage {
  const m = messages(form.language);
  if (form.form !== 'startCase') return { text: fallback(form.title), blocks: [mrkdwnSection(toMrkdwn(form.title))] };
  return {
    text: fallback(m.startPrompt),
    blocks: [
      mrkdwnSection(toMrkdwn(m.startPrompt)),
      { type: 'actions', elements: [button({ action: 'start', label: m.buttons.start, style: 'primary' })] },
    ],
  };
}

function factBlocks(facts: FactView[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < facts.length && blocks.length < 5; i += L.sectionFields) {
    blocks.push({
      type: 'section',
      fields: facts.slice(i, i + L.sectionFields).map((f) => ({
        type: 'mrkdwn',
        text: truncateMrkdwn(`*${escapeMrkdwn(f.label)}*\n${toMrkdwn(f.value) || ELLIPSIS}`, L.fieldText),
      })),
    });
  }
  return blocks;
}

/** Long text becomes several sections (nothing lost) up to maxBlocks; the last one is cut with "…" beyond that. */
function textBlocks(mrkdwn: string, maxBlocks: number): Block[] {
  const chunks = splitMrkdwn(mrkdwn, L.sectionText);
  if (chunks.length > maxBlocks) {
    chunks.length = Math.max(1, maxBlocks);
    const last = chunks.length - 1;
    chunks[last] = truncateMrkdwn(`${chunks[last]!}${ELLIPSIS}`, L.sectionText);
  }
  return chunks.map(mrkdwnSection);
}

function mrkdwnSection(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: text.trim() ? text : ELLIPSIS } };
}

export function actionBlocks(buttons: ButtonView[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < buttons.length; i += L.actionsElements) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + L.actionsElements).map(button) });
  }
  return blocks;
}

function button(b: ButtonView): types.Button {
  const el: types.Button = {
    type: 'button',
    action_id: actionIdOf(b),
    text: { type: 'plain_text', text: truncatePlain(b.label, L.buttonText), emoji: true },
  };
  // The case id is never cut: a shortened id would point nowhere; ids are 12 characters (case-service.ts).
  if (b.caseId) el.value = b.caseId;
  if (b.style) el.style = b.style;
  return el;
}

function fallback(markup: string): string {
  return truncateMrkdwn(toSafePlain(markup).trim() || ELLIPSIS, L.messageText);
}
