import type { Language } from '../../src/answers/types.js';
import { MESSAGES } from '../../src/i18n/messages.js';

const nl = {
  refresh: 'Vernieuwen',
  back: 'Terug',
  showCase: 'Overnamekaart tonen',
  onlySee: (names: string, labels: string, people: number, buttons: number) =>
    `Alleen ${names} ${people === 1 ? 'ziet' : 'zien'} ${buttons === 1 ? 'de knop' : 'de knoppen'} ${labels}.`,
  onlyPress: (names: string, labels: string, people: number, buttons: number) =>
    `Alleen ${names} ${people === 1 ? 'kan' : 'kunnen'} ${buttons === 1 ? 'de knop' : 'de knoppen'} ${labels} gebruiken.`,
  onlyPressOwn: (names: string, labels: string, people: number, buttons: number) =>
    `${buttons === 1 ? 'De knop' : 'De knoppen'} ${labels} ${buttons === 1 ? 'werkt' : 'werken'} alleen voor ${people === 1 ? names : `${names}, elk bij de eigen naam`}.`,
  checkFields: 'Controleer de gemarkeerde velden.',
  membersCut: (shown: number, total: number) => `De keuzelijsten tonen ${shown} van de ${total} leden van dit gesprek.`,
  submittedBy: (client: string, who: string) =>
    `Aanvraag voor **${client}** verstuurd door ${who}. De overnamekaart staat nu in het gesprek.`,
  alreadySubmitted: 'Dit formulier is al verstuurd; er is geen tweede overname aangemaakt.',
  busy: 'Dit formulier wordt al verwerkt.',
  failed: MESSAGES.nl.errors.failed,
  slow: 'Je keuze is ontvangen; de kaart wordt zo bijgewerkt.',
};

const en: typeof nl = {
  refresh: 'Refresh',
  back: 'Back',
  showCase: 'Show takeover card',
  onlySee: (names: string, labels: string, people: number, buttons: number) =>
    `Only ${names} ${people === 1 ? 'sees' : 'see'} the ${buttons === 1 ? 'button' : 'buttons'} ${labels}.`,
  onlyPress: (names: string, labels: string, _people: number, buttons: number) =>
    `Only ${names} can use the ${buttons === 1 ? 'button' : 'buttons'} ${labels}.`,
  onlyPressOwn: (names: string, labels: string, people: number, buttons: number) =>
    `The ${buttons === 1 ? 'button' : 'buttons'} ${labels} ${buttons === 1 ? 'works' : 'work'} only for ${people === 1 ? names : `${names}, each next to their own name`}.`,
  checkFields: 'Please check the marked fields.',
  membersCut: (shown: number, total: number) => `The lists show ${shown} of the ${total} members of this conversation.`,
  submittedBy: (client: string, who: string) =>
    `Request for **${client}** sent by ${who}. The takeover card is now in the conversation.`,
  alreadySubmitted: 'This form was already sent; no second takeover was created.',
  busy: 'This form is already being processed.',
  failed: MESSAGES.en.errors.failed,
  slow: 'Your choice was received; the card will be updated shortly.',
};

export function teamsTexts(language: Language) {
  return language === 'en' ? en : nl;
}
