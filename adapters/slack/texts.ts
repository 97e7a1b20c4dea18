// The few sentences only the Slack adapter says (everything else comes from the core's i18n/messages.ts).

import type { Language } from '../../src/answers/types.js';
import type { View } from '../../src/dialog/view.js';
import { MESSAGES } from '../../src/i18n/messages.js';

const nl = {
  close: 'Sluiten',
  botNotAllowed: 'Een bot kan geen akkoord geven; kies een persoon.',
  userUnknown: 'Deze persoon kan ik niet vinden in Slack; kies een ander.',
  userCheckFailed: 'Ik kon deze persoon nu niet controleren bij Slack; probeer het zo opnieuw.',
  failed: MESSAGES.nl.errors.failed,
  startFailed: (errors: string) => `De overname is niet aangemaakt:\n${errors}`,
  help: '**In Slack:** `/overname start` start een overname, `/overname status` toont de lopende overnames in het kanaal, `/overname <vraag>` of een @vermelding van mij in een kanaal stelt een vraag; je kunt me ook een privébericht sturen. Op een overnamebericht kan alleen de genoemde persoon op **Akkoord** of **Afwijzen** drukken.',
  notPosted:
    'Ik kon het overnamebericht niet in het kanaal plaatsen, dus de aanvraag is ingetrokken. Nodig mij uit in het kanaal (`/invite @Overname-assistent`) en start de overname opnieuw.',
};

const en: typeof nl = {
  close: 'Close',
  botNotAllowed: 'A bot cannot approve; choose a person.',
  userUnknown: 'I cannot find this person in Slack; choose someone else.',
  userCheckFailed: 'I could not check this person with Slack just now; please try again in a moment.',
  failed: MESSAGES.en.errors.failed,
  startFailed: (errors: string) => `The takeover was not created:\n${errors}`,
  help: '**In Slack:** `/overname start` starts a takeover, `/overname status` lists the open takeovers in the channel, `/overname <question>` or an @mention of me in a channel asks a question; you can also send me a direct message. On a takeover message only the named person can press **Approve** or **Reject**.',
  notPosted:
    'I could not post the takeover message in the channel, so the request was withdrawn. Invite me to the channel (`/invite @Overname-assistent`) and start the takeover again.',
};

export function slackTexts(language: Language) {
  return language === 'en' ? en : nl;
}

/** The core's help is platform-neutral; on Slack it also says how to reach the assistant here. */
export function withSlackHelp(view: View): View {
  if (view.kind !== 'card' || view.purpose !== 'help') return view;
  return { ...view, sections: [...view.sections, { text: slackTexts(view.language).help }] };
}
