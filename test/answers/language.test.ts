// Language detection of questions: Dutch or English from the words, else the locale, else Dutch.
import { describe, expect, it } from 'vitest';
import { chooseLanguage, detectLanguageFromText, languageFromLocale } from '../../src/i18n/language.js';

describe('language detection', () => {
  it.each([
    ['Wie moet akkoord geven voor de verhuizing?', 'nl'],
    ['en de Knab?', 'nl'],
    ['Worden de bankkoppelingen meegekopieerd?', 'nl'],
    ['welke dingen moet ik opnieuw instelen na de overzetting', 'nl'],
    ['Who needs to approve the transfer?', 'en'],
    ['what about certificates?', 'en'],
    ['Are bank feeds copied to the new environment?', 'en'],
    ['Which settigns are not copied?', 'en'],
    ['via welk account precies?', 'nl'],
    ['which account exactly?', 'en'],
  ])('%s → %s', (text, expected) => {
    expect(detectLanguageFromText(text)).toBe(expected);
  });

  it('stays undecided on names alone and falls back to the locale, then Dutch', () => {
    expect(detectLanguageFromText('Knab?')).toBeNull();
    expect(languageFromLocale('en-GB')).toBe('en');
    expect(languageFromLocale('de-DE')).toBeNull();
    expect(chooseLanguage('Knab?', 'en-US')).toBe('en');
    expect(chooseLanguage('Knab?')).toBe('nl');
  });
});
