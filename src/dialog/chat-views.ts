// Views for conversation replies that are not a case message: help, the status list, and knowledge answers.
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
  const sources = answer.citations.map((c) => link(c.title, c.url)).join(' · ');
  const label = answer.language === 'nl' ? 'Bron' : 'Source';
  return {
    kind: 'card',
    purpose: 'answer',
    facts: [],
    sections: [{ text: escapeMarkup(answer.answer) }],
    buttons: answer.suggestTakeover && canStart ? [{ action: 'start', label: m.buttons.start, style: 'primary' }] : [],
    footer: sources ? `${label}: ${sources}` : undefined,
    actors: [],
  };
}
