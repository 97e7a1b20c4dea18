// Word forms to comparable keys: Snowball stems (NLP.js's Dutch and English stemmers) plus Dutch participles.
import { StemmerEn } from '@nlpjs/lang-en-min';
import { StemmerNl } from '@nlpjs/lang-nl';

const dutch = new StemmerNl();
const english = new StemmerEn();

/** Questions bring arbitrary words; the cache is for the article's and the lexicon's, so it is bounded. */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, readonly string[]>();

const SEPARABLE = ['over', 'mee', 'aan', 'in', 'op', 'uit', 'door', 'af', 'toe', 'terug', 'na', 'vast', 'weg', 'samen'];

/**
 * Snowball leaves participles alone ("gekopieerd", "meegekopieerd", "ingesteld"): their stem hides behind "ge"
 * and a final d/t. These are the infinitive-like forms to stem as well.
 */
export function dutchParticipleVariants(word: string): string[] {
  const out: string[] = [];
  const bases: string[] = [];
  if (word.startsWith('ge') && word.length >= 6) bases.push(word.slice(2));
  for (const prefix of SEPARABLE) {
    if (word.startsWith(`${prefix}ge`) && word.length >= prefix.length + 5) {
      bases.push(prefix + word.slice(prefix.length + 2));
    }
  }
  for (const base of bases.length ? bases : [word]) {
    if (bases.length) out.push(base);
    // "kopieerd" → "kopieren", "gestart" → "starten": the participle's d/t replaced by the infinitive ending.
    if (/eer[dt]$/.test(base)) out.push(`${base.slice(0, -4)}eren`);
    else if (bases.length && /[dt]$/.test(base) && base.length >= 4) out.push(`${base.slice(0, -1)}en`);
  }
  return out;
}

export type StemLanguage = 'nl' | 'en';

/**
 * Every key a word can be recognised by in one language: the word itself and its stem, prefixed with the language so
 * a Dutch stem never meets an English one ("beheerde" and the English stem of "beheerder" are both "beheerd").
 */
export function wordKeys(word: string, language: StemLanguage): readonly string[] {
  const id = `${language}:${word}`;
  const known = cache.get(id);
  if (known) return known;
  const keys = new Set<string>([word]);
  if (language === 'nl') {
    keys.add(`nl:${dutch.stemWord(word)}`);
    for (const variant of dutchParticipleVariants(word)) keys.add(`nl:${dutch.stemWord(variant)}`);
  } else {
    keys.add(`en:${english.stemWord(word)}`);
  }
  const out = [...keys];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(id, out);
  return out;
}

/** The word's Snowball stem in one language, without the language prefix ("gebruiken" → "gebruik"). */
export function stemOf(word: string, language: StemLanguage): string {
  return (wordKeys(word, language)[1] ?? word).replace(/^(?:nl|en):/, '');
}

/** Keys of a lexicon word, which may be met in a question of either language ("bank feed" in Dutch chat). */
export function bilingualKeys(word: string): readonly string[] {
  return [...new Set([...wordKeys(word, 'nl'), ...wordKeys(word, 'en')])];
}

export function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  return a.some((k) => b.includes(k));
}
