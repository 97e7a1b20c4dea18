// Turns a core View into the Teams message activity that shows it: markdown text with mentions, or a card.
import type { Activity } from 'botbuilder';
import type { View } from '../../src/dialog/view.js';
import type { UserRef } from '../../src/domain/case.js';
import { type CardOptions, cardAttachment, renderCard } from './cards.js';
import { type FormOptions, type Member, renderForm } from './form-card.js';
import { Mentions, plainText, renderMarkdown } from './markdown.js';

export interface ViewActivityOptions {
  /** For forms: whom the approver lists offer. */
  members?: Member[];
  form?: FormOptions;
  /** How cards are drawn for this deployment's clients. */
  card?: CardOptions;
  /** The one person the card is for (a personal chat): their buttons are on it from the start. */
  viewer?: UserRef;
}

export function viewActivity(view: View, o: ViewActivityOptions = {}): Partial<Activity> {
  switch (view.kind) {
    case 'text': {
      // Proactive texts (reminders) mention people for real, so Teams notifies them.
      const mentions = new Mentions();
      const text = renderMarkdown(view.text, 'message', mentions);
      return { type: 'message', textFormat: 'markdown', text, entities: mentions.entities };
    }
    case 'card':
      return {
        type: 'message',
        summary: plainText(view.title ?? view.sections[0]?.text ?? '').slice(0, 200),
        attachments: [cardAttachment(renderCard(view, o.viewer, o.card))],
      };
    case 'form':
      return {
        type: 'message',
        summary: view.title,
        attachments: [cardAttachment(renderForm(view, o.members ?? [], o.form))],
      };
  }
}
