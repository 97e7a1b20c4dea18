// The Slack adapter's own words (the few sentences only it says), from the catalogue in src/i18n.

import type { Language } from '../../src/answers/types.js';
import type { View } from '../../src/dialog/view.js';
import { messages } from '../../src/i18n/messages.js';

export function slackTexts(language: Language) {
  return messages(language).slack;
}

/** The core's help is platform-neutral; on Slack it also says how to reach the assistant here. */
export function withSlackHelp(view: View): View {
  if (view.kind !== 'card' || view.purpose !== 'help') return view;
  return { ...view, sections: [...view.sections, { text: slackTexts(view.language).help }] };
}
