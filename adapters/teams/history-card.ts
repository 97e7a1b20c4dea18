// Renders the core's history view as Adaptive Cards: the history (one part per fact), the export as a download link
// or a table, and the prompt a typed "geschiedenis <klant>" gets in a shared conversation.
import type { HistoryEntryView, HistoryView } from '../../src/dialog/history-views.js';
import { escapeMarkup } from '../../src/dialog/markup.js';
import { messages } from '../../src/i18n/messages.js';
import {
  type AdaptiveCardJson,
  CARD_SCHEMA,
  CARD_VERSION,
  compact,
  type Json,
  msteamsProperty,
  REFRESH_VERB,
  subtle,
  textBlock,
} from './cards.js';
import { escapeText, Mentions, renderMarkdown } from './markdown.js';

export const HISTORY_VERB = 'history';
export const EXPORT_VERB = 'history_export';
/** A typed command's answer card asks with this (refresh for the asker, or a press): data `{ q }`, the client. */
export const FIND_VERB = 'history_find';
/** Teams shows cards up to about 28 KB; a long history shows its first facts and points to the export. */
const MAX_ENTRIES = 40;

export interface HistoryCardOptions {
  notice?: { text: string; tone: 'good' | 'attention' };
  /** A signed download link for the export (PUBLIC_URL). */
  download?: string;
  /** The export as a table, for a service without PUBLIC_URL. */
  table?: boolean;
}

export function renderHistoryCard(view: HistoryView, o: HistoryCardOptions = {}): AdaptiveCardJson {
  const h = messages(view.language).history;
  const mentions = new Mentions();
  const md = (markup: string) => renderMarkdown(markup, 'card', mentions);
  const body: Json[] = [textBlock(md(view.title), { weight: 'Bolder', size: 'Medium', style: 'heading' })];
  body.push(textBlock(md(view.summary), { spacing: 'Small', isSubtle: true }));
  if (o.notice) body.push({ type: 'Container', style: o.notice.tone, items: [textBlock(md(o.notice.text))] });
  if (view.note) body.push(textBlock(md(view.note)));
  if (o.table) body.push(table(view));
  else {
    for (const e of view.entries.slice(0, MAX_ENTRIES)) body.push(entry(e, view, md));
    const hidden = view.entries.length - MAX_ENTRIES;
    if (hidden > 0) body.push(textBlock(md(h.more(hidden)), subtle));
  }
  const actions: Json[] = [];
  if (o.download) actions.push({ type: 'Action.OpenUrl', title: h.download, url: o.download, style: 'positive' });
  for (const b of view.buttons)
    actions.push({ type: 'Action.Execute', verb: b.action, title: b.label, data: compact({ caseId: b.caseId }) });
  actions.push({
    type: 'Action.Execute',
    verb: REFRESH_VERB,
    title: h.back,
    data: { caseId: view.caseId, card: 'case' },
  });
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    actions,
    msteams: msteamsProperty(mentions),
  };
}

function entry(e: HistoryEntryView, view: HistoryView, md: (markup: string) => string): Json {
  const l = view.labels;
  const plain = (s: string) => escapeText(s, 'card');
  const facts = [
    { title: l.by, value: `${renderMarkdown(e.who, 'card')} · ${plain(e.platform)}` },
    { title: l.at, value: `${plain(e.local)} · ${plain(e.utc)}` },
    ...(e.round !== undefined ? [{ title: l.round, value: String(e.round) }] : []),
    ...(e.reason ? [{ title: l.reason, value: renderMarkdown(e.reason, 'card') }] : []),
  ];
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [textBlock(md(`**${e.what}**`)), { type: 'FactSet', facts }],
  };
}

/** The export without a link: every fact as a row (Adaptive Cards 1.5 tables). */
function table(view: HistoryView): Json {
  const l = view.labels;
  // An empty cell shows a dash: an empty TextBlock is invalid, and a cell needs an item.
  const cell = (text: string) => ({ type: 'TableCell', items: [textBlock(text || '–', { size: 'Small' })] });
  const header = [l.at, 'UTC', l.fact, l.by, l.platform, l.round, l.reason].map((t) => escapeText(t, 'card'));
  const rows = view.entries.slice(0, MAX_ENTRIES).map((e) => ({
    type: 'TableRow',
    cells: [
      escapeText(e.local, 'card'),
      escapeText(e.utc, 'card'),
      renderMarkdown(e.what, 'card'),
      renderMarkdown(e.who, 'card'),
      escapeText(e.platform, 'card'),
      e.round === undefined ? '' : String(e.round),
      e.reason ? renderMarkdown(e.reason, 'card') : '',
    ].map(cell),
  }));
  return {
    type: 'Table',
    gridStyle: 'accent',
    columns: [2, 2, 3, 2, 1, 1, 3].map((width) => ({ width })),
    rows: [{ type: 'TableRow', style: 'accent', cells: header.map(cell) }, ...rows],
  };
}

/**
 * The answer to a typed "geschiedenis <klant>" in a channel or group chat, which everyone there sees: it holds no
 * history, only who asked. The asker's client refreshes it into their own copy (the history, or why not); anyone
 * else who presses the button gets the history only if they are in the case themselves.
 */
export function renderHistoryPrompt(
  language: 'nl' | 'en',
  asker: { id: string; name?: string },
  query: string,
  userSpecificViews: boolean,
): AdaptiveCardJson {
  const h = messages(language).history;
  const data = { q: query };
  const card: AdaptiveCardJson = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [textBlock(renderMarkdown(h.askedBy(escapeMarkup(asker.name ?? asker.id), escapeMarkup(query)), 'card'))],
    actions: [{ type: 'Action.Execute', verb: FIND_VERB, title: h.show, data }],
    msteams: { width: 'Full' },
  };
  if (userSpecificViews)
    card.refresh = { action: { type: 'Action.Execute', verb: FIND_VERB, title: h.show, data }, userIds: [asker.id] };
  return card;
}
