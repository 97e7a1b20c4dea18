import type { Language } from '../../src/answers/types.js';
import { MESSAGES } from '../../src/i18n/messages.js';

const nl = {
  refresh: 'Vernieuwen',
  back: 'Terug',
  buttonsFor: (names: string) => `Knoppen op deze kaart staan alleen bij ${names}.`,
  checkFields: 'Controleer de gemarkeerde velden.',
  membersCut: (shown: number, total: number) => `De keuzelijsten tonen ${shown} van de ${total} leden van dit gesprek.`,
  submitted: 'Aanvraag verstuurd. De overnamekaart staat nu in het gesprek.',
  alreadySubmitted: 'Dit formulier is al verstuurd; er is geen tweede overname aangemaakt.',
  busy: 'Dit formulier wordt al verwerkt.',
  failed: MESSAGES.nl.errors.failed,
  slow: 'Je keuze is ontvangen; de kaart wordt zo bijgewerkt.',
};

const en: typeof nl = {
  refresh: 'Refresh',
  back: 'Back',
  buttonsFor: (names: string) => `Buttons on this card are shown to ${names} only.`,
  checkFields: 'Please check the marked fields.',
  membersCut: (shown: number, total: number) => `The lists show ${shown} of the ${total} members of this conversation.`,
  submitted: 'Request sent. The takeover card is now in the conversation.',
  alreadySubmitted: 'This form was already sent; no second takeover was created.',
  busy: 'This form is already being processed.',
  failed: MESSAGES.en.errors.failed,
  slow: 'Your choice was received; the card will be updated shortly.',
};

export function teamsTexts(language: Language) {
  return language === 'en' ? en : nl;
}
