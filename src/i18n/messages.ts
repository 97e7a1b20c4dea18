// The assistant's words: one catalogue per language (nl.ts, the default, and en.ts); nothing user-visible lives
// anywhere else, so a review of the words is a review of these files.
import { en } from './en.js';
import { type Messages, nl } from './nl.js';

export type { Messages };

export const MESSAGES: Record<'nl' | 'en', Messages> = { nl, en };

export function messages(language: 'nl' | 'en'): Messages {
  return MESSAGES[language];
}
