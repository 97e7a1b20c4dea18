// The Teams adapter's own words (around the core's cards), from the catalogue in src/i18n.
import type { Language } from '../../src/answers/types.js';
import { messages } from '../../src/i18n/messages.js';

export function teamsTexts(language: Language) {
  return messages(language).teams;
}
