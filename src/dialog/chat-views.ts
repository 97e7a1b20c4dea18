// Views for conversation replies that are not a case message: help, the status list, and knowledge answers.
import { sourceLabel } from '../answers/messages.js';
import type { Answer } from '../answers/types.js';
import type { CaseSnapshot, UserRef } from '../domain/case.js';
import { followUpPeople } from '../domain/case-service.js';
import { joinNames } from '../i18n/format.js';
import { type Messages, messages } from '../i18n/messages.js';
import { openItems, pendingApprovers, who } from './case-views.js';
import { escapeMarkup, link } from './markup.js';
import type { ButtonView, CardView, SectionView } from './view.js';

/** In a direct chat a takeover cannot be started (the others would not see it): no button, but where to go. */
export function helpCard(language: 'nl' | 'en', where: { direct?: boolean } = {}): CardView {
  const m = messages(language);
  const h = m.help;
  const lines = where.direct
    ? [h.questions, h.startElsewhere, h.mine, h.history, h.followUp]
    : [h.questions, h.start, h.status, h.mine, h.history, h.followUp];
  return {
    kind: 'card',
    language,
    purpose: 'help',
    title: h.title,
    facts: [],
    sections: [{ text: lines.join('\n') }],
    buttons: where.direct ? [] : [{ action: 'start', label: m.buttons.start, style: 'primary' }],
    actors: [],
  };
}

/** An open case as the status list shows it: with a link to its case message, when the platform gave one. */
export interface StatusEntry {
  snapshot: CaseSnapshot;
  link?: string;
}

/** The open cases of a conversation: per case how long it has been open (as of `now`), what and whom it waits for. */
export function statusCard(entries: StatusEntry[], language: 'nl' | 'en', withCancel: boolean, now: Date): CardView {
  const m = messages(language);
  const sections: SectionView[] = entries.map(({ snapshot: s, link: url }) => {
    const cm = messages(s.data.language);
    const buttons: ButtonView[] = withCancel
      ? [{ action: 'cancel', label: cm.buttons.cancel, style: 'danger', caseId: s.data.id }]
      : [];
    return { text: caseStatusText(s, now, url, true), buttons, caseId: s.data.id };
  });
  return {
    kind: 'card',
    language,
    purpose: 'status',
    title: m.statusView.title,
    facts: [],
    sections: sections.length > 0 ? sections : [{ text: m.statusView.none }],
    buttons: [],
    footer: withCancel ? undefined : m.cancelHow,
    actors: [],
  };
}

/**
 * "**Client** — status — since 3 days", then (when there is any) what it waits for and from whom, and the link to its
 * case message: a status list's line, and a case's headline in "my takeovers".
 */
export function caseStatusText(s: CaseSnapshot, now: Date, url: string | undefined, withWaiting: boolean): string {
  const cm = messages(s.data.language);
  const lines = [cm.statusView.line(escapeMarkup(s.data.clientName), cm.status[s.status], age(s, now, cm))];
  const second = [withWaiting ? waitingFor(s, cm) : '', url ? link(cm.statusView.link, url) : '']
    .filter(Boolean)
    .join(' ');
  if (second) lines.push(second);
  return lines.join('\n');
}

/** Whole hours under a day, whole days after: "sinds 3 dagen" reads better than a date in a list of cases. */
function age(s: CaseSnapshot, now: Date, m: Messages): string {
  const hours = Math.max(0, Math.floor((now.getTime() - Date.parse(s.data.createdAt)) / 3_600_000));
  return hours < 24 ? m.statusView.ageHours(hours) : m.statusView.ageDays(Math.floor(hours / 24));
}

/** What the case waits for, and from whom; empty for a status that waits for nobody. */
function waitingFor(s: CaseSnapshot, m: Messages) {
  const names = (people: UserRef[]) =>
    joinNames(
      people.map((u) => who(u, s.data.language)),
      s.data.language,
    );
  switch (s.status) {
    case 'awaiting_approvals':
      return m.statusView.pendingPeople(names(pendingApprovers(s)));
    case 'approved':
      return m.statusView.awaitingTransfer(who(s.data.approvers.newEnvironmentAdmin, s.data.language));
    case 'rejected':
      return m.statusView.awaitingRerequest(who(s.data.requester, s.data.language));
    case 'transferred':
      return m.statusView.openItems(openItems(s).length, names(followUpPeople(s.data)));
    default:
      return '';
  }
}

/** The answer engine speaks plain text, escaped here so an article's "*" or "[" stays text; citations become links. */
export function answerCard(answer: Answer, canStart: boolean): CardView {
  const m = messages(answer.language);
  const sources = citationLine(answer);
  return {
    kind: 'card',
    language: answer.language,
    purpose: 'answer',
    facts: [],
    sections: [{ text: escapeMarkup(answer.answer) }],
    buttons: answer.suggestTakeover && canStart ? [{ action: 'start', label: m.buttons.start, style: 'primary' }] : [],
    footer: sources ? `${sourceLabel(answer.language)}: ${sources}` : undefined,
    actors: [],
  };
}

/** One line per article: its title once, then a link per cited section (titles read "Article — Section"). */
function citationLine(answer: Answer): string {
  const byArticle = new Map<string, { title: string; links: string[] }>();
  for (const c of answer.citations) {
    const cut = c.title.lastIndexOf(' — ');
    const article = cut > 0 ? c.title.slice(0, cut) : c.title;
    const section = cut > 0 ? c.title.slice(cut + 3) : c.title;
    const entry = byArticle.get(c.article) ?? { title: article, links: [] };
    entry.links.push(link(section, c.url));
    byArticle.set(c.article, entry);
  }
  return [...byArticle.values()].map((a) => `_${escapeMarkup(a.title)}_ — ${a.links.join(' · ')}`).join('\n');
}
