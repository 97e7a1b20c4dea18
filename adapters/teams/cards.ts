// Renders the core's CardView as an Adaptive Card 1.5, per viewer: buttons only for who may press them.
//
// Teams shows the posted card to everyone; `refresh.userIds` makes the clients of the named users (at most 60) ask
// the bot for their own version (adaptiveCard/action, verb "refresh"). So the posted card is the read-only view,
// and renderCard(view, viewer) is what a named person gets: the same card with their buttons.

import type { Language } from '../../src/answers/types.js';
import type { ButtonView, CardView } from '../../src/dialog/view.js';
import type { UserRef } from '../../src/domain/case.js';
import { joinNames } from '../../src/i18n/format.js';
import { escapeText, Mentions, renderMarkdown } from './markdown.js';
import { teamsTexts } from './texts.js';

export type Json = Record<string, unknown>;
export type AdaptiveCardJson = Json & { type: 'AdaptiveCard'; version: string; body: Json[] };

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Universal Actions (Action.Execute, refresh) need schema version 1.5 in Teams. */
export const CARD_VERSION = '1.5';
export const REFRESH_VERB = 'refresh';
/** Teams refreshes automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

export interface CardOptions {
  /** Feedback for the person who pressed a button (markup): shown on top, in their copy of the card only. */
  notice?: { text: string; tone: 'good' | 'attention' };
  /**
   * False for clients without user-specific views (TEAMS_USER_SPECIFIC_VIEWS=off): every button sits on the shared
   * card and no refresh is asked for; the core still refuses whoever is not allowed to press.
   */
  userSpecificViews?: boolean;
}

/** What every button and refresh action carries back; the same fields as the Slack action values. */
export interface ActionData {
  caseId?: string;
  role?: string;
  item?: string;
  /** Which message of the case the card is (case or checklist), so a refresh renders the right one. */
  card?: CardView['purpose'];
  /** Language of the card a start button sat on, for the form it opens. */
  lang?: Language;
}

export function renderCard(view: CardView, viewer?: UserRef, options: CardOptions = {}): AdaptiveCardJson {
  const texts = teamsTexts(view.language);
  const mentions = new Mentions();
  const text = (markup: string) => renderMarkdown(markup, 'card', mentions);
  const personal = options.userSpecificViews !== false;
  // A case card refreshes for its actors; "my takeovers" for its one reader, so a card seen again shows today's list.
  const refreshable = !!view.caseId || view.purpose === 'mine';
  const refreshIds =
    personal && refreshable ? [...new Set(view.actors.map((u) => u.id))].slice(0, MAX_REFRESH_USERS) : [];
  const covered = new Set(refreshIds);
  const restricted = new ButtonsByPeople();
  const visible = (b: ButtonView): boolean => {
    if (!b.allowedUsers) return true;
    restricted.add(b);
    if (!personal) return true;
    return viewer
      ? b.allowedUsers.some((u) => u.id === viewer.id)
      : // Someone beyond the refresh list would never get a personal view: keep the button on the shared card.
        b.allowedUsers.some((u) => !covered.has(u.id));
  };
  const actionsOf = (buttons: ButtonView[] = []) =>
    buttons.filter(visible).map((b) => executeAction(b, { card: view.purpose, lang: view.language }));

  const body: Json[] = [];
  if (view.title) body.push(textBlock(text(view.title), { weight: 'Bolder', size: 'Medium', style: 'heading' }));
  if (view.subtitle) body.push(textBlock(text(view.subtitle), { spacing: 'Small' }));
  if (options.notice) {
    body.push({
      type: 'Container',
      style: options.notice.tone,
      items: [textBlock(text(options.notice.text))],
    });
  }
  if (view.facts.length > 0) {
    // Facts show names without <at> tags: Teams renders mentions reliably in TextBlocks only.
    body.push({
      type: 'FactSet',
      facts: view.facts.map((f) => ({ title: f.label, value: renderMarkdown(f.value, 'card') })),
    });
  }
  for (const section of view.sections) {
    const actions = actionsOf(section.buttons);
    // A status line's case card, shown in place of this card: where a deep link does not open (a chat's history
    // gone, the Agents Playground), its buttons are still one press away.
    if (section.caseId && (view.purpose === 'status' || view.purpose === 'mine'))
      actions.unshift(showCaseAction(section.caseId, texts.showCase));
    const items: Json[] = [textBlock(text(section.text))];
    if (actions.length > 0) items.push({ type: 'ActionSet', actions });
    // A separator between parts; the first part of a card without title or facts needs none.
    body.push(
      body.length > 0 ? { type: 'Container', separator: true, spacing: 'Medium', items } : { type: 'Container', items },
    );
  }
  const cardActions = actionsOf(view.buttons);
  // Say who has which buttons: a viewer without them knows who decides and who may cancel; with shared buttons,
  // everyone knows whose button is whose before pressing.
  for (const group of restricted.groups()) {
    if (personal && viewer && group.people.some((u) => u.id === viewer.id)) continue;
    const names = joinNames(
      group.people.map((u) => escapeText(u.name ?? u.id, 'card')),
      view.language,
    );
    const labels = joinNames(
      group.labels.map((l) => `**${escapeText(l, 'card')}**`),
      view.language,
    );
    const line = personal ? texts.onlySee : group.own ? texts.onlyPressOwn : texts.onlyPress;
    body.push(textBlock(line(names, labels, group.people.length, group.labels.length), subtle));
  }
  if (view.footer) body.push(textBlock(text(view.footer), subtle));

  const card: AdaptiveCardJson = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body };
  if (cardActions.length > 0) card.actions = cardActions;
  if (refreshIds.length > 0) {
    card.refresh = {
      action: {
        type: 'Action.Execute',
        verb: REFRESH_VERB,
        title: texts.refresh,
        data: compact({
          caseId: view.caseId,
          card: view.purpose,
          lang: view.purpose === 'mine' ? view.language : undefined,
        }),
      },
      userIds: refreshIds,
    };
  }
  card.msteams = msteamsProperty(mentions);
  return card;
}

/**
 * Groups the card's restricted buttons by who may press them: labels with the same people read as one line
 * ("Only Otto and Karin see Approve and Reject"), so a card says who still decides apart from who may cancel.
 */
class ButtonsByPeople {
  private readonly byLabel = new Map<string, { people: Map<string, UserRef>; own: boolean }>();

  add(b: ButtonView): void {
    const entry = this.byLabel.get(b.label) ?? { people: new Map<string, UserRef>(), own: true };
    const allowed = b.allowedUsers ?? [];
    // "Own" buttons: each copy belongs to one person (an approver's Approve), not to a group (Cancel).
    if (allowed.length !== 1 || entry.people.has(allowed[0]!.id)) entry.own = false;
    for (const u of allowed) entry.people.set(u.id, u);
    this.byLabel.set(b.label, entry);
  }

  groups(): ButtonGroup[] {
    const out = new Map<string, ButtonGroup>();
    for (const [label, { people, own }] of this.byLabel) {
      const key = `${own}\n${[...people.keys()].sort().join('\n')}`;
      const group = out.get(key) ?? { labels: [], people: [...people.values()], own };
      group.labels.push(label);
      out.set(key, group);
    }
    return [...out.values()];
  }
}

interface ButtonGroup {
  labels: string[];
  people: UserRef[];
  /** Each person has a copy of their own, next to their name. */
  own: boolean;
}

/** Asks for the case card as this viewer sees it (the refresh verb): a read, nothing changes. */
function showCaseAction(caseId: string, title: string): Json {
  const data = { caseId, card: 'case' };
  return { type: 'Action.Execute', verb: REFRESH_VERB, title, data, fallback: 'drop' };
}

/** An Action.Execute with an Action.Submit fallback: clients without Universal Actions send a message instead. */
export function executeAction(b: ButtonView, extra: ActionData = {}): Json {
  const data = compact({
    caseId: b.caseId,
    role: b.role,
    item: b.item,
    card: b.caseId ? extra.card : undefined,
    // A press on "my takeovers" is answered with that card again, in its language.
    lang: b.action === 'start' || extra.card === 'mine' ? extra.lang : undefined,
  });
  const action: Json = { type: 'Action.Execute', verb: b.action, title: b.label, data };
  if (b.style) action.style = b.style === 'primary' ? 'positive' : 'destructive';
  action.fallback = { type: 'Action.Submit', title: b.label, data: { verb: b.action, ...data } };
  return action;
}

/** Full width reads better for cards with facts; mentions need their entities here. */
export function msteamsProperty(mentions: Mentions): Json {
  return mentions.entities.length > 0 ? { width: 'Full', entities: mentions.entities } : { width: 'Full' };
}

export const subtle: Json = { size: 'Small', isSubtle: true, spacing: 'Medium' };

export function textBlock(text: string, extra: Json = {}): Json {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** The bot's message with one card: `summary` is what notifications and the chat list show. */
export function cardAttachment(card: AdaptiveCardJson): { contentType: string; content: AdaptiveCardJson } {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}

/** A small card with one message: what a submitted form turns into, so it cannot be sent twice. */
export function renderNotice(title: string, markup: string, tone: 'good' | 'attention' = 'good'): AdaptiveCardJson {
  const mentions = new Mentions();
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      textBlock(renderMarkdown(title, 'card', mentions), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
      { type: 'Container', style: tone, items: [textBlock(renderMarkdown(markup, 'card', mentions))] },
    ],
    msteams: msteamsProperty(mentions),
  };
}
