// Views for conversation replies that are not a case message: help, the status list, and knowledge answers.
import { sourceLabel } from '../answers/messages.js';
import type { Answer } from '../answers/types.js';
import type { CaseSnapshot } from '../domain/case.js';
import { joinNames } from '../i18n/format.js';
import { messages } from '../i18n/messages.js';
import { openItems, pendingApprovers, who } from './case-views.js';
import { escapeMarkup, link } from './markup.js';
import type { ButtonView, CardView, SectionView } from './view.js';

export function helpCard(language: 'nl' | 'en'): CardView {
  const m = messages(language);
  return {
    kind: 'card',
    language,
    purpose: 'help',
    title: m.help.title,
    facts: [],
    sections: [{ text: m.help.body }],
    buttons: [{ action: 'start', label: m.buttons.start, style: 'primary' }],
    actors: [],
  };
}

export function statusCard(snapshots: CaseSnapshot[], language: 'nl' | 'en', withCancel: boolean): CardView {
  const m = messages(language);
  const sections: SectionView[] = snapshots.map((s) => {
    const cm = messages(s.data.language);
    const pending = pendingApprovers(s);
    const detail =
      pending.length > 0
        ? cm.statusView.pendingPeople(joinNames(pending.map(who), s.data.language))
        : s.status === 'transferred'
          ? cm.statusView.openItems(openItems(s).length)
          : '';
    const buttons: ButtonView[] = withCancel
      ? [{ action: 'cancel', label: cm.buttons.cancel, style: 'danger', caseId: s.data.id }]
      : [];
    return { text: cm.statusView.line(escapeMarkup(s.data.clientName), cm.status[s.status], detail), buttons };
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
